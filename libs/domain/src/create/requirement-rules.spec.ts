import { EMPTY_STORY_REQUIREMENTS, type StoryRequirements } from '@storyos/contracts';
import { isReadyToCreate, missingRequirementFields, nextAgentQuestions, withRequirementDefaults } from './requirement-rules';

const ready: StoryRequirements = { ...EMPTY_STORY_REQUIREMENTS, ageBand: '4-6', characters: [{ name: 'the dragon', description: 'a shy dragon' }], plot: 'A shy dragon learns to swim.' };

describe('what the agent still needs', () => {
  it('lists every field of empty requirements, the required ones first', () => {
    expect(missingRequirementFields(EMPTY_STORY_REQUIREMENTS)).toEqual(['ageBand', 'characters', 'plot', 'setting', 'style', 'tone', 'sceneCount', 'narratorVoice']);
  });

  it('is ready once age, characters and plot are known, whatever else is missing', () => {
    expect(isReadyToCreate(EMPTY_STORY_REQUIREMENTS)).toBe(false);
    expect(isReadyToCreate({ ...ready, plot: null })).toBe(false);
    expect(isReadyToCreate({ ...ready, characters: [] })).toBe(false);
    expect(isReadyToCreate(ready)).toBe(true);
  });

  it('asks two required questions at a time, in friendly words', () => {
    const questions = nextAgentQuestions(EMPTY_STORY_REQUIREMENTS);
    expect(questions).toHaveLength(2);
    expect(questions[0]).toMatch(/who is the story for/i);
    expect(questions[1]).toMatch(/who is in the story/i);
    expect(nextAgentQuestions({ ...EMPTY_STORY_REQUIREMENTS, ageBand: '7-9', characters: ready.characters })).toEqual(['What happens in the story?']);
  });

  it('asks about one optional thing at a time once it is ready, and nothing when all is known', () => {
    expect(nextAgentQuestions(ready)).toEqual([expect.stringMatching(/where does it take place/i)]);
    const everything: StoryRequirements = { ...ready, title: 'T', setting: 'a lake', style: 'fantasy', tone: 'gentle', sceneCount: 3, narratorVoice: 'Nova' };
    expect(nextAgentQuestions(everything)).toEqual([]);
  });
});

describe('filling in the defaults', () => {
  it('makes a title from the hero and the plot, three scenes, a style that fits and a gentle tone for young children', () => {
    const complete = withRequirementDefaults(ready);
    expect(complete).toEqual({
      title: 'The Shy Dragon Learns to Swim',
      ageBand: '4-6',
      characters: ready.characters,
      setting: expect.any(String),
      plot: ready.plot,
      style: 'fantasy',
      tone: 'gentle',
      sceneCount: 3,
      narratorVoice: null,
    });
  });

  it('names the hero where the plot says he or she', () => {
    expect(withRequirementDefaults({ ...ready, characters: [{ name: 'Pip', description: 'a shy dragon' }], plot: 'He learns to swim.' }).title).toBe('Pip Learns to Swim');
  });

  it('keeps what was chosen', () => {
    const chosen = withRequirementDefaults({ ...ready, title: 'Splash!', style: 'funny', tone: 'silly', sceneCount: 5, setting: 'a lake' });
    expect(chosen).toMatchObject({ title: 'Splash!', style: 'funny', tone: 'silly', sceneCount: 5, setting: 'a lake' });
  });

  it('refuses requirements that are not ready', () => {
    expect(() => withRequirementDefaults(EMPTY_STORY_REQUIREMENTS)).toThrow(/incomplete/);
  });
});
