import {
  AudienceAgeGroupSchema,
  EndingPreferenceSchema,
  NarrativePovSchema,
  PERSONAS,
  StoryContentRatingSchema,
  type StorySetup,
  StoryToneSchema,
  WritingStyleSchema,
} from '@storyos/contracts';

export interface SetupValues extends StorySetup {
  title: string;
}

/** A new story starts from choices that suit most ideas; the writer changes what does not fit. */
export const DEFAULT_SETUP: SetupValues = {
  title: '',
  persona: PERSONAS[2].name,
  setting: '',
  characters: '',
  plotElements: '',
  writingStyle: 'Descriptive',
  tone: 'Hopeful',
  narrativePov: 'Third Person Limited',
  audienceAgeGroup: 'Adults',
  contentRating: 'PG',
  endingPreference: 'Happy',
};

export interface TextFieldSpec {
  field: 'setting' | 'characters' | 'plotElements';
  label: string;
  hint: string;
  required: boolean;
}

export const SETUP_TEXT_FIELDS: readonly TextFieldSpec[] = [
  { field: 'setting', label: 'Setting', hint: 'Where and when the story happens.', required: true },
  { field: 'characters', label: 'Characters', hint: 'Who is in it, e.g. “Ada, a clockmaker; Bram, her rival”. Names are kept as written.', required: true },
  { field: 'plotElements', label: 'Plot elements', hint: 'Optional: events, twists or themes to include.', required: false },
];

type SelectField = 'writingStyle' | 'tone' | 'narrativePov' | 'audienceAgeGroup' | 'contentRating' | 'endingPreference';

export interface SelectFieldSpec {
  field: SelectField;
  label: string;
  options: readonly string[];
}

export const SETUP_SELECT_FIELDS: readonly SelectFieldSpec[] = [
  { field: 'writingStyle', label: 'Writing style', options: WritingStyleSchema.options },
  { field: 'tone', label: 'Tone', options: StoryToneSchema.options },
  { field: 'narrativePov', label: 'Narrative point of view', options: NarrativePovSchema.options },
  { field: 'audienceAgeGroup', label: 'Audience', options: AudienceAgeGroupSchema.options },
  { field: 'contentRating', label: 'Content rating', options: StoryContentRatingSchema.options },
  { field: 'endingPreference', label: 'Ending', options: EndingPreferenceSchema.options },
];

/** Every field the form shows, as the API names them in its validation details. */
export const SETUP_FORM_FIELDS = [
  'title',
  ...(['persona', 'setting', 'characters', 'plotElements', ...SETUP_SELECT_FIELDS.map((spec) => spec.field)] as const).map(
    (field) => `setup.${field}`,
  ),
] as const;

export function setupValuesOf(story: { title: string; setup: StorySetup }): SetupValues {
  return { title: story.title, ...story.setup };
}

export function toSetupRequest(values: SetupValues): { title: string; setup: StorySetup } {
  const { title, ...setup } = values;
  return { title, setup };
}
