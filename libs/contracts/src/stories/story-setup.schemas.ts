import { z } from 'zod';
import { userText } from '../common/text.schemas';

/** The Writer's eleven personas, each a voice the engine writes in. */
export const PERSONAS = [
  { name: 'Award-Winning Science Fiction Author', description: 'Big ideas grounded in believable science, with a sense of wonder.' },
  { name: 'Historical Fiction Author', description: 'Period detail, real textures of daily life, history seen through people.' },
  { name: 'Fantasy World Builder', description: 'Rich invented worlds with their own rules, lore and places.' },
  { name: 'Mystery Novelist', description: 'Clues, misdirection and a satisfying reveal.' },
  { name: 'Romantic Poet', description: 'Lyrical language, longing and the beauty of small moments.' },
  { name: 'Thriller Writer', description: 'Short chapters, rising stakes and a ticking clock.' },
  { name: "Children's Book Author", description: 'Warm, simple, playful sentences with a gentle lesson.' },
  { name: 'Satirical Humorist', description: 'Sharp wit that pokes fun at the way things are.' },
  { name: 'Biographical Writer', description: 'A life told with care: turning points, choices, consequences.' },
  { name: 'Dystopian Visionary', description: 'Unsettling futures that hold up a mirror to the present.' },
  { name: 'Magical Realism Author', description: 'The marvellous told as ordinary, in an everyday world.' },
] as const;

export type PersonaName = (typeof PERSONAS)[number]['name'];
const personaNames = PERSONAS.map((persona) => persona.name) as [PersonaName, ...PersonaName[]];

export const PersonaSchema = z.enum(personaNames, { message: `Persona must be one of: ${personaNames.join(', ')}` });
export const WritingStyleSchema = z.enum(['Formal', 'Casual', 'Poetic', 'Descriptive', 'Minimalist', 'Conversational'], {
  message: 'Writing style must be one of: Formal, Casual, Poetic, Descriptive, Minimalist, Conversational',
});
/** Moods and the common genres' tones (noir, horror, romance, adventure, epic fantasy, gritty), each with its own vocabulary. */
export const STORY_TONE_NAMES = ['Suspenseful', 'Whimsical', 'Dark', 'Heartwarming', 'Humorous', 'Melancholic', 'Hopeful', 'Mysterious', 'Noir', 'Horror', 'Romantic', 'Adventurous', 'Epic', 'Gritty'] as const;
export const StoryToneSchema = z.enum(STORY_TONE_NAMES, { message: `Tone must be one of: ${STORY_TONE_NAMES.join(', ')}` });
export const NarrativePovSchema = z.enum(['First Person', 'Second Person', 'Third Person Limited', 'Third Person Omniscient'], {
  message: 'Narrative POV must be one of: First Person, Second Person, Third Person Limited, Third Person Omniscient',
});
export const AudienceAgeGroupSchema = z.enum(['Children', 'Young Adults', 'Adults'], { message: 'Audience must be one of: Children, Young Adults, Adults' });
export const StoryContentRatingSchema = z.enum(['G', 'PG', 'PG-13', 'R'], { message: 'Content rating must be one of: G, PG, PG-13, R' });
export const EndingPreferenceSchema = z.enum(['Happy', 'Tragic', 'Open-ended', 'Twist', 'Bittersweet'], {
  message: 'Ending must be one of: Happy, Tragic, Open-ended, Twist, Bittersweet',
});

const text = (field: string, max: number, min = 1) => userText(field, { min, max });

/** Everything the Writer needs before the premise. */
export const StorySetupSchema = z.strictObject({
  persona: PersonaSchema,
  setting: text('Setting', 4000),
  /** Free text, e.g. "Ada, a clockmaker; Bram, her rival". Names are kept as written. */
  characters: text('Characters', 4000),
  plotElements: text('Plot elements', 4000, 0).default(''),
  writingStyle: WritingStyleSchema,
  tone: StoryToneSchema,
  narrativePov: NarrativePovSchema,
  audienceAgeGroup: AudienceAgeGroupSchema,
  contentRating: StoryContentRatingSchema,
  endingPreference: EndingPreferenceSchema,
});
export type StorySetup = z.infer<typeof StorySetupSchema>;
export type StorySetupInput = z.input<typeof StorySetupSchema>;
