import type { AuthSession, ChatDetail, DocumentVersion, HistoryPage, Suggestion } from '@storyos/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { chatRequest, errorOf, postChat, resumeChat, textOf, typesOf, waitUntilIdle } from './support/chat-helpers';
import { httpClient, type HttpClient } from './support/http';
import { makePicture, uploadOk } from './support/media-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

/** The chat with the builtin engine, through a real worker: every route, other users, bad input. */
describe('chat (builtin engine)', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let alice: AuthSession;
  let bob: AuthSession;

  const count = async (table: string): Promise<number> => Number((await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const detail = async (token: string, chatId: string) => http.get<ChatDetail>(`/api/chat/${chatId}`, { token });

  /** A chat of alice's with one finished exchange. */
  const aliceChat = async (text = 'Hello there, tell me something nice', visibility: 'private' | 'public' = 'private'): Promise<string> => {
    const id = randomUUID();
    const stream = await postChat(api.url, alice.accessToken, chatRequest(id, text, { visibility }));
    expect(stream.status).toBe(200);
    await waitUntilIdle(http, alice.accessToken, id);
    return id;
  };

  beforeAll(async () => {
    api = await startTestApp();
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    alice = await registerUser(api.url, 'chat-alice');
    bob = await registerUser(api.url, 'chat-bob');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('POST /api/chat', () => {
    it('creates the chat on its first message and streams the reply in the UI message protocol', async () => {
      const id = randomUUID();
      const stream = await postChat(api.url, alice.accessToken, chatRequest(id, 'Hello! Tell me about Ada the fox.'));
      expect(stream.status).toBe(200);
      expect(stream.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const types = typesOf(stream.chunks);
      expect(types[0]).toBe('start');
      expect(types.slice(1, 3)).toEqual(['start-step', 'text-start']);
      expect(types.slice(-3)).toEqual(['text-end', 'finish-step', 'finish']);
      expect(stream.done).toBe(true);
      const reply = textOf(stream.chunks);
      expect(reply.length).toBeGreaterThan(20);

      await waitUntilIdle(http, alice.accessToken, id);
      const { body } = await detail(alice.accessToken, id);
      expect(body.chat).toMatchObject({ id, title: 'Hello! Tell me about Ada the fox.', visibility: 'private', model: 'builtin', isOwner: true, isReplying: false });
      expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(body.messages[1]!.parts).toEqual([{ type: 'step-start' }, { type: 'text', text: reply }]);
      expect(body.messages[1]!.metadata.status).toBe('completed');
      const start = stream.chunks[0] as { messageId: string };
      expect(start.messageId).toBe(body.messages[1]!.id);
    });

    it('continues an existing chat with the next message', async () => {
      const id = await aliceChat();
      const stream = await postChat(api.url, alice.accessToken, chatRequest(id, 'And then what happened?'));
      expect(stream.status).toBe(200);
      await waitUntilIdle(http, alice.accessToken, id);
      expect((await detail(alice.accessToken, id)).body.messages).toHaveLength(4);
    });

    it('refuses an empty body with 400 and the error body, storing nothing', async () => {
      const before = await count('chats');
      const response = await http.post('/api/chat', { token: alice.accessToken, body: {} });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(['id', 'message', 'selectedChatModel', 'selectedVisibilityType']));
      expect(await count('chats')).toBe(before);
    });

    it.each([
      ['a message without text', { parts: [] }],
      ['an assistant message', { role: 'assistant' }],
      ['text of only invisible characters', { parts: [{ type: 'text', text: '\u200b \u200b' }] }],
      ['a file part that is not one of our uploads', { parts: [{ type: 'text', text: 'look' }, { type: 'file', mediaType: 'image/png', url: 'https://example.com/x.png' }] }],
      ['a message id that is not a UUID', { id: 'abc' }],
    ])('refuses %s with 400', async (_label, change) => {
      const body = chatRequest(randomUUID(), 'hello');
      const response = await http.post('/api/chat', { token: alice.accessToken, body: { ...body, message: { ...body.message, ...change } } });
      expectError(response, 400, 'VALIDATION_FAILED');
    });

    it('refuses a model that GET /api/models does not offer, naming the field', async () => {
      const before = await count('chats');
      const stream = await postChat(api.url, alice.accessToken, chatRequest(randomUUID(), 'hi', { model: 'gpt-imaginary' }));
      expect(stream.status).toBe(400);
      expect(errorOf(stream)).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'selectedChatModel' }] });
      expect(await count('chats')).toBe(before);
    });

    it('refuses a picture that is someone else’s upload', async () => {
      const picture = await uploadOk(api.url, bob.accessToken, await makePicture('png'));
      const stream = await postChat(api.url, alice.accessToken, chatRequest(randomUUID(), 'what is this?', { files: [{ url: picture.url, mediaType: 'image/png' }] }));
      expect(stream.status).toBe(400);
      expect(errorOf(stream).code).toBe('VALIDATION_FAILED');
    });

    it('answers a message with a picture, saying plainly that the model cannot see it', async () => {
      const picture = await uploadOk(api.url, alice.accessToken, await makePicture('png'));
      const id = randomUUID();
      const stream = await postChat(api.url, alice.accessToken, chatRequest(id, 'What do you make of my drawing?', { files: [{ url: `http://localhost:5173${picture.url}`, mediaType: 'image/png' }] }));
      expect(stream.status).toBe(200);
      expect(textOf(stream.chunks)).toMatch(/^I can’t see pictures with this model/);
      await waitUntilIdle(http, alice.accessToken, id);
      const { body } = await detail(alice.accessToken, id);
      expect(body.messages[0]!.parts).toContainEqual({ type: 'file', mediaType: 'image/png', url: picture.url });
      expect(body.messages[0]!.attachments).toEqual([{ url: picture.url, name: null, contentType: 'image/png' }]);
      // The picture belongs to the chat now, and is as private as it is.
      expect((await fetch(`${api.url}${picture.url}`, { headers: { authorization: `Bearer ${bob.accessToken}` } })).status).toBe(404);
    });

    it('edits a message: the messages after it go and the reply is written again', async () => {
      const id = randomUUID();
      const first = chatRequest(id, 'First question');
      await postChat(api.url, alice.accessToken, first);
      await waitUntilIdle(http, alice.accessToken, id);
      await postChat(api.url, alice.accessToken, chatRequest(id, 'Second question'));
      await waitUntilIdle(http, alice.accessToken, id);
      const edited = { ...first, message: { ...first.message, parts: [{ type: 'text' as const, text: 'First question, edited' }] } };
      const stream = await postChat(api.url, alice.accessToken, edited);
      expect(stream.status).toBe(200);
      await waitUntilIdle(http, alice.accessToken, id);
      const { body } = await detail(alice.accessToken, id);
      expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(body.messages[0]!.parts).toEqual([{ type: 'text', text: 'First question, edited' }]);
    });

    it('refuses another user’s private chat as missing and their public chat as read-only, storing nothing', async () => {
      const priv = await aliceChat();
      const pub = await aliceChat('A public hello', 'public');
      const before = await count('chat_messages');
      const intoPrivate = await postChat(api.url, bob.accessToken, chatRequest(priv, 'let me in'));
      expect({ status: intoPrivate.status, code: errorOf(intoPrivate).code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      const intoPublic = await postChat(api.url, bob.accessToken, chatRequest(pub, 'let me write'));
      expect({ status: intoPublic.status, code: errorOf(intoPublic).code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(await count('chat_messages')).toBe(before);
    });

    it('refuses a message id another chat already uses', async () => {
      const first = chatRequest(randomUUID(), 'hello');
      await postChat(api.url, alice.accessToken, first);
      await waitUntilIdle(http, alice.accessToken, first.id);
      const reused = await postChat(api.url, alice.accessToken, { ...chatRequest(randomUUID(), 'hello again'), message: first.message });
      expect(reused.status).toBe(409);
    });
  });

  describe('reading, sharing and resuming', () => {
    it('lets another user read a public chat, but not a private one', async () => {
      const pub = await aliceChat('Public story time', 'public');
      const priv = await aliceChat();
      const read = await detail(bob.accessToken, pub);
      expect(read.status).toBe(200);
      expect(read.body.chat.isOwner).toBe(false);
      expect(read.body.messages).toHaveLength(2);
      expectError(await detail(bob.accessToken, priv), 404, 'NOT_FOUND');
    });

    it('answers a resume of an ended reply with an empty stream (204), and of another user’s private chat with 404', async () => {
      const id = await aliceChat();
      const resumed = await resumeChat(api.url, alice.accessToken, id);
      expect({ status: resumed.status, text: resumed.text }).toEqual({ status: 204, text: '' });
      expect((await resumeChat(api.url, bob.accessToken, id)).status).toBe(404);
    });

    it('changes visibility for the owner only, and the chat’s pictures follow', async () => {
      const picture = await uploadOk(api.url, alice.accessToken, await makePicture('png'));
      const id = randomUUID();
      await postChat(api.url, alice.accessToken, chatRequest(id, 'my picture', { files: [{ url: picture.url, mediaType: 'image/png' }] }));
      await waitUntilIdle(http, alice.accessToken, id);
      expectError(await http.send('PATCH', `/api/chat/${id}/visibility`, { token: bob.accessToken, body: { visibility: 'public' } }), 404, 'NOT_FOUND');
      const shared = await http.send('PATCH', `/api/chat/${id}/visibility`, { token: alice.accessToken, body: { visibility: 'public' } });
      expect(shared.body).toMatchObject({ id, visibility: 'public' });
      expect((await fetch(`${api.url}${picture.url}`, { headers: { authorization: `Bearer ${bob.accessToken}` } })).status).toBe(200);
      expectError(await http.send('PATCH', `/api/chat/${id}/visibility`, { token: bob.accessToken, body: { visibility: 'private' } }), 403, 'FORBIDDEN');
      expectError(await http.send('PATCH', `/api/chat/${id}/visibility`, { token: alice.accessToken, body: { visibility: 'secret' } }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('history', () => {
    let reader: AuthSession;
    let ids: string[];

    beforeAll(async () => {
      reader = await registerUser(api.url, 'chat-history');
      ids = [];
      for (const n of [1, 2, 3, 4, 5]) {
        const id = randomUUID();
        await postChat(api.url, reader.accessToken, chatRequest(id, `Chat number ${n}`));
        await waitUntilIdle(http, reader.accessToken, id);
        ids.push(id);
      }
    });

    it('pages through my chats newest first with hasMore, in both directions', async () => {
      const newest = [...ids].reverse();
      const first = await http.get<HistoryPage>('/api/history?limit=2', { token: reader.accessToken });
      expect(first.body.chats.map((c) => c.id)).toEqual(newest.slice(0, 2));
      expect(first.body.hasMore).toBe(true);
      const older = await http.get<HistoryPage>(`/api/history?limit=2&ending_before=${newest[1]}`, { token: reader.accessToken });
      expect(older.body.chats.map((c) => c.id)).toEqual(newest.slice(2, 4));
      const last = await http.get<HistoryPage>(`/api/history?limit=2&ending_before=${newest[3]}`, { token: reader.accessToken });
      expect(last.body).toEqual({ chats: [expect.objectContaining({ id: newest[4] })], hasMore: false });
      const newer = await http.get<HistoryPage>(`/api/history?limit=2&starting_after=${newest[4]}`, { token: reader.accessToken });
      expect(newer.body.chats.map((c) => c.id)).toEqual([newest[2], newest[3]]);
      expect(newer.body.hasMore).toBe(true);
    });

    it('refuses both cursors at once, a bad limit, and a cursor that is not mine with 400', async () => {
      expectError(await http.get(`/api/history?starting_after=${ids[0]}&ending_before=${ids[1]}`, { token: reader.accessToken }), 400, 'VALIDATION_FAILED');
      expectError(await http.get('/api/history?limit=0', { token: reader.accessToken }), 400, 'VALIDATION_FAILED');
      expectError(await http.get('/api/history?limit=abc', { token: reader.accessToken }), 400, 'VALIDATION_FAILED');
      expectError(await http.get(`/api/history?ending_before=${ids[0]}`, { token: bob.accessToken }), 400, 'VALIDATION_FAILED');
    });

    it('lists only my own chats', async () => {
      const theirs = await http.get<HistoryPage>('/api/history?limit=100', { token: bob.accessToken });
      expect(theirs.body.chats.map((c) => c.id)).not.toEqual(expect.arrayContaining([ids[0]]));
    });
  });

  describe('votes', () => {
    it('records my vote on a reply and changes it', async () => {
      const id = await aliceChat();
      const reply = (await detail(alice.accessToken, id)).body.messages[1]!;
      expect((await http.send('PATCH', '/api/vote', { token: alice.accessToken, body: { chatId: id, messageId: reply.id, type: 'up' } })).status).toBe(200);
      await http.send('PATCH', '/api/vote', { token: alice.accessToken, body: { chatId: id, messageId: reply.id, type: 'down' } });
      expect((await http.get(`/api/vote?chatId=${id}`, { token: alice.accessToken })).body).toEqual([{ chatId: id, messageId: reply.id, isUpvoted: false }]);
    });

    it('refuses votes on my own messages, on another user’s chat (even public), and unknown types', async () => {
      const id = await aliceChat('vote on me', 'public');
      const [mine, reply] = (await detail(alice.accessToken, id)).body.messages;
      expectError(await http.send('PATCH', '/api/vote', { token: alice.accessToken, body: { chatId: id, messageId: mine!.id, type: 'up' } }), 400, 'BAD_REQUEST');
      expectError(await http.send('PATCH', '/api/vote', { token: bob.accessToken, body: { chatId: id, messageId: reply!.id, type: 'up' } }), 403, 'FORBIDDEN');
      expectError(await http.get(`/api/vote?chatId=${id}`, { token: bob.accessToken }), 403, 'FORBIDDEN');
      expectError(await http.send('PATCH', '/api/vote', { token: alice.accessToken, body: { chatId: id, messageId: reply!.id, type: 'sideways' } }), 400, 'VALIDATION_FAILED');
      expect(await count('chat_votes WHERE chat_id = ' + `'${id}'`)).toBe(0);
    });
  });

  describe('documents, suggestions and the tools', () => {
    let chatId: string;
    let documentId: string;

    beforeAll(async () => {
      chatId = randomUUID();
      const stream = await postChat(api.url, alice.accessToken, chatRequest(chatId, 'Write a story about a shy dragon who learns to swim'));
      expect(stream.status).toBe(200);
      const input = stream.chunks.find((chunk) => chunk.type === 'tool-input-available') as { toolName: string; input: { title: string } };
      expect(input).toMatchObject({ toolName: 'createDocument', input: { title: 'A Shy Dragon who Learns to Swim', kind: 'text' } });
      const output = stream.chunks.find((chunk) => chunk.type === 'tool-output-available') as { output: { id: string } };
      documentId = output.output.id;
      expect(stream.chunks.filter((chunk) => chunk.type === 'data-textDelta').length).toBeGreaterThan(3);
      expect(textOf(stream.chunks)).toMatch(/^I wrote “A Shy Dragon who Learns to Swim”/);
      await waitUntilIdle(http, alice.accessToken, chatId);
    });

    it('creates the document through the chat, with its text as the first version', async () => {
      const versions = await http.get<DocumentVersion[]>(`/api/document?id=${documentId}`, { token: alice.accessToken });
      expect(versions.body).toHaveLength(1);
      expect(versions.body[0]).toMatchObject({ id: documentId, chatId, title: 'A Shy Dragon who Learns to Swim', kind: 'text' });
      expect(versions.body[0]!.content.length).toBeGreaterThan(50);
      const reply = (await detail(alice.accessToken, chatId)).body.messages[1]!;
      expect(reply.parts.map((part) => part.type)).toEqual(['step-start', 'tool-createDocument', 'step-start', 'text']);
    });

    it('adds versions, lists them oldest first, refuses a stale base with the newest, and deletes those after a timestamp', async () => {
      const [first] = (await http.get<DocumentVersion[]>(`/api/document?id=${documentId}`, { token: alice.accessToken })).body;
      const second = await http.post<DocumentVersion>(`/api/document?id=${documentId}`, { token: alice.accessToken, body: { title: 'Edited', content: 'Version two.', kind: 'text', baseVersion: first!.createdAt } });
      expect(second.status).toBe(201);
      const stale = await http.post(`/api/document?id=${documentId}`, { token: alice.accessToken, body: { title: 'Stale', content: 'From the old one.', kind: 'text', baseVersion: first!.createdAt } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.details.current).toMatchObject({ content: 'Version two.' });
      await http.post(`/api/document?id=${documentId}`, { token: alice.accessToken, body: { title: 'Edited', content: 'Version three.', kind: 'text' } });
      const all = (await http.get<DocumentVersion[]>(`/api/document?id=${documentId}`, { token: alice.accessToken })).body;
      expect(all.map((v) => v.content.slice(0, 13))).toEqual([first!.content.slice(0, 13), 'Version two.', 'Version three']);
      const removed = await http.send('DELETE', `/api/document?id=${documentId}&timestamp=${encodeURIComponent(first!.createdAt)}`, { token: alice.accessToken });
      expect(removed.body).toEqual({ deleted: 2 });
      expect((await http.get<DocumentVersion[]>(`/api/document?id=${documentId}`, { token: alice.accessToken })).body).toEqual([first]);
    });

    it('does not let another user read, add to or delete my private document', async () => {
      const before = await count('chat_documents');
      expectError(await http.get(`/api/document?id=${documentId}`, { token: bob.accessToken }), 404, 'NOT_FOUND');
      expectError(await http.post(`/api/document?id=${documentId}`, { token: bob.accessToken, body: { title: 'Mine now', content: 'x', kind: 'text' } }), 404, 'NOT_FOUND');
      expectError(await http.send('DELETE', `/api/document?id=${documentId}&timestamp=2000-01-01T00:00:00.000Z`, { token: bob.accessToken }), 404, 'NOT_FOUND');
      expect(await count('chat_documents')).toBe(before);
    });

    it('refuses malformed document requests with 400', async () => {
      expectError(await http.get('/api/document?id=nope', { token: alice.accessToken }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(`/api/document?id=${documentId}`, { token: alice.accessToken, body: { title: '', content: 'x', kind: 'text' } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(`/api/document?id=${documentId}`, { token: alice.accessToken, body: { title: 'x', content: 'x', kind: 'sheet' } }), 400, 'VALIDATION_FAILED');
      expectError(await http.send('DELETE', `/api/document?id=${documentId}&timestamp=yesterday`, { token: alice.accessToken }), 400, 'VALIDATION_FAILED');
    });

    it('revises the document through the chat as a new version', async () => {
      const stream = await postChat(api.url, alice.accessToken, chatRequest(chatId, 'Make it darker'));
      expect(stream.chunks.find((chunk) => chunk.type === 'tool-input-available')).toMatchObject({ toolName: 'updateDocument', input: { id: documentId, description: 'Make it darker' } });
      await waitUntilIdle(http, alice.accessToken, chatId);
      expect((await http.get<DocumentVersion[]>(`/api/document?id=${documentId}`, { token: alice.accessToken })).body).toHaveLength(2);
    });

    it('suggests improvements with the builtin editor, and accepting one makes a new version', async () => {
      await http.post(`/api/document?id=${documentId}`, { token: alice.accessToken, body: { title: 'Dragon', content: 'It was a very dark night. The owl hooted.', kind: 'text' } });
      const stream = await postChat(api.url, alice.accessToken, chatRequest(chatId, 'How could this be better?'));
      const suggestions = stream.chunks.filter((chunk) => chunk.type === 'data-suggestion') as unknown as { data: Suggestion }[];
      expect(suggestions.map((s) => s.data.suggestedText)).toEqual(['It was a pitch-black night.']);
      expect(textOf(stream.chunks)).toBe('I added 1 suggestion to “Dragon”. Accept or reject each one in the document.');
      const listed = (await http.get<Suggestion[]>(`/api/suggestions?documentId=${documentId}`, { token: alice.accessToken })).body;
      expect(listed).toHaveLength(1);
      expectError(await http.send('PATCH', `/api/suggestions/${listed[0]!.id}`, { token: bob.accessToken, body: { action: 'accept' } }), 404, 'NOT_FOUND');
      const accepted = await http.send('PATCH', `/api/suggestions/${listed[0]!.id}`, { token: alice.accessToken, body: { action: 'accept' } });
      expect(accepted.body.document.content).toBe('It was a pitch-black night. The owl hooted.');
      expect(accepted.body.suggestion.isResolved).toBe(true);
      expectError(await http.send('PATCH', `/api/suggestions/${listed[0]!.id}`, { token: alice.accessToken, body: { action: 'reject' } }), 409, 'CONFLICT');
    });

    it('lets another user read the documents of a public chat, but not change them', async () => {
      await http.send('PATCH', `/api/chat/${chatId}/visibility`, { token: alice.accessToken, body: { visibility: 'public' } });
      expect((await http.get(`/api/document?id=${documentId}`, { token: bob.accessToken })).status).toBe(200);
      expectError(await http.post(`/api/document?id=${documentId}`, { token: bob.accessToken, body: { title: 'x', content: 'x', kind: 'text' } }), 403, 'FORBIDDEN');
      await http.send('PATCH', `/api/chat/${chatId}/visibility`, { token: alice.accessToken, body: { visibility: 'private' } });
    });
  });

  describe('deleting', () => {
    it('deletes one chat with its messages, votes and documents, and refuses another user’s', async () => {
      const id = randomUUID();
      await postChat(api.url, alice.accessToken, chatRequest(id, 'Write a poem about rain'));
      await waitUntilIdle(http, alice.accessToken, id);
      const reply = (await detail(alice.accessToken, id)).body.messages[1]!;
      await http.send('PATCH', '/api/vote', { token: alice.accessToken, body: { chatId: id, messageId: reply.id, type: 'up' } });
      expectError(await http.send('DELETE', `/api/chat?id=${id}`, { token: bob.accessToken }), 404, 'NOT_FOUND');
      const deleted = await http.send('DELETE', `/api/chat?id=${id}`, { token: alice.accessToken });
      expect(deleted.body).toMatchObject({ id });
      const db = api.app.get(DataSource);
      const left = await db.query(`SELECT (SELECT count(*) FROM chat_messages WHERE chat_id = $1)::int + (SELECT count(*) FROM chat_votes WHERE chat_id = $1)::int + (SELECT count(*) FROM chat_documents WHERE chat_id = $1)::int AS n`, [id]);
      expect(left[0].n).toBe(0);
      expectError(await detail(alice.accessToken, id), 404, 'NOT_FOUND');
    });

    it('deletes all my chats and no one else’s', async () => {
      const carol = await registerUser(api.url, 'chat-carol');
      for (const text of ['one', 'two']) {
        const id = randomUUID();
        await postChat(api.url, carol.accessToken, chatRequest(id, text));
        await waitUntilIdle(http, carol.accessToken, id);
      }
      const bobsBefore = (await http.get<HistoryPage>('/api/history?limit=100', { token: bob.accessToken })).body.chats.length;
      expect((await http.send('DELETE', '/api/history', { token: carol.accessToken })).body).toEqual({ deleted: 2 });
      expect((await http.get<HistoryPage>('/api/history', { token: carol.accessToken })).body).toEqual({ chats: [], hasMore: false });
      expect((await http.get<HistoryPage>('/api/history?limit=100', { token: bob.accessToken })).body.chats.length).toBe(bobsBefore);
    });
  });

  describe('uploads through /api/files/upload', () => {
    it('stores a picture through the media module and answers with url, pathname and contentType', async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await makePicture('jpeg'))], { type: 'image/jpeg' }), 'holiday.jpg');
      const response = await fetch(`${api.url}/api/files/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${alice.accessToken}` } });
      const body = await response.json();
      expect(response.status).toBe(201);
      expect(body).toMatchObject({ url: expect.stringMatching(/^\/api\/media\//), pathname: 'holiday.jpg', contentType: 'image/jpeg' });
    });

    it('refuses a file that is not a picture, whatever it claims', async () => {
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode('<script>alert(1)</script>')], { type: 'image/png' }), 'x.png');
      const response = await fetch(`${api.url}/api/files/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${alice.accessToken}` } });
      expect(response.status).toBe(400);
    });
  });
});

describe('chat: the daily message allowance', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;

  beforeAll(async () => {
    api = await startTestApp({ CHAT_MESSAGES_GUEST_DAILY: '2' });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('refuses a guest’s message past the limit with 429, Retry-After and plain words, counting each reply once', async () => {
    const guest = (await http.post<AuthSession>('/api/auth/guest')).body;
    const id = randomUUID();
    for (const text of ['one', 'two']) {
      expect((await postChat(api.url, guest.accessToken, chatRequest(id, text))).status).toBe(200);
      await waitUntilIdle(http, guest.accessToken, id);
    }
    expect((await http.get('/api/chat/allowance', { token: guest.accessToken })).body).toMatchObject({ limit: 2, used: 2, remaining: 0 });
    const refused = await postChat(api.url, guest.accessToken, chatRequest(id, 'three'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = errorOf(refused);
    expect(body.code).toBe('QUOTA_EXCEEDED');
    expect(body.message).toMatch(/^You have sent 2 messages today, the most a guest account can send in a day\. Create an account for more, or come back in /);
    expect(body.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((await http.get<ChatDetail>(`/api/chat/${id}`, { token: guest.accessToken })).body.messages).toHaveLength(4);
  });

  it('counts nothing for a message its checks refuse: an unknown model, another user’s chat, a picture that is not theirs', async () => {
    const guest = (await http.post<AuthSession>('/api/auth/guest')).body;
    const owner = (await http.post<AuthSession>('/api/auth/guest')).body;
    const theirs = randomUUID();
    expect((await postChat(api.url, owner.accessToken, chatRequest(theirs, 'mine'))).status).toBe(200);
    await waitUntilIdle(http, owner.accessToken, theirs);
    const refusals = [
      { request: chatRequest(randomUUID(), 'hi', { model: 'no-such-model' }), status: 400 },
      { request: chatRequest(theirs, 'hi'), status: 404 },
      { request: chatRequest(randomUUID(), 'look', { files: [{ url: `/api/media/${randomUUID()}`, mediaType: 'image/png' }] }), status: 400 },
    ];
    for (const { request, status } of refusals) expect((await postChat(api.url, guest.accessToken, request)).status).toBe(status);
    expect((await http.get('/api/chat/allowance', { token: guest.accessToken })).body).toMatchObject({ used: 0 });
    expect((await http.get('/api/chat/allowance', { token: owner.accessToken })).body).toMatchObject({ used: 1 });
  });

  it('gives the message back when the request is refused after it was counted', async () => {
    const guest = (await http.post<AuthSession>('/api/auth/guest')).body;
    const id = randomUUID();
    await postChat(api.url, guest.accessToken, chatRequest(id, 'one'));
    await waitUntilIdle(http, guest.accessToken, id);
    const other = randomUUID();
    const first = chatRequest(other, 'reuse');
    first.message.id = (await http.get<ChatDetail>(`/api/chat/${id}`, { token: guest.accessToken })).body.messages[0]!.id;
    expect((await postChat(api.url, guest.accessToken, first)).status).toBe(409);
    expect((await http.get('/api/chat/allowance', { token: guest.accessToken })).body).toMatchObject({ used: 1 });
  });
});
