import { EMPTY_STORY_REQUIREMENTS } from '@storyos/contracts';
import { requirementLines, requirementsText } from './requirements-view';

describe('the requirements as shown beside the conversation', () => {
  it('shows what the agent gathered in words, and nothing for what it has not', () => {
    const lines = requirementLines({
      ...EMPTY_STORY_REQUIREMENTS,
      ageBand: '4-6',
      characters: [{ name: 'Pip', description: 'a shy dragon who cannot swim' }],
      sceneCount: 3,
      style: 'fairy-tale',
    });
    const byField = Object.fromEntries(lines.map((line) => [line.field, line.value]));
    expect(byField).toMatchObject({ ageBand: 'Ages 4–6', characters: 'Pip — a shy dragon who cannot swim', sceneCount: '3', style: 'Fairy tale', plot: null, tone: null });
    expect(lines[0]!.field).toBe('ageBand');
  });

  it('reads as one line per requirement for comparing two versions', () => {
    expect(requirementsText({ ...EMPTY_STORY_REQUIREMENTS, plot: 'learns to swim' }).split('\n')).toContain('What happens: learns to swim');
  });
});
