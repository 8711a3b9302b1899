import type { Outline, StorySetup } from '@storyos/contracts';

/** The setup the Writer's tests share: a 1920 seaside mystery. */
export const mysterySetup: StorySetup = {
  persona: 'Mystery Novelist',
  setting: 'a fog-bound seaside town in 1920',
  characters: 'Ada Finch, a young telegraph operator; Inspector Rook',
  plotElements: 'a coded telegram, a missing fisherman',
  writingStyle: 'Descriptive',
  tone: 'Suspenseful',
  narrativePov: 'First Person',
  audienceAgeGroup: 'Adults',
  contentRating: 'PG',
  endingPreference: 'Twist',
};

export const threeChapters: Outline = {
  chapters: [
    { title: 'The Coded Telegram', summary: 'Ada intercepts a telegram in code.' },
    { title: 'Fog on the Pier', summary: 'Inspector Rook asks Ada to decode it.' },
    { title: 'The Last Message', summary: 'The sender is revealed.' },
  ],
};
