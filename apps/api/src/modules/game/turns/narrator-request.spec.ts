import type { WorldState } from '@storyos/contracts';
import { assemble } from '@storyos/domain';
import { narratorPlan } from './narrator-request';

const scenario = {
  name: 'Bridges of Velmora',
  description: 'A night market on the bridges.',
  setting: 'Old Marta sells maps that change.',
  narratorBehavior: 'Quiet and precise.',
  playerName: 'Juno',
  playerRole: 'a courier',
  initialLocation: 'the Copper Bridge',
  tone: 'mysterious' as const,
  contentRating: 'teen' as const,
};
const state: WorldState = { worldState: 'Night.', currentLocation: 'the Salt Steps', characters: [{ name: 'Juno', summary: 'A courier.' }], present: [], timeline: [], act: 1, chapter: 1, turnCount: 2 };

describe('the narrator request', () => {
  it('is told by the active system prompt, first, and knows where the story stands', () => {
    const plan = narratorPlan({ systemPrompt: 'ACTIVE PROMPT v7', scenario, state, transcript: [{ role: 'narrator', content: 'Earlier reply.', turn: 0 }], action: 'I climb the steps.' });
    const messages = assemble(plan.parts, plan.parts.map(() => true));
    expect(messages[0]?.content.startsWith('ACTIVE PROMPT v7')).toBe(true);
    expect(JSON.stringify(messages)).toContain('the Salt Steps');
    expect(messages.at(-1)?.content).toContain('I climb the steps.');
    expect(plan.brief).toMatchObject({ task: 'game.turn', action: 'I climb the steps.', location: 'the Salt Steps', turn: 3 });
  });

  it('asks for the opening when there is no action', () => {
    const plan = narratorPlan({ systemPrompt: 'ACTIVE PROMPT v7', scenario, state: { ...state, turnCount: 0 }, transcript: [] });
    expect(plan.brief).toMatchObject({ task: 'game.opening', playerName: 'Juno' });
  });

  const card = { id: '00000000-0000-4000-8000-000000000001', kind: 'character' as const, title: 'Old Marta', keywords: ['Marta'], content: 'Sells maps that redraw themselves at midnight.' };
  const sent = (context: Partial<Parameters<typeof narratorPlan>[0]>) => {
    const plan = narratorPlan({ systemPrompt: 'P', scenario, state, transcript: [{ role: 'narrator', content: 'Earlier reply.', turn: 0 }], action: 'I ask Marta for a map.', ...context });
    return assemble(plan.parts, plan.parts.map(() => true));
  };

  it('always carries the memory, the chosen story cards, and the author’s note in the last message', () => {
    const messages = sent({ memory: 'Juno owes the ferryman a debt.', authorsNote: 'Keep it eerie; short sentences.', cards: [card] });
    expect(messages[0]!.content).toContain('Memory (always true in this story):\nJuno owes the ferryman a debt.');
    expect(messages[0]!.content).toContain('- Old Marta (character): Sells maps that redraw themselves at midnight.');
    expect(messages.at(-1)!.content).toMatch(/I ask Marta for a map\.[\s\S]*\[Author's note: Keep it eerie; short sentences\.\]$/);
    expect(JSON.stringify(sent({}))).not.toMatch(/Memory|Author's note|Story cards/);
  });

  it('tells the model how the input entered the story', () => {
    expect(sent({ mode: 'say', action: 'Who drew this map?' }).at(-1)!.content).toMatch(/^Player says: "Who drew this map\?"/);
    expect(sent({ mode: 'story', action: 'The lanterns went out all at once.' }).at(-1)!.content).toMatch(/^Player writes into the story: The lanterns went out all at once\./);
    expect(sent({ mode: 'continue', action: '' }).at(-1)!.content).toMatch(/^Continue the story from where it stands/);
  });

  it('samples the narrator’s prose as creative writing is usually sampled', () => {
    expect(narratorPlan({ systemPrompt: 'P', scenario, state, transcript: [], action: 'wait' }).temperature).toBeGreaterThanOrEqual(0.7);
  });
});
