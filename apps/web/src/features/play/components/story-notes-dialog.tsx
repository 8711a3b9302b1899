import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { AUTHORS_NOTE_MAX_CHARS, GameNotesConflictDetailsSchema, MEMORY_MAX_CHARS, type GameNotes, type GameSession } from '@storyos/contracts';
import { memo, useId, useState } from 'react';
import { ConflictDialog, ConflictText } from '../../../components/conflict-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useStoryNotes } from '../queries';
import { StoryCardsSection } from './story-cards-section';

interface StoryNotesDialogProps {
  open: boolean;
  onClose: () => void;
  session: GameSession;
}

/** What the narrator keeps in mind for this game: memory, author's note and story cards. Memoised: the game page re-renders each streamed frame. */
export const StoryNotesDialog = memo(function StoryNotesDialog({ open, onClose, session }: StoryNotesDialogProps) {
  const titleId = useId();
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'), { noSsr: true });
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md" fullScreen={phone} scroll="paper">
      <DialogTitle id={titleId}>Memory & story cards</DialogTitle>
      <DialogContent dividers>
        <NotesForm sessionId={session.id} notes={session.notes} />
        <Divider sx={{ my: 3 }} />
        <StoryCardsSection sessionId={session.id} cards={session.storyCards} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
});

function NotesForm({ sessionId, notes }: { sessionId: string; notes: GameNotes }) {
  const { saveNotes } = useStoryNotes(sessionId);
  const [memory, setMemory] = useState(notes.memory);
  const [authorsNote, setAuthorsNote] = useState(notes.authorsNote);
  const [base, setBase] = useState(notes.version);
  const [conflict, setConflict] = useState<GameNotes | null>(null);
  const [saved, setSaved] = useState(false);
  const changed = memory !== notes.memory || authorsNote !== notes.authorsNote;

  const save = (baseVersion: number) => {
    setSaved(false);
    saveNotes.mutate(
      { memory, authorsNote, baseVersion },
      {
        onSuccess: (stored) => {
          setBase(stored.version);
          setSaved(true);
        },
        onError: (error) => {
          const details = isApiError(error) && error.status === 409 ? GameNotesConflictDetailsSchema.safeParse(error.details) : null;
          if (details?.success) setConflict(details.data.current);
        },
      },
    );
  };
  const conflictShown = saveNotes.error && isApiError(saveNotes.error) && saveNotes.error.status === 409;

  return (
    <Stack component="form" aria-label="Memory and author's note" spacing={1} onSubmit={(event) => { event.preventDefault(); save(base); }}>
      <Typography variant="h6" component="h3">
        Memory and author's note
      </Typography>
      <Typography variant="body2" color="text.secondary">
        The memory is in every prompt: facts the narrator must never forget. The author's note goes near the end of the prompt, where it steers the style and direction most.
      </Typography>
      <TextField
        label="Memory"
        multiline
        minRows={3}
        value={memory}
        onChange={(event) => setMemory(event.target.value.slice(0, MEMORY_MAX_CHARS))}
        helperText={`${memory.length.toLocaleString('en-US')} / ${MEMORY_MAX_CHARS.toLocaleString('en-US')}`}
        margin="dense"
      />
      <TextField
        label="Author's note"
        multiline
        minRows={2}
        value={authorsNote}
        onChange={(event) => setAuthorsNote(event.target.value.slice(0, AUTHORS_NOTE_MAX_CHARS))}
        helperText={`E.g. "Keep it eerie; short sentences." · ${authorsNote.length} / ${AUTHORS_NOTE_MAX_CHARS}`}
        margin="dense"
      />
      {!conflictShown && <ErrorAlert error={saveNotes.error} />}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
        {saved && !changed && (
          <Typography variant="body2" color="text.secondary" role="status">
            Saved.
          </Typography>
        )}
        <Button type="submit" variant="contained" disabled={!changed || saveNotes.isPending}>
          Save memory and note
        </Button>
      </Stack>
      <ConflictDialog
        open={conflict !== null}
        title="The memory changed meanwhile"
        description="The memory or author's note was saved in another tab or window after you opened it. Keep yours, or take the one saved there."
        mine={<ConflictText text={`${memory}\n\nAuthor's note: ${authorsNote}`} />}
        theirs={<ConflictText text={`${conflict?.memory ?? ''}\n\nAuthor's note: ${conflict?.authorsNote ?? ''}`} />}
        theirsLabel="The text saved meanwhile"
        onKeepMine={() => {
          const version = conflict?.version ?? base;
          setConflict(null);
          setBase(version);
          save(version);
        }}
        onUseTheirs={() => {
          if (conflict) {
            setMemory(conflict.memory);
            setAuthorsNote(conflict.authorsNote);
            setBase(conflict.version);
          }
          setConflict(null);
          saveNotes.reset();
        }}
      />
    </Stack>
  );
}
