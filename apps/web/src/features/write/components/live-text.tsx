import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useLayoutEffect, useRef } from 'react';
import { READING_FONT } from '../../../lib/theme';
import type { RevealedStream } from '../hooks/use-revealed-stream';
import { chaptersSoFar } from '../outline-stream';

interface LiveTextProps {
  label: string;
  live: RevealedStream;
  /** Text already there that the new words follow (the story so far, when continuing). */
  before?: string;
  /** An outline streams as JSON: shown as its chapters as they come. */
  format?: 'text' | 'outline';
}

/** How much of the story so far to show above the new words: enough to read on from. */
const TAIL = 1500;

/** The words of a generation as they arrive, revealed at a reading pace; the box follows the newest line. */
export function LiveText({ label, live, before, format = 'text' }: LiveTextProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const chapters = format === 'outline' ? chaptersSoFar(live.text) : [];
  // Follow the newest words, unless the reader scrolled up to read.
  const following = useRef(true);
  useLayoutEffect(() => {
    const element = box.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  });

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-hidden>
        {live.writing ? `${label}…` : 'Finishing up…'}
      </Typography>
      <LinearProgress aria-label={label} sx={{ mb: 2, borderRadius: 1 }} />
      <Box
        ref={box}
        role="region"
        aria-label={label}
        aria-busy
        data-testid="live-text"
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
        }}
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
        {chapters.length > 0 ? (
          <Box component="ol" data-live-words sx={{ m: 0, pl: 3, whiteSpace: 'normal' }}>
            {chapters.map((chapter, index) => (
              <li key={index}>
                <strong>{chapter.title}</strong>
                {chapter.summary && ` — ${chapter.summary}`}
              </li>
            ))}
          </Box>
        ) : live.text && !(format === 'outline' && /^\s*[[{]/.test(live.text)) ? (
          <span data-live-words>{live.text}</span>
        ) : (
          <Typography color="text.secondary" role="status">
            {live.notice ?? (live.text ? 'Planning the chapters…' : 'Waiting for the first words…')}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
