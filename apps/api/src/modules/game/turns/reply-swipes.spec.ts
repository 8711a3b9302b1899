import type { WorldState } from '@storyos/contracts';
import type { GameMessageEntity } from '../sessions/game-message.entity';
import { chooseSwipe, swipesWithNew } from './reply-swipes';

const state = (location: string): WorldState => ({ worldState: '', currentLocation: location, characters: [], present: [], timeline: [], act: 1, chapter: 1, turnCount: 1 });
const reply = (content: string, extra: Partial<GameMessageEntity> = {}): GameMessageEntity =>
  ({ content, generationId: `gen-${content}`, status: 'completed', error: null, finishReason: 'stop', context: null, swipes: [], swipeIndex: 0, ...extra }) as GameMessageEntity;

describe('a reply’s alternatives', () => {
  it('keeps the first reply and makes room for the new one at the end', () => {
    const { swipes, swipeIndex } = swipesWithNew(reply('First.'), state('the gate'), 'gen-new');
    expect(swipes.map((s) => s.content)).toEqual(['First.', '']);
    expect(swipes[0]!.stateAfter?.currentLocation).toBe('the gate');
    expect(swipeIndex).toBe(1);
  });

  it('does not keep a reply that failed or was stopped before a word', () => {
    const first = swipesWithNew(reply('First.'), state('a'), 'g2');
    const failed = reply('', { status: 'failed', swipes: first.swipes, swipeIndex: 1 });
    const { swipes, swipeIndex } = swipesWithNew(failed, state('a'), 'g3');
    expect(swipes.map((s) => s.content)).toEqual(['First.', '']);
    expect(swipeIndex).toBe(1);
  });

  it('gives up the oldest past twenty', () => {
    let message = reply('0');
    for (let i = 1; i <= 25; i++) {
      const next = swipesWithNew(message, state('x'), `g${i}`);
      message = reply(String(i), next);
    }
    expect(message.swipes).toHaveLength(20);
    expect(message.swipes[0]!.content).toBe('6');
    expect(message.swipeIndex).toBe(19);
  });

  it('brings back a chosen alternative with the world it left, and keeps the current one', () => {
    const first = swipesWithNew(reply('First.'), state('the gate'), 'g2');
    const second = reply('Second.', first);
    const { columns, stateAfter } = chooseSwipe(second, 0, state('the tower'));
    expect(columns).toMatchObject({ content: 'First.', swipeIndex: 0, generationId: 'gen-First.' });
    expect(stateAfter?.currentLocation).toBe('the gate');
    expect(columns.swipes[1]).toMatchObject({ content: 'Second.', stateAfter: { currentLocation: 'the tower' } });
  });
});
