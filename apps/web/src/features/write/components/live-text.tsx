import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import { READING_FONT } from '../../../lib/theme';

interface LiveTextProps {
  label: string;
  stream: GenerationStreamView;
  /** Text already there that the new words follow (the story so far, when continuing). */
  before?: string;
}

/** How much of the story so far to show above the new words: enough to read on from. */
const TAIL = 1500;

/** The words of a generation as they arrive, at the display's pace. */
export function LiveText({ label, stream, before }: LiveTextProps) {
  const writing = stream.phase !== 'ended';
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-hidden>
        {writing ? `${label}…` : 'Finishing up…'}
      </Typography>
      <LinearProgress aria-label={label} sx={{ mb: 2, borderRadius: 1 }} />
      <Box
        role="region"
        aria-label={label}
        aria-busy={writing}
        data-testid="live-text"
        tabIndex={0}
        sx={{
          whiteSpace: 'pre-wrap',
          fontFamily: READING_FONT,
          fontSize: '1.05rem',
          lineHeight: 1.7,
          border: 1,
          borderColor: 'divider',
          borderRadius: 2,
          p: { xs: 2, sm: 3 },
          minHeight: 160,
          maxHeight: '60vh',
          overflowY: 'auto',
          overflowWrap: 'anywhere',
          bgcolor: 'background.paper',
        }}
      >
        {before && <Box sx={{ color: 'text.secondary', mb: 2 }}>{before.length > TAIL ? `…${before.slice(-TAIL)}` : before}</Box>}
        {stream.text ? (
          <span data-live-words>{stream.text}</span>
        ) : writing ? (
          <Typography color="text.secondary" role="status">
            {stream.notice ?? 'Waiting for the first words…'}
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
}
