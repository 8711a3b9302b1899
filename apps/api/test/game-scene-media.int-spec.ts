import type { AuthSession, Generation, SceneMedia, StreamEntry } from '@storyos/contracts';
import { followEntries, StreamAssembler } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { countRows, createScenario, getSession, playTurn, startSession, waitForGeneration, waitUntilIdle } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { connectSocket, type TestSocket } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

/** Pictures and narration of game scenes (narrator replies): media steps through a real worker, with the builtin illustrator and voice. */
describe('game: scene pictures and narration as media steps', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let alice: AuthSession;
  let bob: AuthSession;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    alice = await registerUser(api.url, 'scene-player');
    bob = await registerUser(api.url, 'scene-other');
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await worker?.stop();
    await api?.close();
  });

  /** A game with its opening and one turn written, and the narrator reply to that turn. */
  const playedGame = async () => {
    const scenario = await createScenario(http, alice.accessToken, { name: 'Lantern Woods' });
    const { id } = await startSession(http, alice.accessToken, scenario.id);
    await waitUntilIdle(http, alice.accessToken, id);
    const { session } = await playTurn(http, alice.accessToken, id, 'I follow the lantern light into the woods.');
    const reply = session.messages.filter((message) => message.role === 'narrator').at(-1)!;
    expect(reply.content.length).toBeGreaterThan(0);
    return { sessionId: id, reply };
  };
  const fetchMedia = (mediaId: string, token = alice.accessToken) => fetch(`${api.url}/api/media/${mediaId}`, { headers: { authorization: `Bearer ${token}` } });

  it('reads a narrator reply aloud piece by piece as stored MP3 audio, streamed in order, and answers with it again for the same text', async () => {
    const { sessionId, reply } = await playedGame();
    const socket = await connectSocket(api.url, { token: alice.accessToken });
    sockets.push(socket);
    const entries: StreamEntry[] = [];
    followEntries(socket, ({ entry }) => entries.push(entry));

    const started = await http.post<SceneMedia>(`/api/game/sessions/${sessionId}/messages/${reply.id}/narration`, { token: alice.accessToken });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ messageId: reply.id, kind: 'narration', matchesText: true });
    const done = (await waitForGeneration(http, alice.accessToken, started.body.generationId)) as Generation;
    expect(done).toMatchObject({ status: 'completed', kind: 'game.narration', target: { type: 'game-session', id: sessionId } });
    expect(done.media.length).toBeGreaterThanOrEqual(1);
    expect(done.media.map((part) => part.index)).toEqual(done.media.map((_, index) => index));
    for (const part of done.media) {
      expect(part).toMatchObject({ kind: 'narration', contentType: 'audio/mpeg' });
      expect(part.durationMs).toBeGreaterThan(200);
      const audio = await fetchMedia(part.mediaId);
      expect(audio.status).toBe(200);
      expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    }
    expect(done.media.map((part) => part.text).join(' ').replace(/\s+/g, ' ')).toContain(reply.content.trim().split(/(?<=[.!?])\s/)[0]!.replace(/\s+/g, ' '));

    await eventually(async () => expect(entries.some((entry) => entry.type === 'end')).toBe(true));
    const assembler = new StreamAssembler();
    entries.forEach((entry) => assembler.push(entry));
    expect(assembler.state().media.map((part) => part.mediaId)).toEqual(done.media.map((part) => part.mediaId));

    const again = await http.post<SceneMedia>(`/api/game/sessions/${sessionId}/messages/${reply.id}/narration`, { token: alice.accessToken, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.generationId).toBe(started.body.generationId);
    const fresh = await http.post<SceneMedia>(`/api/game/sessions/${sessionId}/messages/${reply.id}/narration`, { token: alice.accessToken, body: { again: true } });
    expect(fresh.status).toBe(202);
    expect(fresh.body.generationId).not.toBe(started.body.generationId);
    await waitForGeneration(http, alice.accessToken, fresh.body.generationId);
    // The game itself is not held by a media step: the next turn can be played at once.
    expect((await getSession(http, alice.accessToken, sessionId)).body.activeGenerationId).toBeNull();
  });

  it('draws a scene as a PNG picture that stays listed with its reply after a reload; an edited reply marks it as made from other words', async () => {
    const { sessionId, reply } = await playedGame();
    const started = await http.post<SceneMedia>(`/api/game/sessions/${sessionId}/messages/${reply.id}/illustration`, { token: alice.accessToken });
    expect(started.status).toBe(202);
    const done = (await waitForGeneration(http, alice.accessToken, started.body.generationId)) as Generation;
    expect(done.status).toBe('completed');
    expect(done.media).toEqual([expect.objectContaining({ index: 0, kind: 'image', contentType: 'image/png' })]);
    const picture = await fetchMedia(done.media[0]!.mediaId);
    expect(picture.status).toBe(200);
    expect(Buffer.from(await picture.arrayBuffer()).subarray(1, 4).toString('latin1')).toBe('PNG');
    const [attached] = (await api.app.get(DataSource).query(`SELECT attached_type, attached_id FROM media_assets WHERE id = $1`, [done.media[0]!.mediaId])) as { attached_type: string; attached_id: string }[];
    expect(attached).toEqual({ attached_type: 'game-session', attached_id: sessionId });

    const listed = await http.get<SceneMedia[]>(`/api/game/sessions/${sessionId}/media`, { token: alice.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ messageId: reply.id, kind: 'illustration', status: 'completed', matchesText: true, parts: done.media })]);

    // Another user sees neither the list, nor the picture, nor can they start one.
    expectError(await http.get(`/api/game/sessions/${sessionId}/media`, { token: bob.accessToken }), 404, 'NOT_FOUND');
    expect((await fetchMedia(done.media[0]!.mediaId, bob.accessToken)).status).toBe(404);
    expectError(await http.post(`/api/game/sessions/${sessionId}/messages/${reply.id}/illustration`, { token: bob.accessToken }), 404, 'NOT_FOUND');

    const edited = await http.send('PATCH', `/api/game/sessions/${sessionId}/messages/${reply.id}`, { token: alice.accessToken, body: { content: `${reply.content} The lantern goes out.`, baseRevision: reply.revision } });
    expect(edited.status).toBe(200);
    const after = await http.get<SceneMedia[]>(`/api/game/sessions/${sessionId}/media`, { token: alice.accessToken });
    expect(after.body[0]).toMatchObject({ messageId: reply.id, matchesText: false });
  });

  it('stops a narration through the pipeline: the step ends stopped and the same text can be narrated again', async () => {
    const { sessionId, reply } = await playedGame();
    const started = await http.post<SceneMedia>(`/api/game/sessions/${sessionId}/messages/${reply.id}/narration`, { token: alice.accessToken });
    const stopped = await http.post<Generation>(`/api/generations/${started.body.generationId}/stop`, { token: alice.accessToken });
    expect(stopped.status).toBe(202);
    const ended = await waitForGeneration(http, alice.accessToken, started.body.generationId);
    // A stop may land after the last piece was spoken: then the step had already completed.
    expect(['stopped', 'completed']).toContain(ended.status);
    if (ended.status === 'stopped') {
      const again = await http.post<SceneMedia>(`/api/game/sessions/${sessionId}/messages/${reply.id}/narration`, { token: alice.accessToken });
      expect(again.status).toBe(202);
      expect(again.body.generationId).not.toBe(started.body.generationId);
      await waitForGeneration(http, alice.accessToken, again.body.generationId);
    }
  });

  it('refuses player turns, unknown messages, bad ids and other users, and starts nothing', async () => {
    const { sessionId } = await playedGame();
    const session = (await getSession(http, alice.accessToken, sessionId)).body;
    const turn = session.messages.find((message) => message.role === 'player')!;
    const bobScenario = await createScenario(http, bob.accessToken, { name: 'Elsewhere' });
    const bobGame = await startSession(http, bob.accessToken, bobScenario.id);
    await waitUntilIdle(http, bob.accessToken, bobGame.id);
    const bobReply = (await getSession(http, bob.accessToken, bobGame.id)).body.messages.find((message) => message.role === 'narrator')!;
    const before = await countRows(api.app, 'generations');
    expectError(await http.post(`/api/game/sessions/${sessionId}/messages/${turn.id}/narration`, { token: alice.accessToken }), 404, 'NOT_FOUND');
    expectError(await http.post(`/api/game/sessions/${sessionId}/messages/00000000-0000-4000-8000-000000000000/illustration`, { token: alice.accessToken }), 404, 'NOT_FOUND');
    expectError(await http.post(`/api/game/sessions/${sessionId}/messages/not-a-uuid/illustration`, { token: alice.accessToken }), 400, 'VALIDATION_FAILED');
    expectError(await http.post(`/api/game/sessions/${sessionId}/messages/${turn.id}/narration`, { token: alice.accessToken, body: { again: 'yes' } }), 400, 'VALIDATION_FAILED');
    expectError(await http.post(`/api/game/sessions/${sessionId}/messages/${turn.id}/narration`, { token: alice.accessToken, body: { extra: 1 } }), 400, 'VALIDATION_FAILED');
    // Alice names Bob's reply under her own game, and Bob's game directly: both are missing to her.
    expectError(await http.post(`/api/game/sessions/${sessionId}/messages/${bobReply.id}/narration`, { token: alice.accessToken }), 404, 'NOT_FOUND');
    expectError(await http.post(`/api/game/sessions/${bobGame.id}/messages/${bobReply.id}/narration`, { token: alice.accessToken }), 404, 'NOT_FOUND');
    expect(await countRows(api.app, 'generations')).toBe(before);
  });
});
