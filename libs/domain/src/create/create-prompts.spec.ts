import { EMPTY_STORY_REQUIREMENTS, type StoryRequirements } from '@storyos/contracts';
import { fitPrompt } from '../generation/context-budget';
import type { TokenCounter } from '../generation/token-count';
import { agentReplyPlan, ageBandGuidance, requirementsExtractionPlan, scenePart, scenePicturePrompt, scenePlan } from './create-prompts';
import { withRequirementDefaults } from './requirement-rules';

const words: TokenCounter = { name: 'words', exact: true, count: (text) => text.split(/\s+/).filter(Boolean).length };
const ready: StoryRequirements = { ...EMPTY_STORY_REQUIREMENTS, ageBand: '4-6', characters: [{ name: 'Pip', description: 'a shy dragon' }, { name: 'Wren', description: 'a kind duck' }], plot: 'Pip learns to swim.', sceneCount: 3 };
const complete = withRequirementDefaults(ready);

describe('the agent reply prompt', () => {
  it('puts what is known and what to ask before the conversation, and ends with the newest message', () => {
    const plan = agentReplyPlan({ before: EMPTY_STORY_REQUIREMENTS, requirements: { ...EMPTY_STORY_REQUIREMENTS, ageBand: '4-6' }, transcript: [{ role: 'assistant', text: 'Hi! Who is the story for?' }], userMessage: 'my 5 year old' });
    const fitted = fitPrompt(plan.parts, { contextTokens: 2048, maxOutputTokens: plan.outputTokens, minOutputTokens: 50 }, words);
    expect(fitted.messages.map((m) => m.role)).toEqual(['system', 'assistant', 'user']);
    expect(fitted.messages[0]!.content).toMatch(/Ask next: Who is in the story\? .*What happens in the story\?/);
    expect(fitted.messages[2]!.content).toBe('my 5 year old');
    expect(plan.brief).toMatchObject({ task: 'create.agent', userMessage: 'my 5 year old' });
  });

  it('drops the oldest turns first in a small context', () => {
    const transcript = Array.from({ length: 40 }, (_, i) => ({ role: i % 2 === 0 ? ('user' as const) : ('assistant' as const), text: `turn ${i} ${'word '.repeat(30)}` }));
    const plan = agentReplyPlan({ before: ready, requirements: ready, transcript, userMessage: 'in space' });
    const fitted = fitPrompt(plan.parts, { contextTokens: 700, maxOutputTokens: plan.outputTokens, minOutputTokens: 50 }, words);
    expect(fitted.droppedParts).toBeGreaterThan(0);
    expect(fitted.messages.at(-1)!.content).toBe('in space');
    expect(fitted.messages.some((m) => m.content.includes('turn 39'))).toBe(true);
    expect(fitted.messages.some((m) => m.content.includes('turn 0 '))).toBe(false);
  });

  it('tells the model the story can be made once the required fields are known', () => {
    const plan = agentReplyPlan({ before: ready, requirements: ready, transcript: [], userMessage: 'that is all' });
    expect(plan.parts.map((p) => p.text).join('\n')).toMatch(/press "Make my story" now, or answer one more question: Where does it take place\?/);
  });
});

describe('the requirements JSON step', () => {
  it('asks for the contract’s JSON and checks the reply against it', () => {
    const plan = requirementsExtractionPlan({ current: EMPTY_STORY_REQUIREMENTS, transcript: [], userMessage: 'three scenes' });
    expect(plan.json?.name).toBe('story_requirements');
    expect(plan.brief).toEqual({ task: 'create.requirements', current: EMPTY_STORY_REQUIREMENTS, userMessage: 'three scenes' });
    expect(plan.check!.problems('{"sceneCount":3}')).toEqual([]);
    expect(plan.check!.problems('Three scenes it is!')).toHaveLength(1);
  });
});

describe('the scene prompt', () => {
  it('gives the band’s language rules in the system prompt and the scene’s place in the arc', () => {
    const plan = scenePlan(complete, 2, ['Pip wanted to swim.', 'Pip tried.']);
    const text = plan.parts.map((p) => p.text).join('\n');
    expect(plan.parts[0]!.role).toBe('system');
    expect(plan.parts[0]!.text).toMatch(/ages 4 to 6\. No violence, no weapons, no death.*at most 16 words/);
    expect(text).toMatch(/Write scene 3 of 3\. This is the ending/);
    expect(text).toMatch(/- Pip: a shy dragon\n- Wren: a kind duck/);
    expect(plan.brief).toMatchObject({ task: 'create.scene', sceneIndex: 2, sceneCount: 3, scenesSoFar: ['Pip wanted to swim.', 'Pip tried.'] });
  });

  it('drops the earliest scenes first and keeps the one just before', () => {
    const scenes = Array.from({ length: 6 }, (_, i) => `Scene text ${i} ${'word '.repeat(100)}`);
    const plan = scenePlan({ ...complete, sceneCount: 8 }, 6, scenes);
    const fitted = fitPrompt(plan.parts, { contextTokens: 900, maxOutputTokens: plan.outputTokens, minOutputTokens: 100 }, words);
    const sent = fitted.messages.map((m) => m.content).join('\n');
    expect(sent).toContain('Scene text 5');
    expect(sent).not.toContain('Scene text 0');
    expect(sent).toContain('Write scene 7 of 8');
  });

  it('checks the reply against the age band', () => {
    const plan = scenePlan(complete, 0, []);
    expect(plan.check!.problems('Pip found a sword.')).toEqual([expect.stringMatching(/weapons: “sword”/)]);
    expect(plan.check!.problems('Pip smiled.')).toEqual([]);
  });

  it('places scenes in a beginning, middle and end', () => {
    expect([0, 1, 2, 3].map((i) => scenePart(i, 4))).toEqual(['beginning', 'middle', 'middle', 'end']);
    expect(scenePart(0, 1)).toBe('whole');
  });

  it('keeps older bands free of the young bands’ rules', () => {
    expect(ageBandGuidance('adult')).toBe('The story is for adults.');
    expect(ageBandGuidance('teen')).not.toMatch(/violence/);
  });
});

describe('the picture prompt', () => {
  it('shows the scene, the characters and the setting in an age-appropriate style without text', () => {
    const prompt = scenePicturePrompt({ ...complete, setting: 'a lake' }, 0, 'Pip sat by the lake. Pip looked at the water. Wren swam by.');
    expect(prompt).toMatch(/Scene: Pip sat by the lake\. Pip looked at the water\./);
    expect(prompt).toMatch(/Characters: Pip \(a shy dragon\), Wren \(a kind duck\)\./);
    expect(prompt).toMatch(/Setting: a lake\./);
    expect(prompt).toMatch(/nothing frightening/);
    expect(prompt).toMatch(/No text or letters/);
  });

  it('falls back to the plot when the scene says something outside the band', () => {
    const prompt = scenePicturePrompt(complete, 0, 'Pip found a bloody knife.');
    expect(prompt).not.toMatch(/knife/);
    expect(prompt).toMatch(/Scene: Pip learns to swim\./);
  });
});
