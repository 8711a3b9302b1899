import type { GameSession, Generation } from '@storyos/contracts';
import { createQueryClient } from '../../lib/query-client';
import { appendPendingTurn, joinedText, replaceLastReply, settleGeneration } from './cache';
import { playKeys } from './keys';

const SESSION = '33333333-3333-4333-8333-333333333333';
const REPLY = '11111111-1111-4111-8111-111111111111';
const WORLD = '22222222-2222-4222-8222-222222222222';
const at = '2025-01-01T00:00:00.000Z';

function session(overrides: Partial<GameSession> = {}): GameSession {
  return {
    id: SESSION,
    title: 'Game',
    scenario: { id: WORLD, name: 'Scenario' },
    turnCount: 0,
    lastPlayedAt: at,
    createdAt: at,
    state: { worldState: '', currentLocation: '', characters: [], present: [], timeline: [], act: 1, chapter: 1, turnCount: 0 },
    messages: [{ id: 'm1', role: 'narrator', content: 'Opening.', mode: null, revision: 0, swipe: { index: 0, count: 1 }, context: null, generationId: null, status: 'completed', error: null, finishReason: 'stop', turn: 0, createdAt: at }],
    notes: { memory: '', authorsNote: '', version: 0 },
    storyCards: [],
    activeGenerationId: null,
    playerName: 'Ada',
    playerRole: 'Keeper',
    ...overrides,
  };
}

function setup(data: GameSession) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(playKeys.session(SESSION), data);
  jest.spyOn(queryClient, 'invalidateQueries').mockResolvedValue(undefined);
  const read = () => queryClient.getQueryData<GameSession>(playKeys.session(SESSION));
  return { queryClient, read };
}

describe('the game cache', () => {
  it('shows the player’s action at once and marks the reply as running', () => {
    const { queryClient, read } = setup(session());
    appendPendingTurn(queryClient, SESSION, 'Open the door', REPLY);
    expect(read()?.messages.at(-1)).toMatchObject({ role: 'player', content: 'Open the door' });
    expect(read()?.activeGenerationId).toBe(REPLY);
  });

  it('adds a finished reply the cached session did not know yet', async () => {
    const { queryClient, read } = setup(session({ activeGenerationId: REPLY }));
    await settleGeneration(queryClient, SESSION, REPLY, { status: 'completed', text: 'The door opens.', lastSeq: 5, error: null });
    expect(read()?.messages.at(-1)).toMatchObject({ role: 'narrator', content: 'The door opens.', mode: null, revision: 0, swipe: { index: 0, count: 1 }, context: null, generationId: REPLY });
    // A completed reply holds the game until its world-state step takes over.
    expect(read()?.activeGenerationId).toBe(REPLY);
  });

  it('lets go of the game at once when a reply was stopped', async () => {
    const { queryClient, read } = setup(session({ activeGenerationId: REPLY }));
    await settleGeneration(queryClient, SESSION, REPLY, { status: 'stopped', text: 'The door', lastSeq: 2, error: null });
    expect(read()?.activeGenerationId).toBeNull();
  });

  it('writes no message for the world-state step', async () => {
    const { queryClient, read } = setup(session({ activeGenerationId: WORLD }));
    queryClient.setQueryData(playKeys.generation(WORLD), { id: WORLD, kind: 'game.world-state' } as Generation);
    await settleGeneration(queryClient, SESSION, WORLD, { status: 'completed', text: '{"act":1}', lastSeq: 2, error: null });
    expect(read()?.messages).toHaveLength(1);
    expect(read()?.activeGenerationId).toBeNull();
  });

  it('takes the regenerated reply out of the transcript while the new one streams', () => {
    const { queryClient, read } = setup(session());
    replaceLastReply(queryClient, SESSION, REPLY);
    expect(read()?.messages).toHaveLength(0);
    expect(read()?.activeGenerationId).toBe(REPLY);
  });

  it('keeps every unchanged message object when the session is read again, so the transcript skips those messages', async () => {
    const queryClient = createQueryClient();
    const key = playKeys.session(SESSION);
    const before = session();
    queryClient.setQueryData(key, before);
    appendPendingTurn(queryClient, SESSION, 'I wait.', REPLY);
    // The server's copy: an equal opening, and the player's line stored under its own id.
    const stored = session();
    stored.messages.push({ ...stored.messages[0]!, id: 'm2', role: 'player', content: 'I wait.', mode: 'do', swipe: null, status: null, finishReason: null, turn: 1 });
    await queryClient.fetchQuery({ queryKey: key, queryFn: () => stored, staleTime: 0 });
    const after = queryClient.getQueryData<GameSession>(key);
    expect(after?.messages[0]).toBe(before.messages[0]);
    expect(after?.messages[1]?.id).toBe('m2');
  });
});

describe('joining a continuation to its reply', () => {
  it('puts a space between words, none before punctuation or after a space, and adds nothing to an empty reply', () => {
    expect(joinedText('The bell', 'rang.')).toBe('The bell rang.');
    expect(joinedText('The bell', ', slowly.')).toBe('The bell, slowly.');
    expect(joinedText('The bell ', 'rang.')).toBe('The bell rang.');
    expect(joinedText('', 'The bell rang.')).toBe('The bell rang.');
    expect(joinedText('The bell', '')).toBe('The bell');
  });
});
