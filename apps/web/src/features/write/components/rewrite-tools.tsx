import AutoFixHighRounded from '@mui/icons-material/AutoFixHighRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ArtifactBase, MAX_REWRITE_SELECTION, type RewriteMode } from '@storyos/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { type StreamStart, useGenerationStream } from '../../generation/use-generation-stream';
import { storiesApi } from '../api';

/** What each choice does, in the words the menu shows. */
export const REWRITE_CHOICES: { mode: RewriteMode; label: string; hint: string }[] = [
  { mode: 'rewrite', label: 'Rewrite', hint: 'Say it again, differently' },
  { mode: 'expand', label: 'Expand', hint: 'More detail, action and dialogue' },
  { mode: 'shorten', label: 'Shorten', hint: 'Keep what matters' },
  { mode: 'describe', label: 'Describe', hint: 'Add what it looks, sounds and feels like' },
];

const FROM_THE_START: StreamStart = { text: '', lastSeq: 0 };

/** A selected range of the text, by character offsets. */
export interface TextSelection {
  start: number;
  end: number;
  text: string;
}

export interface RewriteToolsProps {
  storyId: string;
  kind: 'premise' | 'story';
  selection: TextSelection | null;
  disabled?: boolean;
  /** Saves pending typing, so the selection's offsets are those of the saved version. */
  flush: () => Promise<boolean>;
  /** The saved version the selection is in. */
  base: () => ArtifactBase;
  /** Puts the chosen alternative in the selection's place (an ordinary, versioned save follows). */
  replace: (selection: TextSelection, text: string) => void;
}

/** "Rewrite selection": a choice of modes, then alternatives written live; the one picked replaces the selected words. */
export function RewriteTools({ storyId, kind, selection, disabled, flush, base, replace }: RewriteToolsProps) {
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [asked, setAsked] = useState<{ mode: RewriteMode; selection: TextSelection } | null>(null);
  const tooLong = selection !== null && selection.end - selection.start > MAX_REWRITE_SELECTION;
  const start = useMutation({
    mutationFn: async ({ mode, range }: { mode: RewriteMode; range: TextSelection }) => {
      await flush();
      const saved = base();
      if (!saved) throw new Error('Save the text first, then select the words to rewrite.');
      return storiesApi.rewrite(storyId, { kind, mode, start: range.start, end: range.end, base: saved, alternatives: 3 });
    },
  });

  const choose = (mode: RewriteMode) => {
    setMenu(null);
    if (!selection) return;
    setAsked({ mode, selection });
    start.reset();
    start.mutate({ mode, range: selection });
  };
  const close = () => {
    setAsked(null);
    start.reset();
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<AutoFixHighRounded />}
        onClick={(event) => setMenu(event.currentTarget)}
        disabled={disabled || !selection || tooLong}
        aria-haspopup="menu"
        title={tooLong ? `Select at most ${MAX_REWRITE_SELECTION.toLocaleString('en-US')} characters` : undefined}
      >
        Rewrite selection
      </Button>
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        {REWRITE_CHOICES.map((choice) => (
          <MenuItem key={choice.mode} onClick={() => choose(choice.mode)}>
            <Stack>
              <span>{choice.label}</span>
              <Typography variant="caption" color="text.secondary">
                {choice.hint}
              </Typography>
            </Stack>
          </MenuItem>
        ))}
      </Menu>
      {asked && (
        <AlternativesDialog
          mode={asked.mode}
          original={asked.selection.text}
          generationIds={start.data?.generationIds ?? null}
          error={start.error}
          onPick={(text) => {
            replace(asked.selection, text);
            close();
          }}
          onClose={close}
        />
      )}
    </>
  );
}

interface AlternativesDialogProps {
  mode: RewriteMode;
  original: string;
  generationIds: string[] | null;
  error: unknown;
  onPick: (text: string) => void;
  onClose: () => void;
}

function AlternativesDialog({ mode, original, generationIds, error, onPick, onClose }: AlternativesDialogProps) {
  const titleId = useId();
  const choice = REWRITE_CHOICES.find((candidate) => candidate.mode === mode);
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{choice?.label ?? 'Rewrite'}: pick an alternative</DialogTitle>
      <DialogContent dividers>
        <DialogContentText component="div" sx={{ mb: 2 }}>
          <Typography variant="subtitle2" component="h3">
            Your words
          </Typography>
          <Box tabIndex={0} sx={{ whiteSpace: 'pre-wrap', color: 'text.secondary', maxHeight: 120, overflowY: 'auto' }}>
            {original}
          </Box>
        </DialogContentText>
        <ErrorAlert error={error} />
        {!generationIds && !error && <LinearProgress aria-label="Asking for alternatives" />}
        {generationIds && (
          <Stack component="ol" aria-label="Alternatives" spacing={2} sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {generationIds.map((id, index) => (
              <Alternative key={id} generationId={id} number={index + 1} onPick={onPick} />
            ))}
          </Stack>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Keep my words</Button>
      </DialogActions>
    </Dialog>
  );
}

function Alternative({ generationId, number, onPick }: { generationId: string; number: number; onPick: (text: string) => void }) {
  const stream = useGenerationStream(generationId, FROM_THE_START, () => undefined);
  const labelId = useId();
  const done = stream.phase === 'ended';
  const text = stream.text.trim();
  return (
    <Box component="li" aria-labelledby={labelId} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id={labelId} variant="subtitle2" component="h3" sx={{ flexGrow: 1 }}>
          Alternative {number}
        </Typography>
        <Button size="small" variant="contained" disabled={!done || !text} onClick={() => onPick(text)} aria-label={`Use this: alternative ${number}`}>
          Use this
        </Button>
      </Stack>
      <Box data-testid="alternative-text" aria-busy={!done} sx={{ whiteSpace: 'pre-wrap', minHeight: 48 }}>
        {text || (done ? (stream.error ?? 'Nothing was written.') : 'Writing…')}
      </Box>
    </Box>
  );
}
