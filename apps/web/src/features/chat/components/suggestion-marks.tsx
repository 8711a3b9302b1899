import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Popover from '@mui/material/Popover';
import { alpha } from '@mui/material/styles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Suggestion } from '@storyos/contracts';
import { useState, type MouseEvent } from 'react';

interface Segment {
  text: string;
  suggestion: Suggestion | null;
}

/** The text cut at each open suggestion's sentence (its first occurrence), in reading order. */
export function segmentsOf(content: string, suggestions: readonly Suggestion[]): Segment[] {
  const found = suggestions
    .map((suggestion) => ({ suggestion, at: content.indexOf(suggestion.originalText) }))
    .filter((item) => item.at >= 0)
    .sort((a, b) => a.at - b.at);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const { suggestion, at } of found) {
    if (at < cursor) continue; // overlapping another suggestion's sentence
    if (at > cursor) segments.push({ text: content.slice(cursor, at), suggestion: null });
    segments.push({ text: suggestion.originalText, suggestion });
    cursor = at + suggestion.originalText.length;
  }
  if (cursor < content.length) segments.push({ text: content.slice(cursor), suggestion: null });
  return segments;
}

interface SuggestionMarksProps {
  content: string;
  suggestions: readonly Suggestion[];
  canResolve: boolean;
  busy: boolean;
  onResolve: (suggestion: Suggestion, action: 'accept' | 'reject') => void;
}

/** The document with each suggested sentence marked in place; a mark opens the suggestion to accept or reject. */
export function SuggestionMarks({ content, suggestions, canResolve, busy, onResolve }: SuggestionMarksProps) {
  const [open, setOpen] = useState<{ anchor: HTMLElement; suggestion: Suggestion } | null>(null);
  const show = (suggestion: Suggestion) => (event: MouseEvent<HTMLElement>) => setOpen({ anchor: event.currentTarget, suggestion });
  const resolve = (action: 'accept' | 'reject') => {
    if (!open) return;
    onResolve(open.suggestion, action);
    setOpen(null);
  };
  return (
    <Box sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.7 }}>
      {segmentsOf(content, suggestions).map((segment, index) =>
        segment.suggestion ? (
          <Box
            component="mark"
            key={index}
            role="button"
            tabIndex={0}
            aria-label={`Suggestion: ${segment.suggestion.description}`}
            onClick={show(segment.suggestion)}
            onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), setOpen({ anchor: event.currentTarget, suggestion: segment.suggestion! }))}
            sx={{ bgcolor: (theme) => alpha(theme.palette.warning.main, 0.3), color: 'text.primary', cursor: 'pointer', borderRadius: 0.5 }}
          >
            {segment.text}
          </Box>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
      <Popover open={open !== null} anchorEl={open?.anchor} onClose={() => setOpen(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        {open && (
          <Box sx={{ p: 2, maxWidth: 360 }} role="dialog" aria-label="Suggestion">
            <Typography variant="subtitle2" gutterBottom>
              {open.suggestion.description}
            </Typography>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {open.suggestion.suggestedText}
            </Typography>
            {canResolve && (
              <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                <Button size="small" onClick={() => resolve('reject')} disabled={busy}>
                  Reject
                </Button>
                <Button size="small" variant="contained" onClick={() => resolve('accept')} disabled={busy}>
                  Accept
                </Button>
              </Stack>
            )}
          </Box>
        )}
      </Popover>
    </Box>
  );
}
