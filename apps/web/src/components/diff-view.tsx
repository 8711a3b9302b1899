import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import { diffWords } from 'diff';
import { useMemo } from 'react';

/** What changed between two versions, word by word: removals struck through, additions underlined. */
export function DiffView({ before, after, label = 'Changes from the previous version' }: { before: string; after: string; label?: string }) {
  const changes = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <Box sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.7 }} role="region" aria-label={label}>
      {changes.map((change, index) =>
        change.added ? (
          <Box component="ins" key={index} sx={{ bgcolor: (theme) => alpha(theme.palette.success.main, 0.18), color: 'text.primary', textDecoration: 'underline' }}>
            {change.value}
          </Box>
        ) : change.removed ? (
          <Box component="del" key={index} sx={{ bgcolor: (theme) => alpha(theme.palette.error.main, 0.16), color: 'text.primary' }}>
            {change.value}
          </Box>
        ) : (
          <span key={index}>{change.value}</span>
        ),
      )}
    </Box>
  );
}
