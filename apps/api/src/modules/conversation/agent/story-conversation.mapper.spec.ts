import { EMPTY_STORY_REQUIREMENTS } from '@storyos/contracts';
import { conversationTitle } from './story-conversation.mapper';

describe('a conversation’s title in the history', () => {
  it('is the requirements’ title when there is one', () => {
    expect(conversationTitle({ ...EMPTY_STORY_REQUIREMENTS, title: 'Moon Swim', plot: 'A dragon swims.' })).toBe('Moon Swim');
  });

  it('is the start of the plot otherwise, cut with an ellipsis when long', () => {
    expect(conversationTitle({ ...EMPTY_STORY_REQUIREMENTS, plot: 'A shy dragon learns to swim.' })).toBe('A shy dragon learns to swim.');
    const long = conversationTitle({ ...EMPTY_STORY_REQUIREMENTS, plot: 'word '.repeat(40) });
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });

  it('is "New story" before anything is known', () => {
    expect(conversationTitle(EMPTY_STORY_REQUIREMENTS)).toBe('New story');
  });
});
