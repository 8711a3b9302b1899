import type { WorldState } from '@storyos/contracts';
import { derivedWorldState, modelWorldState } from './next-world-state';

const start: WorldState = { worldState: 'Night.', currentLocation: 'the Copper Bridge', characters: [{ name: 'Juno', summary: 'A courier.' }], present: [], timeline: [], act: 1, chapter: 1, turnCount: 0 };

describe('the next world state', () => {
  it('merges the model’s JSON, counting player turns itself', () => {
    const text = JSON.stringify({ worldState: 'Dawn.', currentLocation: 'the Salt Steps', characters: [], event: 'Juno climbed.', act: 1, chapter: 1 });
    expect(modelWorldState(start, 1, text)).toEqual({ state: expect.objectContaining({ currentLocation: 'the Salt Steps', timeline: [{ turn: 1, event: 'Juno climbed.' }], turnCount: 1 }), problems: [] });
  });

  it('keeps the world as it was when the model wrote no usable JSON, and says why', () => {
    const { state, problems } = modelWorldState(start, 1, 'Peptermty, ion and undles.');
    expect(state).toEqual({ ...start, turnCount: 1 });
    expect(problems).toEqual(['The reply holds no JSON object.']);
    expect(modelWorldState(start, 2, null).state).toEqual({ ...start, turnCount: 2 });
  });

  it('derives the world from the turn for the builtin engine', () => {
    const next = derivedWorldState({ previous: start, turn: 1, action: 'I go to the lighthouse.', reply: 'You walk to the lighthouse, where Keeper Agnes waits.', playerName: 'Juno' });
    expect(next.turnCount).toBe(1);
    expect(next.timeline).toEqual([{ turn: 1, event: expect.any(String) }]);
  });

  it('after the opening, logs no player action and keeps the turn count at 0', () => {
    const next = derivedWorldState({ previous: start, turn: 0, reply: 'You wait on the bridge. Captain Ilse Brand nods to you.', playerName: 'Juno' });
    expect(next).toMatchObject({ turnCount: 0, timeline: [], act: 1, chapter: 1 });
  });
});
