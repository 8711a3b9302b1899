import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export interface ToolPartView {
  toolName: 'createDocument' | 'updateDocument' | 'requestSuggestions';
  state: string;
  /** Absent while the input is still streaming in. */
  input?: Record<string, unknown>;
  output?: { id: string; title: string };
  errorText?: string;
}

const ACTIONS = {
  createDocument: { running: 'Writing', done: 'Wrote' },
  updateDocument: { running: 'Revising', done: 'Revised' },
  requestSuggestions: { running: 'Reading for suggestions:', done: 'Suggested changes to' },
} as const;

/** A tool the reply used, shown as a card that opens its document beside the chat. */
export function DocumentToolCard({ part, onOpen }: { part: ToolPartView; onOpen: (documentId: string) => void }) {
  const running = part.state === 'input-streaming' || part.state === 'input-available';
  const input = part.input ?? {};
  const documentId = part.output?.id ?? (typeof input['id'] === 'string' ? input['id'] : typeof input['documentId'] === 'string' ? input['documentId'] : null);
  const title = part.output?.title ?? (typeof input['title'] === 'string' ? input['title'] : 'the document');
  const words = ACTIONS[part.toolName];
  return (
    <Paper variant="outlined" sx={{ p: 1.5, my: 1 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        {running ? <CircularProgress size={20} aria-hidden /> : <DescriptionOutlined color={part.errorText ? 'error' : 'primary'} aria-hidden />}
        <Typography variant="body2" sx={{ flex: 1, minWidth: 0 }}>
          {part.errorText ? `Could not finish “${title}”: ${part.errorText}` : `${running ? words.running : words.done} “${title}”${running ? '…' : ''}`}
        </Typography>
        {documentId && (
          <Button size="small" onClick={() => onOpen(documentId)}>
            Open
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
