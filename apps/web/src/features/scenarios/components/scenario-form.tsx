import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  type ContentRating,
  ContentRatingSchema,
  type CreateScenarioRequest,
  type Scenario,
  type Tone,
  ToneSchema,
} from '@storyos/contracts';
import { RATING_LABELS, TONE_LABELS } from '../labels';

export interface ScenarioValues {
  name: string;
  description: string;
  setting: string;
  narratorBehavior: string;
  playerName: string;
  playerRole: string;
  initialLocation: string;
  tone: Tone;
  contentRating: ContentRating;
  visibility: 'private' | 'public';
}

export const SCENARIO_FIELDS = [
  'name',
  'description',
  'setting',
  'narratorBehavior',
  'playerName',
  'playerRole',
  'initialLocation',
  'tone',
  'contentRating',
  'visibility',
] as const;

export const emptyScenarioValues: ScenarioValues = {
  name: '',
  description: '',
  setting: '',
  narratorBehavior: '',
  playerName: '',
  playerRole: '',
  initialLocation: '',
  tone: 'mysterious',
  contentRating: 'all-ages',
  visibility: 'private',
};

export function valuesOf(scenario: Scenario): ScenarioValues {
  return {
    name: scenario.name,
    description: scenario.description,
    setting: scenario.setting,
    narratorBehavior: scenario.narratorBehavior,
    playerName: scenario.playerName,
    playerRole: scenario.playerRole,
    initialLocation: scenario.initialLocation,
    tone: scenario.tone,
    contentRating: scenario.contentRating,
    visibility: scenario.visibility === 'public' ? 'public' : 'private',
  };
}

export function toRequest(values: ScenarioValues, withVisibility: boolean): CreateScenarioRequest {
  const { visibility, ...fields } = values;
  return withVisibility ? { ...fields, visibility } : fields;
}

interface TextSpec {
  field: Exclude<keyof ScenarioValues, 'tone' | 'contentRating' | 'visibility'>;
  label: string;
  max: number;
  rows?: number;
  hint: string;
}

const TEXT_FIELDS: readonly TextSpec[] = [
  { field: 'name', label: 'Name', max: 120, hint: 'What players see on the scenario card.' },
  { field: 'description', label: 'Description', max: 2000, rows: 3, hint: 'A short pitch: what the game is about.' },
  { field: 'setting', label: 'Setting', max: 4000, rows: 5, hint: 'The world: places, history, what is going on when the story begins.' },
  {
    field: 'narratorBehavior',
    label: 'Narrator behaviour',
    max: 4000,
    rows: 4,
    hint: 'How the narrator tells the story: voice, pacing, what to emphasise.',
  },
  { field: 'playerName', label: 'Player name', max: 60, hint: 'The hero the player acts as.' },
  { field: 'playerRole', label: 'Player role', max: 200, hint: 'Who the hero is, e.g. "a lighthouse keeper".' },
  { field: 'initialLocation', label: 'Initial location', max: 200, hint: 'Where the story opens.' },
];

interface ScenarioFormFieldsProps {
  values: ScenarioValues;
  onChange: (values: ScenarioValues) => void;
  errors: Partial<Record<string, string>>;
  showVisibility: boolean;
}

/** Every field of a scenario; a message from the API sits under the field it is about. */
export function ScenarioFormFields({ values, onChange, errors, showVisibility }: ScenarioFormFieldsProps) {
  const set = <K extends keyof ScenarioValues>(field: K, value: ScenarioValues[K]) => onChange({ ...values, [field]: value });
  return (
    <>
      {TEXT_FIELDS.map(({ field, label, max, rows, hint }) => (
        <TextField
          key={field}
          name={field}
          label={label}
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
          required
          multiline={rows !== undefined}
          minRows={rows}
          error={Boolean(errors[field])}
          helperText={errors[field] ?? (rows ? `${hint} ${values[field].length.toLocaleString('en-US')} / ${max.toLocaleString('en-US')}` : hint)}
          slotProps={{ htmlInput: { maxLength: max } }}
        />
      ))}
      <TextField
        select
        name="tone"
        label="Tone"
        value={values.tone}
        onChange={(event) => set('tone', ToneSchema.parse(event.target.value))}
        error={Boolean(errors['tone'])}
        helperText={errors['tone']}
      >
        {ToneSchema.options.map((tone) => (
          <MenuItem key={tone} value={tone}>
            {TONE_LABELS[tone]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        name="contentRating"
        label="Content rating"
        value={values.contentRating}
        onChange={(event) => set('contentRating', ContentRatingSchema.parse(event.target.value))}
        error={Boolean(errors['contentRating'])}
        helperText={errors['contentRating']}
      >
        {ContentRatingSchema.options.map((rating) => (
          <MenuItem key={rating} value={rating}>
            {RATING_LABELS[rating]}
          </MenuItem>
        ))}
      </TextField>
      {showVisibility && (
        <TextField
          select
          name="visibility"
          label="Visibility"
          value={values.visibility}
          onChange={(event) => set('visibility', event.target.value === 'public' ? 'public' : 'private')}
          error={Boolean(errors['visibility'])}
          helperText={errors['visibility'] ?? 'Public scenarios can be played by everyone.'}
        >
          <MenuItem value="private">Private</MenuItem>
          <MenuItem value="public">Public</MenuItem>
        </TextField>
      )}
    </>
  );
}

const LABELS: Record<keyof ScenarioValues, string> = {
  ...(Object.fromEntries(TEXT_FIELDS.map(({ field, label }) => [field, label])) as Record<TextSpec['field'], string>),
  tone: 'Tone',
  contentRating: 'Content rating',
  visibility: 'Visibility',
};

const shown = (values: ScenarioValues, field: keyof ScenarioValues): string =>
  field === 'tone' ? TONE_LABELS[values.tone] : field === 'contentRating' ? RATING_LABELS[values.contentRating] : values[field];

/** The fields in which `values` differs from `other`, each with its label: one side of an edit conflict. */
export function ScenarioDifferences({ values, other }: { values: ScenarioValues; other: ScenarioValues }) {
  const changed = SCENARIO_FIELDS.filter((field) => field !== 'visibility' && values[field] !== other[field]);
  if (!changed.length) return <Typography variant="body2">The same as the other side.</Typography>;
  return (
    <>
      {changed.map((field) => (
        <Typography key={field} variant="body2" component="p" sx={{ mb: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <strong>{LABELS[field]}:</strong> {shown(values, field)}
        </Typography>
      ))}
    </>
  );
}
