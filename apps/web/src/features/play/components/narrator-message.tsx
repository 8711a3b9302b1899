import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { GenerationStatus } from '@storyos/contracts';
import type { ReactNode } from 'react';
import { READING_FONT } from './reading-font';

interface NarratorMessageProps {
  text: string;
  status: GenerationStatus | null;
  /** Still being written: a caret shows where the text grows. */
  live?: boolean;
  children?: ReactNode;
}

/** The story's prose, set like a book page. */
export function NarratorMessage({ text, status, live = false, children }: NarratorMessageProps) {
  const waiting = live && text.length === 0;
  return (
    <Box component="article" aria-label="Narrator" aria-busy={live} data-waiting={waiting || undefined} sx={{ maxWidth: '68ch' }}>
      {waiting ? (
        <Box sx={{ color: 'text.secondary', fontStyle: 'italic', fontFamily: READING_FONT, fontSize: '1.05rem' }}>
          The narrator is thinking…
        </Box>
      ) : (
        <Box
          sx={{
            fontFamily: READING_FONT,
            fontSize: { xs: '1.05rem', sm: '1.125rem' },
            lineHeight: 1.75,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            color: 'text.primary',
            ...(live && {
              '&::after': {
                content: '""',
                display: 'inline-block',
                width: '0.5em',
                height: '1em',
                ml: '2px',
                verticalAlign: '-0.1em',
                bgcolor: 'primary.main',
                opacity: 0.6,
              },
            }),
          }}
        >
          {text}
        </Box>
      )}
      {status === 'stopped' && <Chip size="small" variant="outlined" label="Stopped early" sx={{ mt: 1 }} />}
      {children}
    </Box>
  );
}
