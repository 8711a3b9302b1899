import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import ThumbDownOutlined from '@mui/icons-material/ThumbDownOutlined';
import ThumbDownAlt from '@mui/icons-material/ThumbDownAlt';
import ThumbUpOutlined from '@mui/icons-material/ThumbUpOutlined';
import ThumbUpAlt from '@mui/icons-material/ThumbUpAlt';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo, useState } from 'react';
import { disabledByFieldset, useBusy, WhileIdle } from '../../../components/busy';
import type { ChatUIMessage } from '../transport';
import { AttachmentImage } from './attachment-image';
import { DocumentToolCard, type ToolPartView } from './document-tool-card';
import { Markdown } from './markdown';

export interface MessageActions {
  onVote: (messageId: string, type: 'up' | 'down') => void;
  onRegenerate: () => void;
  onEdit: (messageId: string, text: string) => void;
  onOpenDocument: (documentId: string) => void;
}

interface MessageItemProps extends MessageActions {
  message: ChatUIMessage;
  /** The chat is mine: I can vote, edit and regenerate. */
  canWrite: boolean;
  isLastReply: boolean;
  /** The last reply while the next one is asked for or written: its actions wait. (The edit buttons read BusyContext.) */
  replying: boolean;
  vote: boolean | undefined;
}

const isDiscarded = (part: { providerMetadata?: Record<string, unknown> }): boolean => Boolean((part.providerMetadata?.['storyos'] as { discarded?: boolean } | undefined)?.discarded);

/** The visible text of a message: its text parts, without any given-up attempt. */
export function textOfMessage(message: ChatUIMessage): string {
  return message.parts.flatMap((part) => (part.type === 'text' && !isDiscarded(part) ? [part.text] : [])).join('\n\n');
}

/**
 * One message: its text as Markdown, pictures, the tools it used, and what can be done with it.
 * Memoised: while a reply streams only that reply renders again, so the handlers must keep their identity.
 */
export const MessageItem = memo(function MessageItem({ message, canWrite, isLastReply, replying, vote, onVote, onRegenerate, onEdit, onOpenDocument }: MessageItemProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const mine = message.role === 'user';
  const text = textOfMessage(message);
  const error = message.metadata?.status === 'failed' ? message.metadata.error : null;

  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  if (editing !== null) {
    return <MessageEditForm text={editing} onChange={setEditing} onSend={() => (onEdit(message.id, editing), setEditing(null))} onCancel={() => setEditing(null)} />;
  }

  return (
    <Box component="article" aria-label={mine ? 'Your message' : 'Assistant’s reply'} sx={{ py: 1.5, display: 'flex', flexDirection: 'column', alignItems: mine ? 'flex-end' : 'stretch' }}>
      <Box sx={mine ? { maxWidth: '85%', bgcolor: 'action.selected', px: 2, py: 1, borderRadius: 3 } : { px: 0.5 }}>
        {message.parts.map((part, index) => {
          if (part.type === 'text') return isDiscarded(part) ? null : mine ? <Typography key={index} sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{part.text}</Typography> : <Markdown key={index} text={part.text} />;
          if (part.type === 'file') return <Box key={index} sx={{ display: 'inline-block', mr: 1, mb: 1 }}><AttachmentImage url={part.url} name={part.filename ?? null} /></Box>;
          if (part.type.startsWith('tool-')) return <DocumentToolCard key={index} part={{ ...(part as unknown as ToolPartView), toolName: part.type.slice(5) as ToolPartView['toolName'] }} onOpen={onOpenDocument} />;
          return null;
        })}
      </Box>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      {!replying ? (
        <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }}>
          <Tooltip title={copied ? 'Copied' : 'Copy'}>
            <IconButton size="small" aria-label="Copy message" onClick={() => void copy()} disabled={!text}>
              <ContentCopyOutlined fontSize="small" />
            </IconButton>
          </Tooltip>
          {canWrite && mine && (
            <Tooltip title="Edit">
              <span>
                <WhileIdle>
                  <IconButton size="small" aria-label="Edit message" onClick={() => setEditing(text)} sx={disabledByFieldset}>
                    <EditOutlined fontSize="small" />
                  </IconButton>
                </WhileIdle>
              </span>
            </Tooltip>
          )}
          {canWrite && !mine && (
            <>
              <Tooltip title="Good reply">
                <IconButton size="small" aria-label="Good reply" aria-pressed={vote === true} onClick={() => onVote(message.id, 'up')}>
                  {vote === true ? <ThumbUpAlt fontSize="small" /> : <ThumbUpOutlined fontSize="small" />}
                </IconButton>
              </Tooltip>
              <Tooltip title="Bad reply">
                <IconButton size="small" aria-label="Bad reply" aria-pressed={vote === false} onClick={() => onVote(message.id, 'down')}>
                  {vote === false ? <ThumbDownAlt fontSize="small" /> : <ThumbDownOutlined fontSize="small" />}
                </IconButton>
              </Tooltip>
              {isLastReply && (
                <Tooltip title="Regenerate">
                  <IconButton size="small" aria-label="Regenerate reply" onClick={onRegenerate}>
                    <RefreshOutlined fontSize="small" />
                  </IconButton>
                </Tooltip>
              )}
            </>
          )}
        </Stack>
      ) : null}
    </Box>
  );
});

/** Rewrites one of my messages; sending waits while a reply is written. */
function MessageEditForm({ text, onChange, onSend, onCancel }: { text: string; onChange: (text: string) => void; onSend: () => void; onCancel: () => void }) {
  const busy = useBusy();
  return (
    <Box component="form" onSubmit={(event) => (event.preventDefault(), onSend())} sx={{ py: 1 }}>
      <TextField label="Edit your message" value={text} onChange={(event) => onChange(event.target.value)} multiline fullWidth autoFocus minRows={2} />
      <Stack direction="row" spacing={1} sx={{ mt: 1, justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={!text.trim() || busy}>
          Send
        </Button>
      </Stack>
    </Box>
  );
}
