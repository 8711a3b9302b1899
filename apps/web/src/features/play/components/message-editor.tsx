import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { GameMessageConflictDetailsSchema, MAX_MESSAGE_CHARS, type GameMessage } from '@storyos/contracts';
import { useState } from 'react';
import { ConflictDialog, ConflictText } from '../../../components/conflict-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';

interface MessageEditorProps {
  message: GameMessage;
  /** Saves over `baseRevision`; rejects with the API's error (409 when the message changed meanwhile). */
  onSave: (content: string, baseRevision: number) => Promise<unknown>;
  onDone: () => void;
}

/** Rewrites one part of the story in place. A stale save asks which text to keep; nothing is dropped unseen. */
export function MessageEditor({ message, onSave, onDone }: MessageEditorProps) {
  const [draft, setDraft] = useState(message.content);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<GameMessage | null>(null);
  const label = message.role === 'narrator' ? 'Edit the reply' : 'Edit your turn';

  const save = async (baseRevision: number) => {
    setSaving(true);
    setError(null);
    try {
      await onSave(draft.trim(), baseRevision);
      onDone();
    } catch (caught) {
      const details = isApiError(caught) && caught.status === 409 ? GameMessageConflictDetailsSchema.safeParse(caught.details) : null;
      if (details?.success) setConflict(details.data.current);
      else setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="form" aria-label={label} onSubmit={(event) => { event.preventDefault(); void save(message.revision); }} sx={{ width: '100%', maxWidth: '68ch' }}>
      <TextField
        label={label}
        multiline
        minRows={3}
        maxRows={16}
        value={draft}
        onChange={(event) => setDraft(event.target.value.slice(0, MAX_MESSAGE_CHARS))}
        autoFocus
        margin="dense"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      />
      <ErrorAlert error={error} />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button size="small" onClick={onDone} disabled={saving}>
          Cancel
        </Button>
        <Button size="small" variant="contained" type="submit" disabled={saving || draft.trim().length === 0}>
          Save
        </Button>
      </Stack>
      <ConflictDialog
        open={conflict !== null}
        title="This part of the story changed meanwhile"
        description="It was changed in another tab or window after you started editing. Keep your text, or take the one saved there."
        mine={<ConflictText text={draft} />}
        theirs={<ConflictText text={conflict?.content ?? ''} />}
        theirsLabel="The text saved meanwhile"
        onKeepMine={() => {
          const base = conflict?.revision ?? message.revision;
          setConflict(null);
          void save(base);
        }}
        onUseTheirs={() => {
          setConflict(null);
          onDone();
        }}
      />
    </Box>
  );
}
