import type { AuthSession, ChatAllowance, ChatDetail } from '@storyos/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { registerUser } from './support/accounts';
import { chatRequest, errorOf, postChat, waitUntilIdle, type UiStream } from './support/chat-helpers';
import { httpClient, type HttpClient } from './support/http';
import { untilWaitingForARow } from './support/row-waits';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

/**
 * A new message to an existing chat starts in two round trips: the chat is
 * locked with the transaction's BEGIN and the rows go with its COMMIT. Each
 * case here holds the chat's row in another transaction, so the message's
 * lock waits, and changes the chat before letting go: what the message then
 * stores must follow what that transaction committed.
 */
describe('chat: a message sent while another transaction holds the chat', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let alice: AuthSession;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startTestApp();
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    alice = await registerUser(api.url, 'chat-locks');
    dataSource = api.app.get(DataSource);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  /** A chat of alice's with one finished exchange. */
  const aliceChat = async (): Promise<string> => {
    const id = randomUUID();
    expect((await postChat(api.url, alice.accessToken, chatRequest(id, 'Hello there, tell me a story'))).status).toBe(200);
    await waitUntilIdle(http, alice.accessToken, id);
    return id;
  };

  const positions = async (chatId: string): Promise<{ id: string; role: string; position: number }[]> =>
    (await dataSource.query('SELECT id, role, position FROM chat_messages WHERE chat_id = $1 ORDER BY position, role DESC', [chatId])) as { id: string; role: string; position: number }[];
  const used = async (): Promise<number> => (await http.get<ChatAllowance>('/api/chat/allowance', { token: alice.accessToken })).body.used;

  /**
   * Sends `body` while another transaction, begun with `hold`, keeps a row the message needs; once the message
   * is seen waiting for it, `meanwhile` runs in that transaction and it commits.
   */
  async function sendWhileOther(body: unknown, hold: (other: QueryRunner) => Promise<unknown>, meanwhile: (other: QueryRunner) => Promise<void> = async () => {}): Promise<UiStream> {
    const other = dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await hold(other);
      const sent = postChat(api.url, alice.accessToken, body);
      await untilWaitingForARow(dataSource);
      await meanwhile(other);
      await other.commitTransaction();
      return await sent;
    } finally {
      await other.release();
    }
  }

  /** Sends `body` while another transaction holds the chat's row; `meanwhile` runs in that transaction once the message waits for it. */
  const sendWhileHeld = (chatId: string, body: unknown, meanwhile: (other: QueryRunner) => Promise<void>): Promise<UiStream> =>
    sendWhileOther(body, (other) => other.query('SELECT id FROM chats WHERE id = $1 FOR UPDATE', [chatId]), meanwhile);

  const insertMessage = (runner: QueryRunner, row: { id: string; chatId: string; role: 'user' | 'assistant'; position: number; status?: string }): Promise<unknown> =>
    runner.query(`INSERT INTO chat_messages (id, chat_id, role, position, parts, status) VALUES ($1, $2, $3, $4, '[{"type":"text","text":"meanwhile"}]', $5)`, [
      row.id,
      row.chatId,
      row.role,
      row.position,
      row.status ?? null,
    ]);

  it('places the message after the messages committed while it waited', async () => {
    const chatId = await aliceChat();
    const request = chatRequest(chatId, 'What happens next?');
    const stream = await sendWhileHeld(chatId, request, async (other) => {
      // An exchange that ended at once (as the builtin editor's suggestions do): the chat is free again when it commits.
      await insertMessage(other, { id: randomUUID(), chatId, role: 'user', position: 2 });
      await insertMessage(other, { id: randomUUID(), chatId, role: 'assistant', position: 3, status: 'completed' });
    });
    expect(stream.status).toBe(200);
    await waitUntilIdle(http, alice.accessToken, chatId);
    const stored = await positions(chatId);
    expect(stored.map((message) => message.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stored[4]).toMatchObject({ id: request.message.id, role: 'user' });
    expect(stored[5]!.role).toBe('assistant');
    expect((await http.get<ChatDetail>(`/api/chat/${chatId}`, { token: alice.accessToken })).body.messages.at(-1)!.metadata.status).toBe('completed');
  });

  it('refuses the message as busy when a reply started while it waited, storing nothing and counting nothing', async () => {
    const chatId = await aliceChat();
    const before = { rows: await positions(chatId), used: await used() };
    const streamingReply = randomUUID();
    const stream = await sendWhileHeld(chatId, chatRequest(chatId, 'Are you still there?'), async (other) => {
      await insertMessage(other, { id: randomUUID(), chatId, role: 'user', position: 2 });
      await insertMessage(other, { id: streamingReply, chatId, role: 'assistant', position: 3, status: 'streaming' });
      await other.query('UPDATE chats SET active_message_id = $1 WHERE id = $2', [streamingReply, chatId]);
    });
    expect(stream.status).toBe(409);
    expect(errorOf(stream)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/still being written/) });
    expect((await positions(chatId)).length).toBe(before.rows.length + 2);
    expect(await used()).toBe(before.used);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM generations WHERE target_id = $1`, [chatId]))[0].n).toBe(1);
    await dataSource.query('UPDATE chats SET active_message_id = NULL WHERE id = $1', [chatId]);
  });

  it('answers 404 for a chat deleted while the message waited, giving the message back', async () => {
    const chatId = await aliceChat();
    const before = await used();
    const stream = await sendWhileHeld(chatId, chatRequest(chatId, 'Hello?'), async (other) => {
      await other.query('DELETE FROM chats WHERE id = $1', [chatId]);
    });
    expect(stream.status).toBe(404);
    expect(await used()).toBe(before);
    expect(await positions(chatId)).toEqual([]);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM chats WHERE id = $1`, [chatId]))[0].n).toBe(0);
  });

  it('refuses a message whose id another chat took while it waited, leaving the chat as it was', async () => {
    const chatId = await aliceChat();
    const otherChat = await aliceChat();
    const before = { rows: await positions(chatId), used: await used() };
    const request = chatRequest(chatId, 'Mine, surely?');
    const stream = await sendWhileHeld(chatId, request, async (other) => {
      await insertMessage(other, { id: request.message.id, chatId: otherChat, role: 'user', position: 2 });
    });
    expect(stream.status).toBe(409);
    expect(errorOf(stream)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already used by another message/) });
    expect(await positions(chatId)).toEqual(before.rows);
    expect(await used()).toBe(before.used);
    const [chat] = (await dataSource.query('SELECT active_message_id AS "activeMessageId" FROM chats WHERE id = $1', [chatId])) as { activeMessageId: string | null }[];
    expect(chat!.activeMessageId).toBeNull();
  });

  describe('a new chat’s first message, while another transaction is making a chat with its id', () => {
    /** Sends `body` (a first message, its chat read missing) while another transaction stores a chat with that id, committed once the message waits for it. */
    const sendWhileMade = (chatId: string, body: unknown, owner: { userId: string; visibility: string }): Promise<UiStream> =>
      sendWhileOther(body, (other) => other.query(`INSERT INTO chats (id, user_id, title, visibility, model) VALUES ($1, $2, 'Made meanwhile', $3, 'builtin')`, [chatId, owner.userId, owner.visibility]));

    const generationsOf = async (chatId: string): Promise<number> => ((await dataSource.query(`SELECT count(*)::int AS n FROM generations WHERE target_id = $1`, [chatId])) as { n: number }[])[0]!.n;

    it('sends the message to the chat when it is the user’s own, as its first', async () => {
      const chatId = randomUUID();
      const request = chatRequest(chatId, 'Hello, is anyone there?');
      const stream = await sendWhileMade(chatId, request, { userId: alice.user.id, visibility: 'private' });
      expect(stream.status).toBe(200);
      await waitUntilIdle(http, alice.accessToken, chatId);
      const stored = await positions(chatId);
      expect(stored.map(({ role, position }) => [role, position])).toEqual([
        ['user', 0],
        ['assistant', 1],
      ]);
      expect(stored[0]!.id).toBe(request.message.id);
      expect((await http.get<ChatDetail>(`/api/chat/${chatId}`, { token: alice.accessToken })).body.chat.title).toBe('Made meanwhile');
      expect(await generationsOf(chatId)).toBe(1);
    });

    it('answers 404 when another user made it, storing nothing and giving the message back', async () => {
      const bob = await registerUser(api.url, 'chat-locks-bob');
      const chatId = randomUUID();
      const before = await used();
      const stream = await sendWhileMade(chatId, chatRequest(chatId, 'Hello, is anyone there?'), { userId: bob.user.id, visibility: 'private' });
      expect(stream.status).toBe(404);
      expect(await used()).toBe(before);
      expect(await positions(chatId)).toEqual([]);
      expect(await generationsOf(chatId)).toBe(0);
      const [chat] = (await dataSource.query('SELECT user_id AS "userId", active_message_id AS "activeMessageId" FROM chats WHERE id = $1', [chatId])) as { userId: string; activeMessageId: string | null }[];
      expect(chat).toEqual({ userId: bob.user.id, activeMessageId: null });
    });
  });
});
