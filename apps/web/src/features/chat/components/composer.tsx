import AttachFileOutlined from '@mui/icons-material/AttachFileOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { MAX_CHAT_MESSAGE_CHARS, type MediaAsset } from '@storyos/contracts';
import { memo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { Attachment } from '../hooks/use-attachments';

interface ComposerProps {
  attachments: Attachment[];
  uploading: boolean;
  ready: MediaAsset[];
  onAddFiles: (files: Iterable<File>) => void;
  onRemove: (key: string) => void;
  onSend: (text: string, files: MediaAsset[]) => boolean;
  onStop: () => void;
  streaming: boolean;
  disabled: boolean;
  footer?: React.ReactNode;
}

/** Where a message is written: Enter sends, Shift+Enter breaks the line; pictures by button, drop or paste. Memoised: the chat re-renders with each streamed update. */
export const Composer = memo(function Composer({ attachments, uploading, ready, onAddFiles, onRemove, onSend, onStop, streaming, disabled, footer }: ComposerProps) {
  const [text, setText] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const failed = attachments.some((item) => item.error);
  const canSend = text.trim().length > 0 && !uploading && !failed && !disabled && !streaming;

  const send = () => {
    if (!canSend) return;
    if (onSend(text.trim(), ready)) setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    onAddFiles(files);
  };

  return (
    <Paper variant="outlined" sx={{ mx: 'auto', width: '100%', maxWidth: 820, p: 1, borderRadius: 3 }}>
      {attachments.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} aria-label="Attached pictures">
          {attachments.map((item) => (
            <Box key={item.key} sx={{ position: 'relative', width: 72 }}>
              <Box component="img" src={item.previewUrl} alt={`Preview of ${item.name}`} sx={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 1, opacity: item.uploaded ? 1 : 0.6, border: 1, borderColor: item.error ? 'error.main' : 'divider' }} />
              <IconButton size="small" aria-label={`Remove ${item.name}`} onClick={() => onRemove(item.key)} sx={{ position: 'absolute', top: -8, right: -8, bgcolor: 'background.paper', boxShadow: 1, '&:hover': { bgcolor: 'background.paper' } }}>
                <CloseOutlined fontSize="inherit" />
              </IconButton>
              {!item.uploaded && !item.error && <LinearProgress variant="determinate" value={Math.round(item.progress * 100)} aria-label={`Uploading ${item.name}`} sx={{ mt: 0.5 }} />}
              {item.error && (
                <Typography variant="caption" color="error" role="alert" sx={{ display: 'block', lineHeight: 1.2 }}>
                  {item.error}
                </Typography>
              )}
            </Box>
          ))}
        </Stack>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-end' }}>
        <input ref={picker} type="file" accept="image/png,image/jpeg,image/webp" multiple hidden onChange={(event) => (event.target.files && onAddFiles(event.target.files), (event.target.value = ''))} data-testid="attach-input" />
        <Tooltip title="Attach pictures">
          <span>
            <IconButton aria-label="Attach pictures" onClick={() => picker.current?.click()} disabled={disabled}>
              <AttachFileOutlined />
            </IconButton>
          </span>
        </Tooltip>
        <TextField
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          placeholder="Send a message… (Shift+Enter for a new line)"
          multiline
          maxRows={10}
          fullWidth
          variant="standard"
          disabled={disabled}
          slotProps={{ input: { disableUnderline: true }, htmlInput: { 'aria-label': 'Message', maxLength: MAX_CHAT_MESSAGE_CHARS } }}
          sx={{ py: 1 }}
        />
        {streaming ? (
          <Tooltip title="Stop">
            <IconButton aria-label="Stop the reply" onClick={onStop} color="primary">
              <StopCircleOutlined />
            </IconButton>
          </Tooltip>
        ) : (
          <Tooltip title="Send">
            <span>
              <IconButton aria-label="Send message" onClick={send} disabled={!canSend} color="primary">
                <SendOutlined />
              </IconButton>
            </span>
          </Tooltip>
        )}
      </Stack>
      {footer}
    </Paper>
  );
});
