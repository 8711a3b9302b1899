import type { WorldState } from '@storyos/contracts';
import { worldStateFromReply } from './next-world-state';

const start: WorldState = { worldState: 'Night.', currentLocation: 'the Copper Bridge', characters: [{ name: 'Juno', summary: 'A courier.' }], timeline: [], act: 1, chapter: 1, turnCount: 0 };

describe('the next world state', () => {
  it('merges the model’s JSON, counting player turns itself', () => {
    const text = JSON.stringify({ worldState: 'Dawn.', currentLocation: 'the Salt Steps', characters: [], event: 'Juno climbed.', act: 1, chapter: 1 });
    expect(worldStateFromReply(start, 1, text)).toEqual({ state: expect.objectContaining({ currentLocation: 'the Salt Steps', timeline: [{ turn: 1, event: 'Juno climbed.' }], turnCount: 1 }), problems: [] });
  });

  it('takes a whole state as it is (the builtin engine’s answer), the turn count excepted', () => {
    const next: WorldState = { ...start, currentLocation: 'the Salt Steps', timeline: [{ turn: 1, event: 'Juno climbed.' }], turnCount: 7 };
    expect(worldStateFromReply(start, 1, JSON.stringify(next))).toEqual({ state: { ...next, turnCount: 1 }, problems: [] });
  });

  it('keeps the world as it was when the reply holds no usable JSON, and says why', () => {
    const { state, problems } = worldStateFromReply(start, 1, 'Peptermty, ion and undles.');
    expect(state).toEqual({ ...start, turnCount: 1 });
    expect(problems).toEqual(['The reply holds no JSON object.']);
    expect(worldStateFromReply(start, 2, null).state).toEqual({ ...start, turnCount: 2 });
  });
});
