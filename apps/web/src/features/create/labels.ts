import type { AgeBand, CreateStoryTone, IllustratedStatus, RequirementField, StoryStyle } from '@storyos/contracts';

/** How each requirement is named on screen. */
export const REQUIREMENT_LABELS: Record<RequirementField, string> = {
  title: 'Title',
  ageBand: 'Who it is for',
  characters: 'Characters',
  setting: 'Setting',
  plot: 'What happens',
  style: 'Style',
  tone: 'Tone',
  sceneCount: 'Scenes',
  narratorVoice: 'Narrator voice',
};

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  '0-3': 'Toddlers (0–3)',
  '4-6': 'Ages 4–6',
  '7-9': 'Ages 7–9',
  '10-12': 'Ages 10–12',
  teen: 'Teens',
  adult: 'Adults',
};

export const STYLE_LABELS: Record<StoryStyle, string> = {
  fantasy: 'Fantasy',
  'sci-fi': 'Science fiction',
  adventure: 'Adventure',
  'fairy-tale': 'Fairy tale',
  animals: 'Animal story',
  mystery: 'Mystery',
  funny: 'Funny',
  everyday: 'Everyday life',
  spooky: 'Spooky',
  historical: 'Historical',
};

export const TONE_LABELS: Record<CreateStoryTone, string> = {
  gentle: 'Gentle',
  cozy: 'Cozy',
  funny: 'Funny',
  exciting: 'Exciting',
  silly: 'Silly',
  mysterious: 'Mysterious',
  heartwarming: 'Heartwarming',
  spooky: 'Spooky',
  wistful: 'Wistful',
};

/** The seed's statuses in words a reader understands. */
export const STATUS_LABELS: Record<IllustratedStatus, string> = {
  PENDING: 'Waiting',
  PROCESSING: 'Being made',
  COMPLETED: 'Done',
  FAILED: 'Failed',
};

export const STATUS_COLORS: Record<IllustratedStatus, 'default' | 'primary' | 'success' | 'error'> = {
  PENDING: 'default',
  PROCESSING: 'primary',
  COMPLETED: 'success',
  FAILED: 'error',
};
