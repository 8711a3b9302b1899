import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import ShareOutlined from '@mui/icons-material/ShareOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ChatVisibility, ModelOption } from '@storyos/contracts';
import { useId, useState } from 'react';

/** What each model can do, said plainly next to its name. */
function modelLabel(model: ModelOption): string {
  if (model.provider === 'builtin') return 'Builtin story engine (offline; tells short stories, cannot see pictures)';
  return model.contextTokens ? `${model.id} (${Math.round(model.contextTokens / 1024)}k context)` : model.id;
}

interface ChatToolbarProps {
  title: string;
  models: ModelOption[];
  model: string;
  onModel: (model: string) => void;
  visibility: ChatVisibility;
  onVisibility: (visibility: ChatVisibility) => void;
  canWrite: boolean;
  shareUrl: string | null;
  onOpenHistory: () => void;
}

/** The chat's title, its model and visibility, and the share link of a public chat. */
export function ChatToolbar({ title, models, model, onModel, visibility, onVisibility, canWrite, shareUrl, onOpenHistory }: ChatToolbarProps) {
  const [sharing, setSharing] = useState(false);
  const [copied, setCopied] = useState(false);
  const titleId = useId();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: { xs: 1, sm: 2 }, py: 1, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap', rowGap: 1 }}>
      <IconButton aria-label="Open chat history" onClick={onOpenHistory} sx={{ display: { md: 'none' } }}>
        <HistoryOutlined />
      </IconButton>
      <Typography variant="h6" component="h1" noWrap sx={{ flex: 1, minWidth: 120 }}>
        {title}
      </Typography>
      {canWrite && (
        <>
          <TextField select size="small" label="Model" value={models.some((option) => option.id === model) ? model : ''} onChange={(event) => onModel(event.target.value)} sx={{ minWidth: 180, maxWidth: 320 }}>
            {models.map((option) => (
              <MenuItem key={option.id} value={option.id}>
                {modelLabel(option)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label="Visibility" value={visibility} onChange={(event) => onVisibility(event.target.value as ChatVisibility)} sx={{ minWidth: 120 }}>
            <MenuItem value="private">Private</MenuItem>
            <MenuItem value="public">Public</MenuItem>
          </TextField>
        </>
      )}
      {shareUrl && (
        <Button startIcon={<ShareOutlined />} onClick={() => setSharing(true)}>
          Share
        </Button>
      )}
      <Dialog open={sharing} onClose={() => setSharing(false)} aria-labelledby={titleId} maxWidth="sm" fullWidth>
        <DialogTitle id={titleId}>Share this chat</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>Anyone signed in to StoryOS can read this chat with the link; only you can write in it.</DialogContentText>
          <TextField value={shareUrl ?? ''} fullWidth slotProps={{ htmlInput: { readOnly: true, 'aria-label': 'Share link' } }} onFocus={(event) => event.target.select()} />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={() => setSharing(false)}>Close</Button>
          <Button variant="contained" onClick={() => void navigator.clipboard.writeText(shareUrl ?? '').then(() => setCopied(true))}>
            {copied ? 'Copied' : 'Copy link'}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
