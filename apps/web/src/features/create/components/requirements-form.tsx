import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlineOutlined';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AGE_BANDS, CREATE_STORY_TONES, MAX_SCENE_COUNT, MIN_SCENE_COUNT, STORY_STYLES, type StoryRequirements, StoryRequirementsSchema } from '@storyos/contracts';
import { type FormEvent, useState } from 'react';
import { AGE_BAND_LABELS, REQUIREMENT_LABELS, STYLE_LABELS, TONE_LABELS } from '../labels';

interface RequirementsFormProps {
  initial: StoryRequirements;
  saving: boolean;
  onSave: (requirements: StoryRequirements) => void;
  onCancel: () => void;
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);
const NOT_CHOSEN = '';

/** Editing the requirements by hand: every field the agent gathers, checked against the same rules the server uses. */
export function RequirementsForm({ initial, saving, onSave, onCancel }: RequirementsFormProps) {
  const [draft, setDraft] = useState(initial);
  const [scenes, setScenes] = useState(initial.sceneCount === null ? '' : String(initial.sceneCount));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof StoryRequirements>(field: K, value: StoryRequirements[K]) => setDraft((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      ...draft,
      characters: draft.characters.filter((character) => character.name.trim()).map((character) => ({ name: character.name.trim(), description: character.description.trim() })),
      sceneCount: scenes.trim() ? Number(scenes) : null,
    };
    const parsed = StoryRequirementsSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    onSave(parsed.data);
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Edit the requirements">
      <TextField label={REQUIREMENT_LABELS.title} value={draft.title ?? ''} onChange={(e) => set('title', orNull(e.target.value))} error={!!errors['title']} helperText={errors['title'] ?? 'Leave empty to let the storyteller choose.'} />
      <TextField select label={REQUIREMENT_LABELS.ageBand} value={draft.ageBand ?? NOT_CHOSEN} onChange={(e) => set('ageBand', (e.target.value || null) as StoryRequirements['ageBand'])} error={!!errors['ageBand']} helperText={errors['ageBand']}>
        <MenuItem value={NOT_CHOSEN}>Not chosen yet</MenuItem>
        {AGE_BANDS.map((band) => (
          <MenuItem key={band} value={band}>
            {AGE_BAND_LABELS[band]}
          </MenuItem>
        ))}
      </TextField>
      <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle2">
          {REQUIREMENT_LABELS.characters}
        </Typography>
        {draft.characters.map((character, index) => (
          <Stack key={index} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
            <TextField size="small" label={`Character ${index + 1} name`} value={character.name} onChange={(e) => set('characters', draft.characters.map((c, i) => (i === index ? { ...c, name: e.target.value } : c)))} />
            <TextField size="small" label={`Character ${index + 1} description`} value={character.description} onChange={(e) => set('characters', draft.characters.map((c, i) => (i === index ? { ...c, description: e.target.value } : c)))} sx={{ flex: 1 }} />
            <IconButton aria-label={`Remove character ${index + 1}`} onClick={() => set('characters', draft.characters.filter((_, i) => i !== index))}>
              <DeleteOutline />
            </IconButton>
          </Stack>
        ))}
        {errors['characters'] && (
          <Typography variant="caption" color="error">
            {errors['characters']}
          </Typography>
        )}
        <Button startIcon={<AddOutlined />} onClick={() => set('characters', [...draft.characters, { name: '', description: '' }])} sx={{ alignSelf: 'flex-start' }} disabled={draft.characters.length >= 8}>
          Add a character
        </Button>
      </Stack>
      <TextField label={REQUIREMENT_LABELS.setting} value={draft.setting ?? ''} onChange={(e) => set('setting', orNull(e.target.value))} error={!!errors['setting']} helperText={errors['setting']} />
      <TextField label={REQUIREMENT_LABELS.plot} value={draft.plot ?? ''} onChange={(e) => set('plot', orNull(e.target.value))} multiline minRows={2} error={!!errors['plot']} helperText={errors['plot']} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField select fullWidth label={REQUIREMENT_LABELS.style} value={draft.style ?? NOT_CHOSEN} onChange={(e) => set('style', (e.target.value || null) as StoryRequirements['style'])}>
          <MenuItem value={NOT_CHOSEN}>Storyteller’s choice</MenuItem>
          {STORY_STYLES.map((style) => (
            <MenuItem key={style} value={style}>
              {STYLE_LABELS[style]}
            </MenuItem>
          ))}
        </TextField>
        <TextField select fullWidth label={REQUIREMENT_LABELS.tone} value={draft.tone ?? NOT_CHOSEN} onChange={(e) => set('tone', (e.target.value || null) as StoryRequirements['tone'])}>
          <MenuItem value={NOT_CHOSEN}>Storyteller’s choice</MenuItem>
          {CREATE_STORY_TONES.map((tone) => (
            <MenuItem key={tone} value={tone}>
              {TONE_LABELS[tone]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          fullWidth
          type="number"
          label={REQUIREMENT_LABELS.sceneCount}
          value={scenes}
          onChange={(e) => setScenes(e.target.value)}
          slotProps={{ htmlInput: { min: MIN_SCENE_COUNT, max: MAX_SCENE_COUNT } }}
          error={!!errors['sceneCount']}
          helperText={errors['sceneCount'] ?? `${MIN_SCENE_COUNT}–${MAX_SCENE_COUNT}; empty means 3`}
        />
        <TextField fullWidth label={REQUIREMENT_LABELS.narratorVoice} value={draft.narratorVoice ?? ''} onChange={(e) => set('narratorVoice', orNull(e.target.value))} error={!!errors['narratorVoice']} helperText={errors['narratorVoice'] ?? 'Empty means the default voice'} />
      </Stack>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </Stack>
    </Stack>
  );
}
