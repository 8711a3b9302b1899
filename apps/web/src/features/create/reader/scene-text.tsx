import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { READING_FONT } from '../../../lib/theme';
import type { TimedSentence } from './sentence-timeline';

/** The page's text, sentence by sentence, the one being read aloud highlighted. */
export function SceneText({ sentences, reading }: { sentences: readonly TimedSentence[]; reading: number }) {
  return (
    <Typography component="p" sx={{ fontFamily: READING_FONT, fontSize: { xs: '1.2rem', md: '1.35rem' }, lineHeight: 1.7 }}>
      {sentences.map((sentence, index) => (
        <Box
          component={index === reading ? 'mark' : 'span'}
          key={index}
          aria-current={index === reading ? 'true' : undefined}
          sx={index === reading ? { bgcolor: 'warning.light', color: 'common.black', borderRadius: 1, px: 0.25 } : undefined}
        >
          {sentence.text}{' '}
        </Box>
      ))}
    </Typography>
  );
}
