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
const state: WorldState = { worldState: 'Night.', currentLocation: 'the Salt Steps', characters: [{ name: 'Juno', summary: 'A courier.' }], timeline: [], act: 1, chapter: 1, turnCount: 2 };

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
});
