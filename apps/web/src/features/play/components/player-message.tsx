import Box from '@mui/material/Box';
import type { PlayerTurnMode } from '@storyos/contracts';
import type { ReactNode } from 'react';
import { visuallyHidden } from '../../../components/visually-hidden';
import { READING_FONT } from '../../../lib/theme';

interface PlayerMessageProps {
  text: string;
  mode?: PlayerTurnMode | null;
  pending?: boolean;
  /** The edit control, or the editor while editing. */
  children?: ReactNode;
}

/**
 * The player's turn: an action or a line of dialogue on the right like a
 * sent message; story text written into the story set like the prose
 * around it; a Continue as a quiet mark where the narrator went on.
 */
export function PlayerMessage({ text, mode = 'do', pending = false, children }: PlayerMessageProps) {
  if (mode === 'continue') {
    return (
      <Box component="article" aria-label="You" sx={{ textAlign: 'center', color: 'text.secondary', fontSize: '0.875rem' }}>
        <Box component="span" sx={visuallyHidden}>
          You:{' '}
        </Box>
        — you let the story go on —
      </Box>
    );
  }
  if (mode === 'story') {
    return (
      <Box component="article" aria-label="You" sx={{ maxWidth: '68ch', borderLeft: 3, borderColor: 'primary.main', pl: 2, opacity: pending ? 0.75 : 1 }}>
        <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.75rem', fontWeight: 600, letterSpacing: '0.04em', textTransform: 'uppercase', mb: 0.5 }}>
          You wrote
        </Box>
        <Box sx={{ fontFamily: READING_FONT, fontSize: { xs: '1.05rem', sm: '1.125rem' }, lineHeight: 1.75, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontStyle: 'italic' }}>{text}</Box>
        {children}
      </Box>
    );
  }
  return (
    <Box component="article" aria-label="You" sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }}>
      <Box
        sx={{
          maxWidth: { xs: '88%', sm: '75%' },
          px: 2,
          py: 1.25,
          borderRadius: 3,
          borderBottomRightRadius: 4,
          position: 'relative',
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          opacity: pending ? 0.75 : 1,
        }}
      >
        <Box component="span" sx={visuallyHidden}>
          {mode === 'say' ? 'You say:' : 'You:'}{' '}
        </Box>
        {mode === 'say' ? `“${text.replace(/^["“]|["”]$/g, '')}”` : text}
      </Box>
      {children}
    </Box>
  );
}
