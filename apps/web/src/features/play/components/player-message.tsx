import Box from '@mui/material/Box';
import { visuallyHidden } from '../../../components/visually-hidden';

/** The player's action, on the right like a sent message. */
export function PlayerMessage({ text, pending = false }: { text: string; pending?: boolean }) {
  return (
    <Box component="article" aria-label="You" sx={{ display: 'flex', justifyContent: 'flex-end' }}>
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
          You:{' '}
        </Box>
        {text}
      </Box>
    </Box>
  );
}
