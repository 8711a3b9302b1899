import type { ContentRating, ScenarioVisibility, Tone } from '@storyos/contracts';

export const TONE_LABELS: Record<Tone, string> = {
  whimsical: 'Whimsical',
  heroic: 'Heroic',
  mysterious: 'Mysterious',
  dark: 'Dark',
  cozy: 'Cozy',
  humorous: 'Humorous',
  tense: 'Tense',
  melancholic: 'Melancholic',
};

export const RATING_LABELS: Record<ContentRating, string> = {
  'all-ages': 'All ages',
  teen: 'Teen',
  mature: 'Mature',
};

export const VISIBILITY_LABELS: Record<ScenarioVisibility, string> = {
  private: 'Private',
  public: 'Public',
  archived: 'Archived',
};
