import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { GenerationStatus } from '@storyos/contracts';
import type { ReactNode } from 'react';
import { READING_FONT } from '../../../lib/theme';

interface NarratorMessageProps {
  text: string;
  status: GenerationStatus | null;
  /** `length`: the output cap cut the reply off. */
  finishReason?: string | null;
  /** Still being written: a caret shows where the text grows. */
  live?: boolean;
  /** Shown instead of "thinking" while nothing is written yet, e.g. that the provider is being retried. */
  notice?: string | null;
  children?: ReactNode;
}

/** The story's prose, set like a book page. */
export function NarratorMessage({ text, status, finishReason = null, live = false, notice = null, children }: NarratorMessageProps) {
  const waiting = live && text.length === 0;
  return (
    <Box component="article" aria-label="Narrator" aria-busy={live} data-waiting={waiting || undefined} sx={{ maxWidth: '68ch' }}>
      {waiting ? (
        <Box sx={{ color: 'text.secondary', fontStyle: 'italic', fontFamily: READING_FONT, fontSize: '1.05rem' }}>
          {notice ?? 'The narrator is thinking…'}
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
      {live && text.length > 0 && notice && (
        <Box role="status" sx={{ color: 'text.secondary', fontStyle: 'italic', mt: 1 }}>
          {notice}
        </Box>
      )}
      {status === 'stopped' && <Chip size="small" variant="outlined" label="Stopped early" sx={{ mt: 1 }} />}
      {!live && status === 'completed' && finishReason === 'length' && <Chip size="small" variant="outlined" color="warning" label="Cut off at the length limit" sx={{ mt: 1 }} />}
      {children}
    </Box>
  );
}
