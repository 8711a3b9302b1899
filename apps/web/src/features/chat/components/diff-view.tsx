import Box from '@mui/material/Box';
import { diffWords } from 'diff';
import { useMemo } from 'react';

/** What changed between two versions, word by word: removals struck through, additions underlined. */
export function DiffView({ before, after }: { before: string; after: string }) {
  const changes = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <Box sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.7 }} aria-label="Changes from the previous version">
      {changes.map((change, index) =>
        change.added ? (
          <Box component="ins" key={index} sx={{ bgcolor: 'success.light', color: 'success.contrastText', textDecoration: 'underline' }}>
            {change.value}
          </Box>
        ) : change.removed ? (
          <Box component="del" key={index} sx={{ bgcolor: 'error.light', color: 'error.contrastText' }}>
            {change.value}
          </Box>
        ) : (
          <span key={index}>{change.value}</span>
        ),
      )}
    </Box>
  );
}
