import type { AuthSession, GameSession, Scenario } from '@storyos/contracts';
import { login, registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { countRows, createPublicScenario, createScenario, getSession, playTurn, startSession, waitForGeneration, waitUntilIdle } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { connectSocket, type TestSocket } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const ADMIN = { email: 'game-play-admin@example.test', password: 'operator pass 1' };

/** The whole game through a real worker process and the builtin engine. */
describe('game: playing a session through the worker (builtin engine)', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let admin: AuthSession;
  let scenario: Scenario;
  const sockets: TestSocket[] = [];

  const quotaUsed = async (token: string): Promise<number> => (await http.get('/api/auth/quota', { token })).body.used;

  /** A fresh player with a game whose opening (and its world-state step) has finished. */
  const playerWithGame = async (label: string): Promise<{ player: AuthSession; id: string; session: GameSession }> => {
    const player = await registerUser(api.url, label);
    const { id, generationId } = await startSession(http, player.accessToken, scenario.id);
    await waitForGeneration(http, player.accessToken, generationId);
    return { player, id, session: await waitUntilIdle(http, player.accessToken, id) };
  };

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    admin = await login(api.url, ADMIN.email, ADMIN.password);
    scenario = await createPublicScenario(http, admin.accessToken, {
      name: 'The Lantern Market',
      setting: 'A night market on the bridges of Velmora. Old Marta sells maps that change. Captain Ilse Brand guards the Copper Bridge.',
      playerName: 'Juno',
      playerRole: 'a courier with an undelivered letter',
      initialLocation: 'the Copper Bridge',
      tone: 'mysterious',
    });
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('starts a game: 201 with the session and opening ids, the opening streams and is stored with the starting world', async () => {
    const player = await registerUser(api.url, 'opening');
    const created = await http.post('/api/game/sessions', { token: player.accessToken, body: { scenarioId: scenario.id } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), generationId: expect.any(String) });

    const opening = await waitForGeneration(http, player.accessToken, created.body.generationId, ['completed']);
    expect(opening).toMatchObject({ kind: 'game.opening', target: { type: 'game-session', id: created.body.id } });
    expect(opening.text.length).toBeGreaterThan(0);

    const session = await waitUntilIdle(http, player.accessToken, created.body.id);
    expect(session).toMatchObject({ id: created.body.id, title: 'The Lantern Market', scenario: { id: scenario.id, name: 'The Lantern Market' }, playerName: 'Juno', turnCount: 0, activeGenerationId: null });
    expect(session.messages).toEqual([
      {
        id: expect.any(String),
        role: 'narrator',
        content: opening.text,
        mode: null,
        revision: 0,
        swipe: { index: 0, count: 1 },
        context: { memory: false, authorsNote: false, cards: [] },
        generationId: opening.id,
        status: 'completed',
        error: null,
        finishReason: 'stop',
        turn: 0,
        createdAt: expect.any(String),
      },
    ]);
    expect(session.state).toMatchObject({ turnCount: 0, act: 1, chapter: 1, currentLocation: expect.any(String) });
    expect(session.state.characters.map((character) => character.name)).toContain('Juno');
    // The opening counted once; its world-state step did not count again.
    expect(await quotaUsed(player.accessToken)).toBe(1);
  });

  it('plays a turn: 202, the reply is stored, and the updated world (turn 1, a timeline event) is pushed as game:state', async () => {
    const { player, id } = await playerWithGame('turn');
    const socket = await connectSocket(api.url, { token: player.accessToken });
    sockets.push(socket);
    const pushed: { sessionId: string; state: GameSession['state'] }[] = [];
    socket.on('game:state', (event) => pushed.push(event));

    const accepted = await http.post(`/api/game/sessions/${id}/turns`, { token: player.accessToken, body: { content: '  I show Captain Ilse Brand the letter.  ' } });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ generationId: expect.any(String) });
    const reply = await waitForGeneration(http, player.accessToken, accepted.body.generationId, ['completed']);
    expect(reply.kind).toBe('game.turn');
    const session = await waitUntilIdle(http, player.accessToken, id);

    expect(session.turnCount).toBe(1);
    expect(session.messages.map(({ role, turn, status }) => ({ role, turn, status }))).toEqual([
      { role: 'narrator', turn: 0, status: 'completed' },
      { role: 'player', turn: 1, status: null },
      { role: 'narrator', turn: 1, status: 'completed' },
    ]);
    expect(session.messages[1]!.content).toBe('I show Captain Ilse Brand the letter.');
    expect(session.messages[2]).toMatchObject({ content: reply.text, generationId: reply.id });
    expect(session.state.turnCount).toBe(1);
    expect(session.state.timeline).toEqual(expect.arrayContaining([{ turn: 1, event: expect.any(String) }]));

    const event = await eventuallyPushed(pushed, (candidate) => candidate.sessionId === id && candidate.state.turnCount === 1);
    expect(event.state).toEqual(session.state);
    expect(await quotaUsed(player.accessToken)).toBe(2);
  });

  it('undo removes the last turn and its reply and restores the world from before it; with no turn left it is 409', async () => {
    const { player, id, session: before } = await playerWithGame('undo');
    const after = (await playTurn(http, player.accessToken, id, 'I walk to the old mill.')).session;
    expect(after.state).not.toEqual(before.state);

    const undone = await http.post(`/api/game/sessions/${id}/undo`, { token: player.accessToken });
    expect(undone.status).toBe(200);
    expect(undone.body.messages).toEqual(before.messages);
    expect(undone.body.state).toEqual(before.state);
    expect(undone.body.turnCount).toBe(0);
    expect((await getSession(http, player.accessToken, id)).body.state).toEqual(before.state);
    expect(await countRows(api.app, 'game_state_snapshots', 'session_id = $1', [id])).toBe(1);

    const again = await http.post(`/api/game/sessions/${id}/undo`, { token: player.accessToken });
    expectError(again, 409, 'CONFLICT');
    expect(again.body.message).toMatch(/no turn/i);
  });

  it('regenerates the last reply: the new one is chosen and the old one kept as an alternative, one narrator message per turn', async () => {
    const { player, id } = await playerWithGame('regen');
    const { generationId: first } = await playTurn(http, player.accessToken, id, 'I buy a map from Old Marta.');

    const accepted = await http.post(`/api/game/sessions/${id}/regenerate`, { token: player.accessToken });
    expect(accepted.status).toBe(202);
    const second = accepted.body.generationId as string;
    expect(second).not.toBe(first);
    await waitForGeneration(http, player.accessToken, second, ['completed']);
    const session = await waitUntilIdle(http, player.accessToken, id);

    const replies = session.messages.filter((message) => message.role === 'narrator' && message.turn === 1);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ generationId: second, status: 'completed', swipe: { index: 1, count: 2 } });
    expect(await countRows(api.app, 'game_messages', 'generation_id = $1', [first])).toBe(0);
    // The world was recomputed from the snapshot, not advanced twice.
    expect(session.state.turnCount).toBe(1);
  });

  it('has nothing to stop when nothing is being written (409)', async () => {
    const { player, id } = await playerWithGame('stop-idle');
    const response = await http.post(`/api/game/sessions/${id}/stop`, { token: player.accessToken });
    expectError(response, 409, 'CONFLICT');
  });

  it('renames, lists mine newest played first with paging, and deletes (204, then 404, messages gone)', async () => {
    const { player, id: first } = await playerWithGame('lister');
    const { generationId } = await startSession(http, player.accessToken, scenario.id);
    const second = (await waitForGeneration(http, player.accessToken, generationId)).target.id;
    await waitUntilIdle(http, player.accessToken, second);
    await playTurn(http, player.accessToken, first, 'I cross the bridge.');

    const renamed = await http.send('PATCH', `/api/game/sessions/${first}`, { token: player.accessToken, body: { title: '  Juno’s night  ' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe('Juno’s night');

    const page1 = await http.get('/api/game/sessions?pageSize=1&page=1', { token: player.accessToken });
    const page2 = await http.get('/api/game/sessions?pageSize=1&page=2', { token: player.accessToken });
    expect(page1.body).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(page1.body.items).toEqual([{ id: first, title: 'Juno’s night', scenario: { id: scenario.id, name: scenario.name }, turnCount: 1, lastPlayedAt: expect.any(String), createdAt: expect.any(String) }]);
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual([second]);

    const deleted = await http.send('DELETE', `/api/game/sessions/${second}`, { token: player.accessToken });
    expect(deleted.status).toBe(204);
    expectError(await getSession(http, player.accessToken, second), 404, 'NOT_FOUND');
    expect(await countRows(api.app, 'game_messages', 'session_id = $1', [second])).toBe(0);
    expect(await countRows(api.app, 'game_state_snapshots', 'session_id = $1', [second])).toBe(0);
    expect((await http.get('/api/game/sessions', { token: player.accessToken })).body.total).toBe(1);
  });

  it('charges nothing and stores nothing for a game that cannot start: an unknown, another user’s private, or an archived scenario', async () => {
    const player = await registerUser(api.url, 'cannot-start');
    const owner = await registerUser(api.url, 'cannot-start-owner');
    const someoneElses = await createScenario(http, owner.accessToken, { name: 'A Private Harbour' });
    const closed = await createPublicScenario(http, admin.accessToken, { name: 'The Closed Market' });
    expect((await http.post(`/api/scenarios/${closed.id}/archive`, { token: admin.accessToken })).status).toBe(200);
    const stored = async () => ({ sessions: await countRows(api.app, 'game_sessions'), generations: await countRows(api.app, 'generations') });
    const before = await stored();
    const adminUsed = await quotaUsed(admin.accessToken);
    const start = (token: string, scenarioId: string) => http.post('/api/game/sessions', { token, body: { scenarioId } });
    expectError(await start(player.accessToken, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    expectError(await start(player.accessToken, someoneElses.id), 404, 'NOT_FOUND');
    expectError(await start(player.accessToken, closed.id), 404, 'NOT_FOUND'); // archived ones look missing to players
    expectError(await start(admin.accessToken, closed.id), 409, 'CONFLICT'); // admins still see it
    expect(await quotaUsed(player.accessToken)).toBe(0);
    expect(await quotaUsed(admin.accessToken)).toBe(adminUsed);
    expect(await stored()).toEqual(before);
  });

  it('refuses another user’s session (404) on every route, and its generations, and changes nothing', async () => {
    const { player, id, session } = await playerWithGame('owner');
    const stranger = await registerUser(api.url, 'stranger');
    const token = stranger.accessToken;
    const attempts = [
      http.get(`/api/game/sessions/${id}`, { token }),
      http.send('PATCH', `/api/game/sessions/${id}`, { token, body: { title: 'Mine now' } }),
      http.send('DELETE', `/api/game/sessions/${id}`, { token }),
      http.post(`/api/game/sessions/${id}/turns`, { token, body: { content: 'I take over.' } }),
      http.post(`/api/game/sessions/${id}/stop`, { token }),
      http.post(`/api/game/sessions/${id}/regenerate`, { token }),
      http.post(`/api/game/sessions/${id}/undo`, { token }),
      http.get(`/api/generations/${session.messages[0]!.generationId}`, { token }),
    ];
    for (const response of await Promise.all(attempts)) expectError(response, 404, 'NOT_FOUND');
    const missing = await http.get('/api/game/sessions/00000000-0000-4000-8000-000000000000', { token });
    expect((await attempts[0]!).body.message).toBe(missing.body.message);

    const unchanged = await getSession(http, player.accessToken, id);
    expect(unchanged.body).toEqual(session);
    expect(await quotaUsed(token)).toBe(0);
  });

  describe('bad turn input is refused with 400, field by field, and nothing is stored', () => {
    let player: AuthSession;
    let id: string;

    beforeAll(async () => {
      ({ player, id } = await playerWithGame('validation'));
    });

    it.each([
      ['an empty action', { content: '   ' }, 'content'],
      ['2,001 characters', { content: 'a'.repeat(2001) }, 'content'],
      ['a wrong type', { content: 42 }, 'content'],
      ['a missing action', {}, 'content'],
      ['an unknown field', { content: 'I wave.', mood: 'happy' }, 'mood'],
    ])('%s', async (_label, body, path) => {
      const before = { messages: await countRows(api.app, 'game_messages'), generations: await countRows(api.app, 'generations') };
      const response = await http.post(`/api/game/sessions/${id}/turns`, { token: player.accessToken, body });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
      expect({ messages: await countRows(api.app, 'game_messages'), generations: await countRows(api.app, 'generations') }).toEqual(before);
    });

    it('names the problem with an empty action in words', async () => {
      const response = await http.post(`/api/game/sessions/${id}/turns`, { token: player.accessToken, body: { content: '' } });
      expect(response.body.details).toEqual([{ path: 'content', message: 'Say what you do: the action cannot be empty' }]);
    });

    it('refuses ids that are not uuids and an unknown scenario', async () => {
      expectError(await http.post('/api/game/sessions/not-a-uuid/turns', { token: player.accessToken, body: { content: 'Hi' } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post('/api/game/sessions', { token: player.accessToken, body: { scenarioId: 'nope' } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post('/api/game/sessions', { token: player.accessToken, body: { scenarioId: '00000000-0000-4000-8000-000000000000' } }), 404, 'NOT_FOUND');
      expectError(await http.send('PATCH', `/api/game/sessions/${id}`, { token: player.accessToken, body: { title: ' ' } }), 400, 'VALIDATION_FAILED');
    });
  });
});

/** Waits for a pushed event that matches; the socket delivers it after the worker commits. */
async function eventuallyPushed<T>(events: T[], matches: (event: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const found = events.find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No matching event among ${events.length} received`);
}
