import MenuBookRounded from '@mui/icons-material/MenuBookRounded';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { STORY_BIBLE_MAX_CHARS, StoryBibleConflictDetailsSchema, type Story, type StoryBible } from '@storyos/contracts';
import { useId, useState } from 'react';
import { ConflictDialog, ConflictText } from '../../../components/conflict-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useSaveBibleMutation } from '../queries';

type BibleFields = Pick<StoryBible, 'characters' | 'setting' | 'styleNotes'>;

const FIELDS: { key: keyof BibleFields; label: string; hint: string; rows: number }[] = [
  { key: 'characters', label: 'Characters', hint: 'Who they are, how they look and speak, what they want. E.g. "Ada: left-handed, never lies, hates boats."', rows: 4 },
  { key: 'setting', label: 'Setting', hint: 'Places, rules of the world, the year, what everyone there knows.', rows: 3 },
  { key: 'styleNotes', label: 'Style notes', hint: 'How it should read. E.g. "Short sentences. No adverbs. Present tense."', rows: 2 },
];

const asText = (bible: BibleFields) => FIELDS.map((field) => `${field.label}:\n${bible[field.key] || '—'}`).join('\n\n');

/** The story bible: what every prompt of this story is given, edited and saved over the version it was opened on. */
export function StoryBibleButton({ story }: { story: Story }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<MenuBookRounded />} onClick={() => setOpen(true)}>
        Story bible
      </Button>
      {open && <StoryBibleDialog story={story} onClose={() => setOpen(false)} />}
    </>
  );
}

function StoryBibleDialog({ story, onClose }: { story: Story; onClose: () => void }) {
  const titleId = useId();
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'), { noSsr: true });
  const save = useSaveBibleMutation(story.id);
  const [fields, setFields] = useState<BibleFields>({ characters: story.bible.characters, setting: story.bible.setting, styleNotes: story.bible.styleNotes });
  const [base, setBase] = useState(story.bible.version);
  const [conflict, setConflict] = useState<StoryBible | null>(null);
  const [saved, setSaved] = useState<BibleFields | null>(null);
  const changed = FIELDS.some((field) => fields[field.key] !== (saved ?? story.bible)[field.key]);

  const submit = (baseVersion: number) => {
    save.mutate(
      { ...fields, baseVersion },
      {
        onSuccess: (stored) => {
          setBase(stored.version);
          setSaved(stored);
        },
        onError: (error) => {
          const details = isApiError(error) && error.status === 409 ? StoryBibleConflictDetailsSchema.safeParse(error.details) : null;
          if (details?.success) setConflict(details.data.current);
        },
      },
    );
  };
  const conflictShown = isApiError(save.error) && save.error.status === 409 && conflict !== null;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md" fullScreen={phone} scroll="paper">
      <DialogTitle id={titleId}>Story bible</DialogTitle>
      <DialogContent dividers>
        <Stack
          component="form"
          id={`${titleId}-form`}
          aria-label="Story bible"
          spacing={1}
          onSubmit={(event) => {
            event.preventDefault();
            submit(base);
          }}
        >
          <Typography variant="body2" color="text.secondary">
            Every premise, outline, chapter and rewrite of this story is written with what you put here, so the story keeps to it. Leave a box empty if you have nothing to add.
          </Typography>
          {FIELDS.map((field) => (
            <TextField
              key={field.key}
              label={field.label}
              name={field.key}
              multiline
              minRows={field.rows}
              value={fields[field.key]}
              onChange={(event) => setFields({ ...fields, [field.key]: event.target.value.slice(0, STORY_BIBLE_MAX_CHARS[field.key]) })}
              helperText={`${field.hint} · ${fields[field.key].length.toLocaleString('en-US')} / ${STORY_BIBLE_MAX_CHARS[field.key].toLocaleString('en-US')}`}
              margin="dense"
            />
          ))}
          {!conflictShown && <ErrorAlert error={save.error} />}
          {saved && !changed && (
            <Typography variant="body2" color="text.secondary" role="status">
              Saved. The next thing written for this story uses it.
            </Typography>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Close</Button>
        <Button type="submit" form={`${titleId}-form`} variant="contained" disabled={!changed || save.isPending}>
          Save the bible
        </Button>
      </DialogActions>
      <ConflictDialog
        open={conflict !== null}
        title="The story bible changed meanwhile"
        description="The story bible was saved in another tab or window after you opened it. Keep yours, or take the one saved there."
        mine={<ConflictText text={asText(fields)} />}
        theirs={<ConflictText text={conflict ? asText(conflict) : ''} />}
        theirsLabel="The bible saved meanwhile"
        onKeepMine={() => {
          const version = conflict?.version ?? base;
          setConflict(null);
          setBase(version);
          submit(version);
        }}
        onUseTheirs={() => {
          if (conflict) {
            setFields({ characters: conflict.characters, setting: conflict.setting, styleNotes: conflict.styleNotes });
            setBase(conflict.version);
            setSaved(conflict);
          }
          setConflict(null);
          save.reset();
        }}
      />
    </Dialog>
  );
}
