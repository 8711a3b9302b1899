import type { AuthSession, GameSession, Scenario, StoryCard } from '@storyos/contracts';
import { login, registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { countRows, createPublicScenario, getSession, playTurn, startSession, waitForGeneration, waitUntilIdle } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const ADMIN = { email: 'game-plus-admin@example.test', password: 'operator pass 1' };
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Swipes, edits, input modes, Continue, memory, author's note and story cards, through a real worker and the builtin engine. */
describe('game: what players of the best interactive-fiction apps expect', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let scenario: Scenario;

  const playerWithGame = async (label: string): Promise<{ player: AuthSession; token: string; id: string; session: GameSession }> => {
    const player = await registerUser(api.url, label);
    const { id, generationId } = await startSession(http, player.accessToken, scenario.id);
    await waitForGeneration(http, player.accessToken, generationId);
    return { player, token: player.accessToken, id, session: await waitUntilIdle(http, player.accessToken, id) };
  };
  const regenerate = async (token: string, id: string): Promise<GameSession> => {
    const accepted = await http.post(`/api/game/sessions/${id}/regenerate`, { token });
    expect(accepted.status).toBe(202);
    await waitForGeneration(http, token, accepted.body.generationId);
    return waitUntilIdle(http, token, id);
  };

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    const admin = await login(api.url, ADMIN.email, ADMIN.password);
    scenario = await createPublicScenario(http, admin.accessToken, {
      name: 'The Lantern Market',
      setting: 'A night market on the bridges of Velmora. Old Marta sells maps that change. Captain Ilse Brand guards the Copper Bridge.',
      playerName: 'Juno',
      playerRole: 'a courier with an undelivered letter',
      initialLocation: 'the Copper Bridge',
      tone: 'mysterious',
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('swipes', () => {
    it('keeps every alternative of the last reply; choosing one brings back its text and the world it led to', async () => {
      const { token, id } = await playerWithGame('swiper');
      const first = (await playTurn(http, token, id, 'I walk to the Salt Steps.')).session;
      const firstReply = first.messages.at(-1)!;
      const second = await regenerate(token, id);
      const third = await regenerate(token, id);
      const last = third.messages.at(-1)!;
      expect(last.swipe).toEqual({ index: 2, count: 3 });
      expect(new Set([firstReply.content, second.messages.at(-1)!.content, last.content]).size).toBe(3);
      // Each alternative is written from its own first words.
      expect(last.content.slice(0, 60)).not.toBe(firstReply.content.slice(0, 60));

      const back = await http.post(`/api/game/sessions/${id}/swipe`, { token, body: { index: 0 } });
      expect(back.status).toBe(200);
      expect(back.body.messages.at(-1)).toMatchObject({ content: firstReply.content, generationId: firstReply.generationId, swipe: { index: 0, count: 3 } });
      expect(back.body.state).toEqual(first.state);
      expect(back.body.messages.filter((message: { turn: number }) => message.turn === 1)).toHaveLength(2);

      // The chosen one feeds the story: the next turn's prompt reads it (the world state it left is the one the turn starts from).
      const next = await playTurn(http, token, id, 'I wait.');
      expect(next.session.state.timeline.slice(0, -1)).toEqual(first.state.timeline);
      expect(next.session.messages.find((message) => message.turn === 1 && message.role === 'narrator')!.content).toBe(firstReply.content);
    });

    it('refuses an alternative that does not exist (400), a bad body (400), and someone else’s game (404), changing nothing', async () => {
      const { token, id } = await playerWithGame('swipe-bad');
      await playTurn(http, token, id, 'I look around.');
      const before = (await getSession(http, token, id)).body;
      expectError(await http.post(`/api/game/sessions/${id}/swipe`, { token, body: { index: 1 } }), 400, 'BAD_REQUEST');
      for (const body of [{}, { index: -1 }, { index: 1.5 }, { index: '0' }, { index: 20 }, { index: 0, extra: true }]) {
        expectError(await http.post(`/api/game/sessions/${id}/swipe`, { token, body }), 400, 'VALIDATION_FAILED');
      }
      const stranger = await registerUser(api.url, 'swipe-stranger');
      expectError(await http.post(`/api/game/sessions/${id}/swipe`, { token: stranger.accessToken, body: { index: 0 } }), 404, 'NOT_FOUND');
      expect((await getSession(http, token, id)).body).toEqual(before);
    });
  });

  describe('editing', () => {
    it('rewrites any reply and any action over the revision it was made from; a stale edit is 409 with the current text', async () => {
      const { token, id } = await playerWithGame('editor');
      await playTurn(http, token, id, 'I walk to the old mill.');
      const session = await playTurn(http, token, id, 'I knock on the door.');
      const opening = session.session.messages[0]!;
      const edited = await http.send('PATCH', `/api/game/sessions/${id}/messages/${opening.id}`, { token, body: { content: 'Rain fell on the Copper Bridge.', baseRevision: 0 } });
      expect(edited.status).toBe(200);
      expect(edited.body.messages[0]).toMatchObject({ id: opening.id, content: 'Rain fell on the Copper Bridge.', revision: 1, status: 'completed' });

      const stale = await http.send('PATCH', `/api/game/sessions/${id}/messages/${opening.id}`, { token, body: { content: 'Something else.', baseRevision: 0 } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.details.current).toMatchObject({ id: opening.id, content: 'Rain fell on the Copper Bridge.', revision: 1 });

      // Editing the last action brings the world up to date with the new words.
      const action = edited.body.messages.find((message: { turn: number; role: string }) => message.turn === 2 && message.role === 'player');
      const rewritten = await http.send('PATCH', `/api/game/sessions/${id}/messages/${action.id}`, { token, body: { content: 'I draw my sword.', baseRevision: 0 } });
      expect(rewritten.status).toBe(200);
      const settled = await waitUntilIdle(http, token, id);
      expect(settled.messages.find((message) => message.id === action.id)).toMatchObject({ content: 'I draw my sword.', mode: 'do', revision: 1 });
      expect(settled.state.timeline.at(-1)).toEqual({ turn: 2, event: expect.stringMatching(/^You drew your sword\b/) });
    });

    it('refuses bad edits with 400, a missing or someone else’s message with 404, and stores nothing', async () => {
      const { token, id, session } = await playerWithGame('edit-bad');
      const opening = session.messages[0]!;
      const path = `/api/game/sessions/${id}/messages/${opening.id}`;
      for (const body of [{ content: '', baseRevision: 0 }, { content: 'x'.repeat(8001), baseRevision: 0 }, { content: 'ok' }, { content: 'ok', baseRevision: -1 }, { content: 5, baseRevision: 0 }, { content: 'ok', baseRevision: 0, role: 'player' }]) {
        expectError(await http.send('PATCH', path, { token, body }), 400, 'VALIDATION_FAILED');
      }
      expectError(await http.send('PATCH', `/api/game/sessions/${id}/messages/${MISSING}`, { token, body: { content: 'ok', baseRevision: 0 } }), 404, 'NOT_FOUND');
      expectError(await http.send('PATCH', `/api/game/sessions/${id}/messages/not-a-uuid`, { token, body: { content: 'ok', baseRevision: 0 } }), 400, 'VALIDATION_FAILED');
      const other = await playerWithGame('edit-other');
      expectError(await http.send('PATCH', `/api/game/sessions/${other.id}/messages/${opening.id}`, { token: other.token, body: { content: 'ok', baseRevision: 0 } }), 404, 'NOT_FOUND');
      expectError(await http.send('PATCH', path, { token: other.token, body: { content: 'ok', baseRevision: 0 } }), 404, 'NOT_FOUND');
      expect((await getSession(http, token, id)).body).toEqual(session);
    });

    it('refuses an edit while the story is being written (409)', async () => {
      const { token, id, session } = await playerWithGame('edit-busy');
      const accepted = await http.post(`/api/game/sessions/${id}/turns`, { token, body: { content: 'I run.' } });
      const edit = await http.send('PATCH', `/api/game/sessions/${id}/messages/${session.messages[0]!.id}`, { token, body: { content: 'New words.', baseRevision: 0 } });
      // The builtin engine may already have finished; if not, the edit waits its turn.
      if (edit.status !== 200) expectError(edit, 409, 'CONFLICT');
      await waitForGeneration(http, token, accepted.body.generationId);
      await waitUntilIdle(http, token, id);
    });
  });

  describe('Do, Say, Story and Continue', () => {
    it('stores how each input entered the story, and Continue writes a new passage as a turn of its own', async () => {
      const { token, id } = await playerWithGame('modes');
      for (const [content, mode] of [['Is anyone there?', 'say'], ['The lanterns went out all at once.', 'story'], ['I light a match.', 'do']] as const) {
        const accepted = await http.post(`/api/game/sessions/${id}/turns`, { token, body: { content, mode } });
        expect(accepted.status).toBe(202);
        await waitForGeneration(http, token, accepted.body.generationId);
        await waitUntilIdle(http, token, id);
      }
      const continued = await http.post(`/api/game/sessions/${id}/continue`, { token });
      expect(continued.status).toBe(202);
      const generation = await waitForGeneration(http, token, continued.body.generationId, ['completed']);
      expect(generation.kind).toBe('game.turn');
      const session = await waitUntilIdle(http, token, id);
      expect(session.messages.filter((message) => message.role === 'player').map(({ content, mode, turn }) => ({ content, mode, turn }))).toEqual([
        { content: 'Is anyone there?', mode: 'say', turn: 1 },
        { content: 'The lanterns went out all at once.', mode: 'story', turn: 2 },
        { content: 'I light a match.', mode: 'do', turn: 3 },
        { content: '', mode: 'continue', turn: 4 },
      ]);
      expect(session.messages.at(-1)).toMatchObject({ role: 'narrator', turn: 4, status: 'completed', generationId: generation.id });
      expect(session.state.timeline.map((event) => event.event)).toEqual([expect.stringMatching(/^You said, "Is anyone there\?"/), expect.stringMatching(/^The lanterns went out all at once\./), expect.stringMatching(/^You lit a match\./), expect.stringMatching(/^The story went on\./)]);
      expect(session.turnCount).toBe(4);
    });

    it('refuses an unknown mode (400) and stores nothing', async () => {
      const { token, id } = await playerWithGame('modes-bad');
      const before = await countRows(api.app, 'game_messages', 'session_id = $1', [id]);
      for (const mode of ['continue', 'shout', 3]) expectError(await http.post(`/api/game/sessions/${id}/turns`, { token, body: { content: 'Hello', mode } }), 400, 'VALIDATION_FAILED');
      expect(await countRows(api.app, 'game_messages', 'session_id = $1', [id])).toBe(before);
    });

    it('refuses Stop’s kept length when it is not a count (400)', async () => {
      const { token, id } = await playerWithGame('stop-bad');
      for (const body of [{ shownChars: -1 }, { shownChars: 'all' }, { shownChars: 1.5 }, { keep: 3 }]) expectError(await http.post(`/api/game/sessions/${id}/stop`, { token, body }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('memory, author’s note and story cards', () => {
    it('saves memory and author’s note over the version shown; a stale save is 409 with what is there now', async () => {
      const { token, id, session } = await playerWithGame('notes');
      expect(session.notes).toEqual({ memory: '', authorsNote: '', version: 0 });
      const saved = await http.send('PUT', `/api/game/sessions/${id}/notes`, { token, body: { memory: '  Juno owes the ferryman a debt.  ', authorsNote: 'Keep it eerie.', baseVersion: 0 } });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ memory: 'Juno owes the ferryman a debt.', authorsNote: 'Keep it eerie.', version: 1 });
      const stale = await http.send('PUT', `/api/game/sessions/${id}/notes`, { token, body: { memory: 'Other.', authorsNote: '', baseVersion: 0 } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.details.current).toEqual(saved.body);
      expect((await getSession(http, token, id)).body.notes).toEqual(saved.body);
    });

    it('puts the memory and a story card whose keyword the action names into the reply’s prompt, and says so on the reply', async () => {
      const { token, id } = await playerWithGame('cards');
      await http.send('PUT', `/api/game/sessions/${id}/notes`, { token, body: { memory: 'Juno owes the ferryman a debt.', authorsNote: '', baseVersion: 0 } });
      const created = await http.post(`/api/game/sessions/${id}/story-cards`, { token, body: { kind: 'character', title: 'Maren the smuggler', keywords: ['Maren', 'smuggler', 'maren'], content: 'A smuggler with a silver tooth who knows every tide.' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'character', title: 'Maren the smuggler', keywords: ['Maren', 'smuggler'], version: 1 });
      const unrelated = await http.post(`/api/game/sessions/${id}/story-cards`, { token, body: { kind: 'place', title: 'The Drowned Chapel', keywords: ['chapel'], content: 'Its bell rings at low tide.' } });
      expect(unrelated.status).toBe(201);

      const { session } = await playTurn(http, token, id, 'I ask the smuggler about the tides.');
      expect(session.messages.at(-1)!.context).toEqual({ memory: true, authorsNote: false, cards: [{ id: created.body.id, title: 'Maren the smuggler' }] });
      expect(session.storyCards.map((card) => card.title)).toEqual(['Maren the smuggler', 'The Drowned Chapel']);
      const quiet = await playTurn(http, token, id, 'I wait for dawn.');
      expect(quiet.session.messages.at(-1)!.context).toEqual({ memory: true, authorsNote: false, cards: [{ id: created.body.id, title: 'Maren the smuggler' }] });
    });

    it('edits a card over the version shown (409 when stale), deletes it, and refuses bad cards, missing ones and other players', async () => {
      const { token, id } = await playerWithGame('card-edit');
      const card: StoryCard = (await http.post(`/api/game/sessions/${id}/story-cards`, { token, body: { kind: 'thing', title: 'The brass key', keywords: ['key'], content: 'Opens the tide gate.' } })).body;
      const path = `/api/game/sessions/${id}/story-cards/${card.id}`;
      const edited = await http.send('PATCH', path, { token, body: { content: 'Opens the tide gate, once.', baseVersion: 1 } });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ content: 'Opens the tide gate, once.', keywords: ['key'], version: 2 });
      const stale = await http.send('PATCH', path, { token, body: { title: 'Key', baseVersion: 1 } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.details.current).toMatchObject({ version: 2, title: 'The brass key' });

      const cardsPath = `/api/game/sessions/${id}/story-cards`;
      for (const body of [
        { kind: 'weapon', title: 'Sword', keywords: ['sword'], content: 'Sharp.' },
        { kind: 'thing', title: '', keywords: ['sword'], content: 'Sharp.' },
        { kind: 'thing', title: 'Sword', keywords: [], content: 'Sharp.' },
        { kind: 'thing', title: 'Sword', keywords: Array.from({ length: 11 }, (_, i) => `k${i}`), content: 'Sharp.' },
        { kind: 'thing', title: 'Sword', keywords: ['sword'], content: 'x'.repeat(1001) },
        { kind: 'thing', title: 'Sword', keywords: ['sword'] },
        { kind: 'thing', title: 'Sword', keywords: ['sword'], content: 'Sharp.', version: 3 },
      ]) {
        expectError(await http.post(cardsPath, { token, body }), 400, 'VALIDATION_FAILED');
      }
      expectError(await http.send('PATCH', path, { token, body: { title: 'No version' } }), 400, 'VALIDATION_FAILED');
      for (const body of [{ memory: 'x'.repeat(2001), authorsNote: '', baseVersion: 0 }, { memory: '', authorsNote: 'x'.repeat(501), baseVersion: 0 }, { memory: '', authorsNote: '' }]) {
        expectError(await http.send('PUT', `/api/game/sessions/${id}/notes`, { token, body }), 400, 'VALIDATION_FAILED');
      }

      const stranger = await registerUser(api.url, 'card-stranger');
      const other = stranger.accessToken;
      expectError(await http.send('PATCH', path, { token: other, body: { title: 'Mine', baseVersion: 2 } }), 404, 'NOT_FOUND');
      expectError(await http.send('DELETE', path, { token: other }), 404, 'NOT_FOUND');
      expectError(await http.post(cardsPath, { token: other, body: { kind: 'thing', title: 'Mine', keywords: ['mine'], content: 'Mine.' } }), 404, 'NOT_FOUND');
      expectError(await http.send('PUT', `/api/game/sessions/${id}/notes`, { token: other, body: { memory: 'Mine.', authorsNote: '', baseVersion: 0 } }), 404, 'NOT_FOUND');
      expectError(await http.send('PATCH', `/api/game/sessions/${id}/story-cards/${MISSING}`, { token, body: { title: 'Gone', baseVersion: 1 } }), 404, 'NOT_FOUND');

      expect((await http.send('DELETE', path, { token })).status).toBe(204);
      expectError(await http.send('DELETE', path, { token }), 404, 'NOT_FOUND');
      const after = (await getSession(http, token, id)).body;
      expect(after.storyCards).toEqual([]);
      expect(after.notes.version).toBe(0);
    });

    it('keeps at most fifty cards per game (409 for the next)', async () => {
      const { token, id } = await playerWithGame('card-many');
      for (let i = 0; i < 50; i += 1) {
        const created = await http.post(`/api/game/sessions/${id}/story-cards`, { token, body: { kind: 'thing', title: `Thing ${i}`, keywords: [`thing${i}`], content: 'A thing.' } });
        expect(created.status).toBe(201);
      }
      expectError(await http.post(`/api/game/sessions/${id}/story-cards`, { token, body: { kind: 'thing', title: 'One more', keywords: ['more'], content: 'A thing.' } }), 409, 'CONFLICT');
    });
  });
});
