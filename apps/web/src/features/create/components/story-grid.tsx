import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** Covers side by side, as many as fit: one column on a phone. */
export function StoryGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="ul" aria-label={label} sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', p: 0, m: 0 }}>
      {children}
    </Box>
  );
}
