import type { AuthSession, GameSession, QuotaStatus, Scenario, SystemPrompt, WorldState } from '@storyos/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { login, registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { generationInsert } from './support/generation-rows';
import { errorAnswer, startFakeOpenAiServer, streamAnswer, type FakeAnswer, type FakeOpenAiServer } from './support/fake-openai-server';
import { countRows, createPublicScenario, getSession, playTurn, startSession, waitForGeneration, waitUntilIdle } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { untilWaitingForARow } from './support/row-waits';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const ADMIN = { email: 'game-chat-admin@example.test', password: 'operator pass 1' };

const prose = (...deltas: string[]): FakeAnswer => streamAnswer({ deltas, finishReason: 'stop' });
const world = (state: Partial<WorldState> & Pick<WorldState, 'turnCount'>): FakeAnswer =>
  prose('```json\n', JSON.stringify({ worldState: 'Night on the bridges.', currentLocation: 'the Copper Bridge', characters: [{ name: 'Juno', summary: 'A courier.' }], timeline: [], act: 1, chapter: 1, ...state }), '\n```');

/** The game against a chat-model provider (a local OpenAI-compatible fake) through a real worker. */
describe('game: playing with a chat model (OpenAI-compatible provider)', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let admin: AuthSession;
  let scenario: Scenario;

  /** The system message a request opened with: the admin's prompt first, then the scenario and the world. */
  const systemPromptOf = (requestIndex: number): unknown => (fake.requests[requestIndex]?.body['messages'] as { content: string }[] | undefined)?.[0];
  const opensWith = (prompt: string) => ({ role: 'system', content: expect.stringMatching(new RegExp(`^${prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`)) });

  /** A fresh player whose game's opening (reply + world-state step) has finished. */
  const openedGame = async (): Promise<{ player: AuthSession; id: string; session: GameSession }> => {
    const player = await registerUser(api.url, 'chat');
    fake.enqueue(prose('The lanterns ', 'sway.'), world({ turnCount: 0 }));
    const { id } = await startSession(http, player.accessToken, scenario.id);
    return { player, id, session: await waitUntilIdle(http, player.accessToken, id) };
  };

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    api = await startTestApp({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LLM_BASE_URL: fake.baseUrl,
      LLM_MODEL: 'fake-model',
      LLM_API_KEY: 'test-key',
      LLM_MAX_RETRIES: '0',
      GENERATION_ATTEMPTS: '1',
    });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    admin = await login(api.url, ADMIN.email, ADMIN.password);
    scenario = await createPublicScenario(http, admin.accessToken, { name: 'Bridges of Velmora', playerName: 'Juno', initialLocation: 'the Copper Bridge' });
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  it('asks each step with the system prompt active at that moment, and stores the model’s world-state JSON', async () => {
    const post = async (kind: string, body: object) => {
      const prompts = (await http.get<SystemPrompt[]>('/api/admin/system-prompts', { token: admin.accessToken })).body;
      const baseVersion = Math.max(0, ...prompts.filter((prompt) => prompt.kind === kind).map((prompt) => prompt.version));
      return http.post(`/api/admin/system-prompts/${kind}/versions`, { token: admin.accessToken, body: { ...body, baseVersion } });
    };
    const first = await post('narrator', { content: 'NARRATOR FIRST: tell the story in short, vivid lines.' });
    const second = await post('narrator', { content: 'NARRATOR SECOND: tell the story as a sea shanty.', activate: false });
    await post('world-state', { content: 'WORLD KEEPER: answer with the JSON world state only.' });
    expect([first.body.isActive, second.body.isActive]).toEqual([true, false]);

    const player = await registerUser(api.url, 'prompts');
    const before = fake.requests.length;
    fake.enqueue(
      prose('The bridge creaks.'),
      world({ currentLocation: 'the north end of the Copper Bridge', characters: [{ name: 'Juno', summary: 'A courier.' }, { name: 'Old Marta', summary: 'Sells maps that change.' }], turnCount: 0 }),
    );
    const { id } = await startSession(http, player.accessToken, scenario.id);
    const opened = await waitUntilIdle(http, player.accessToken, id);
    expect(systemPromptOf(before)).toEqual(opensWith('NARRATOR FIRST: tell the story in short, vivid lines.'));
    expect(systemPromptOf(before + 1)).toEqual(opensWith('WORLD KEEPER: answer with the JSON world state only.'));
    expect(opened.state).toMatchObject({ currentLocation: 'the north end of the Copper Bridge', turnCount: 0 });
    expect(opened.state.characters.map((character) => character.name)).toEqual(['Juno', 'Old Marta']);

    const activated = await http.post(`/api/admin/system-prompts/narrator/versions/${second.body.version}/activate`, { token: admin.accessToken });
    expect(activated.body).toMatchObject({ version: second.body.version, isActive: true });
    fake.enqueue(prose('Marta hums a tune.'), world({ timeline: [{ turn: 1, event: 'Juno met Old Marta.' }], turnCount: 1 }));
    const { session } = await playTurn(http, player.accessToken, id, 'I ask Old Marta for a map.');
    expect(systemPromptOf(before + 2)).toEqual(opensWith('NARRATOR SECOND: tell the story as a sea shanty.'));
    // The world the turn is told in is the one the last step stored.
    expect(JSON.stringify(fake.requests[before + 2]!.body['messages'])).toContain('the north end of the Copper Bridge');
    expect(session.state).toMatchObject({ turnCount: 1, timeline: [{ turn: 1, event: 'Juno met Old Marta.' }] });
  });

  it('holds the session while a reply streams (409 for more input), and a stop keeps the partial text', async () => {
    const player = await registerUser(api.url, 'stopper');
    const before = fake.requests.length;
    fake.enqueue(streamAnswer({ deltas: ['The fog ', 'rolls in', ' and never lifts.'], hangAfter: 2 }));
    const { id, generationId } = await startSession(http, player.accessToken, scenario.id);
    await eventually(async () => {
      const live = await http.get(`/api/generations/${generationId}`, { token: player.accessToken });
      expect(live.body).toMatchObject({ status: 'streaming', text: 'The fog rolls in' });
    });

    const turn = await http.post(`/api/game/sessions/${id}/turns`, { token: player.accessToken, body: { content: 'I wait.' } });
    expectError(turn, 409, 'CONFLICT');
    expect(turn.body.message).toMatch(/still being written/i);
    expectError(await http.post(`/api/game/sessions/${id}/regenerate`, { token: player.accessToken }), 409, 'CONFLICT');
    expectError(await http.post(`/api/game/sessions/${id}/undo`, { token: player.accessToken }), 409, 'CONFLICT');
    expect(await countRows(api.app, 'game_messages', 'session_id = $1', [id])).toBe(1);
    expect(await countRows(api.app, 'generations', 'target_id = $1', [id])).toBe(1);

    const stopped = await http.post(`/api/game/sessions/${id}/stop`, { token: player.accessToken });
    expect(stopped.status).toBe(202);
    expect(stopped.body).toEqual({ generationId });
    await waitForGeneration(http, player.accessToken, generationId, ['stopped']);
    const session = await waitUntilIdle(http, player.accessToken, id);
    expect(session.messages).toEqual([expect.objectContaining({ role: 'narrator', status: 'stopped', content: 'The fog rolls in', generationId })]);
    // Only completed replies move the world on: no world-state step was asked for.
    expect(fake.requests.length).toBe(before + 1);
    expect(session.state.turnCount).toBe(0);
    expectError(await http.post(`/api/game/sessions/${id}/stop`, { token: player.accessToken }), 409, 'CONFLICT');

    fake.enqueue(prose('A clear morning ', 'breaks.'), world({ turnCount: 0 }));
    const again = await http.post(`/api/game/sessions/${id}/regenerate`, { token: player.accessToken });
    expect(again.status).toBe(202);
    await waitForGeneration(http, player.accessToken, again.body.generationId, ['completed']);
    const replaced = await waitUntilIdle(http, player.accessToken, id);
    expect(replaced.messages).toEqual([expect.objectContaining({ role: 'narrator', status: 'completed', content: 'A clear morning breaks.', generationId: again.body.generationId })]);
  });

  it('lets exactly one of several simultaneous turns through (the session row is locked), the rest get 409', async () => {
    const { player, id } = await openedGame();
    fake.enqueue(streamAnswer({ deltas: ['You both ', 'speak'], hangAfter: 1 }));
    const responses = await Promise.all(['I go left.', 'I go right.', 'I stay.'].map((content) => http.post(`/api/game/sessions/${id}/turns`, { token: player.accessToken, body: { content } })));
    expect(responses.map((response) => response.status).sort()).toEqual([202, 409, 409]);
    expect(await countRows(api.app, 'game_messages', 'session_id = $1 AND turn = 1', [id])).toBe(2);
    expect(await countRows(api.app, 'generations', `target_id = $1 AND kind = 'game.turn'`, [id])).toBe(1);
    // The refused turns did not count against the daily allowance: opening + one turn.
    expect((await http.get('/api/auth/quota', { token: player.accessToken })).body.used).toBe(2);

    const accepted = responses.find((response) => response.status === 202)!;
    await eventually(async () => expect((await http.get(`/api/generations/${accepted.body.generationId}`, { token: player.accessToken })).body.status).toBe('streaming'));
    expect((await http.post(`/api/game/sessions/${id}/stop`, { token: player.accessToken })).status).toBe(202);
    await waitForGeneration(http, player.accessToken, accepted.body.generationId, ['stopped']);
    await waitUntilIdle(http, player.accessToken, id);
  });

  it('refuses a turn that waited for the session while another turn took it', async () => {
    const { player, id } = await openedGame();
    const dataSource = api.app.get(DataSource);
    // Another turn's transaction, holding the session's row: the new turn's read waits for it.
    const other = dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query('SELECT id FROM game_sessions WHERE id = $1 FOR UPDATE', [id]);
    const usedBefore = (await http.get<QuotaStatus>('/api/auth/quota', { token: player.accessToken })).body.used;
    const turn = http.post(`/api/game/sessions/${id}/turns`, { token: player.accessToken, body: { content: 'I cross the bridge.' } });
    await untilWaitingForARow(dataSource);
    // That turn's generation, committed while the read waits: its statement began before it existed.
    const generationId = randomUUID();
    const { statement, parameters } = generationInsert(dataSource, player.user.id, { id: generationId, targetId: id });
    await other.query(statement.text, parameters);
    await other.query('UPDATE game_sessions SET active_generation_id = $1 WHERE id = $2', [generationId, id]);
    await other.commitTransaction();
    await other.release();

    expectError(await turn, 409, 'CONFLICT');
    expect(await countRows(api.app, 'game_messages', 'session_id = $1 AND turn = 1', [id])).toBe(0);
    expect(await countRows(api.app, 'generations', `target_id = $1 AND kind = 'game.turn'`, [id])).toBe(1);
    await eventually(async () => expect((await http.get<QuotaStatus>('/api/auth/quota', { token: player.accessToken })).body.used).toBe(usedBefore));
  });

  it('keeps a failed reply with its reason for the player, and a regenerate puts it right', async () => {
    const { player, id } = await openedGame();
    fake.enqueue(errorAnswer(400, { error: { message: 'The request was malformed' } }));
    const accepted = await http.post(`/api/game/sessions/${id}/turns`, { token: player.accessToken, body: { content: 'I jump into the canal.' } });
    expect(accepted.status).toBe(202);
    await waitForGeneration(http, player.accessToken, accepted.body.generationId, ['failed']);
    const failed = await waitUntilIdle(http, player.accessToken, id);
    const reply = failed.messages.find((message) => message.role === 'narrator' && message.turn === 1);
    expect(reply).toMatchObject({ status: 'failed', generationId: accepted.body.generationId });
    expect(reply?.error).toEqual(expect.stringMatching(/\w/));
    expect(failed.state.turnCount).toBe(0);

    fake.enqueue(prose('You land with a splash.'), world({ timeline: [{ turn: 1, event: 'Juno jumped into the canal.' }], turnCount: 1 }));
    const retry = await http.post(`/api/game/sessions/${id}/regenerate`, { token: player.accessToken });
    expect(retry.status).toBe(202);
    await waitForGeneration(http, player.accessToken, retry.body.generationId, ['completed']);
    const fixed = await waitUntilIdle(http, player.accessToken, id);
    expect(fixed.messages.filter((message) => message.turn === 1).map(({ role, status, content, error }) => ({ role, status, content, error }))).toEqual([
      { role: 'player', status: null, content: 'I jump into the canal.', error: null },
      { role: 'narrator', status: 'completed', content: 'You land with a splash.', error: null },
    ]);
    expect(fixed.state.turnCount).toBe(1);
    expect((await getSession(http, player.accessToken, id)).body.turnCount).toBe(1);
  });
});
