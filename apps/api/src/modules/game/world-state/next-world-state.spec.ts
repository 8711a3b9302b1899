import type { WorldState } from '@storyos/contracts';
import { nextWorldState } from './next-world-state';

const start: WorldState = { worldState: 'Night.', currentLocation: 'the Copper Bridge', characters: [{ name: 'Juno', summary: 'A courier.' }], timeline: [], act: 1, chapter: 1, turnCount: 0 };

describe('the next world state', () => {
  it('takes the model’s JSON, counting player turns itself', () => {
    const text = JSON.stringify({ ...start, currentLocation: 'the Salt Steps', timeline: [{ turn: 1, event: 'Juno climbed.' }], turnCount: 7 });
    expect(nextWorldState({ previous: start, turn: 1, action: 'I climb.', reply: 'You climb.', text })).toMatchObject({ currentLocation: 'the Salt Steps', timeline: [{ turn: 1, event: 'Juno climbed.' }], turnCount: 1 });
  });

  it('derives the world from the turn when there is no JSON (builtin engine, stopped or failed step)', () => {
    const next = nextWorldState({ previous: start, turn: 1, action: 'I go to the lighthouse.', reply: 'You walk to the lighthouse, where Keeper Agnes waits.', text: 'prose, not JSON' });
    expect(next.turnCount).toBe(1);
    expect(next.timeline).toEqual([{ turn: 1, event: expect.any(String) }]);
  });

  it('after the opening, logs no player action and keeps the turn count at 0', () => {
    const next = nextWorldState({ previous: start, turn: 0, reply: 'You wait on the bridge. Captain Ilse Brand nods to you.', text: '' });
    expect(next).toMatchObject({ turnCount: 0, timeline: [], act: 1, chapter: 1 });
  });
});
