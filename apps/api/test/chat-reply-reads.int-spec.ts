import type { AuthSession } from '@storyos/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { insertStatement, rowOf } from '../src/core/database/insert-statement';
import { ChatDocumentEntity } from '../src/modules/conversation/entities/chat-document.entity';
import { ChatMessageEntity } from '../src/modules/conversation/entities/chat-message.entity';
import { ChatReplyHandler } from '../src/modules/conversation/replies/chat-reply.handler';
import { readAlone } from '../src/modules/generation/handlers/claim-reads';
import { registerUser } from './support/accounts';
import { chatRequest, postChat, waitUntilIdle } from './support/chat-helpers';
import { httpClient, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

/**
 * A chat reply's prompt is built from reads made inside the worker's claim
 * statement, or on their own for a job that does not name its kind: both
 * must read the chat before the reply (who said what, with its pictures)
 * and its newest document, as TypeORM loads them.
 */
describe('a chat reply’s prompt reads', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let alice: AuthSession;
  let dataSource: DataSource;
  let handler: ChatReplyHandler;

  beforeAll(async () => {
    api = await startTestApp();
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    alice = await registerUser(api.url, 'chat-reads');
    dataSource = api.app.get(DataSource);
    handler = api.app.get(ChatReplyHandler);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  /** The reads as the claim statement makes them: its subquery, NULL when nothing matched. */
  async function readInClaim(generationId: string) {
    const [answer] = (await dataSource.query(`SELECT (SELECT to_json(reads) FROM (${handler.claimReads.sql}) reads) AS row`, [generationId])) as { row: unknown }[];
    return handler.claimReads.read(answer!.row);
  }

  const say = async (chatId: string, text: string): Promise<void> => {
    expect((await postChat(api.url, alice.accessToken, chatRequest(chatId, text))).status).toBe(200);
    await waitUntilIdle(http, alice.accessToken, chatId);
  };

  it('reads the chat before the reply and its newest document, as the reads beside the claim do', async () => {
    const chatId = randomUUID();
    await say(chatId, 'Hello there, tell me something nice');
    for (const [title, content] of [
      ['Lighthouse notes', 'The first draft.'],
      ['Lighthouse notes', 'The second draft, newer.'],
    ]) {
      const row = insertStatement(dataSource, rowOf(ChatDocumentEntity, { id: randomUUID(), createdAt: new Date(), chatId, userId: alice.user.id, title, kind: 'text', content }));
      await dataSource.query(row.sql, row.parameters);
    }
    await say(chatId, 'And what happened next?');
    const reply = await dataSource.manager.findOneOrFail(ChatMessageEntity, { where: { chatId, role: 'assistant' }, order: { position: 'DESC' } });

    const inClaim = await readInClaim(reply.generationId!);

    const earlier = await dataSource.manager.find(ChatMessageEntity, { where: { chatId, position: LessThan(reply.position) }, order: { position: 'ASC' } });
    expect(inClaim).toEqual({
      earlier: earlier.map(({ role, parts }) => ({ role, parts })),
      document: await dataSource.manager.findOne(ChatDocumentEntity, { where: { chatId }, order: { createdAt: 'DESC' } }),
    });
    expect(inClaim?.earlier.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(inClaim?.document).toMatchObject({ chatId, content: 'The second draft, newer.' });
    expect(await readAlone(dataSource, handler.claimReads, reply.generationId!)).toEqual(inClaim);
  });

  it('reads only as far back as a prompt holds: the newest 40 messages that say something, however long the chat', async () => {
    const chatId = randomUUID();
    await say(chatId, 'Once upon a time');
    // Sixty more messages straight into the chat; every third reply failed before it said anything.
    for (let position = 2; position < 62; position += 1) {
      const role = position % 2 === 0 ? 'user' : 'assistant';
      const empty = role === 'assistant' && position % 3 === 0;
      const parts = empty ? [] : [{ type: 'text' as const, text: `Message ${position}` }];
      const row = insertStatement(dataSource, rowOf(ChatMessageEntity, { id: randomUUID(), chatId, role, position, parts, steps: [], generationId: null, status: role === 'user' ? null : empty ? 'failed' : 'completed', error: null, createdAt: new Date() }));
      await dataSource.query(row.sql, row.parameters);
    }
    await say(chatId, 'And then?');
    const reply = await dataSource.manager.findOneOrFail(ChatMessageEntity, { where: { chatId, role: 'assistant' }, order: { position: 'DESC' } });

    const inClaim = await readInClaim(reply.generationId!);

    const earlier = await dataSource.manager.find(ChatMessageEntity, { where: { chatId, position: LessThan(reply.position) }, order: { position: 'ASC' } });
    const saying = earlier.filter((message) => message.parts.some((part) => part.type === 'text' && part.text !== ''));
    expect(saying.length).toBeGreaterThan(50);
    expect(inClaim?.earlier).toEqual(saying.slice(-40).map(({ role, parts }) => ({ role, parts })));
    expect(inClaim?.earlier.at(-1)).toEqual({ role: 'user', parts: [{ type: 'text', text: 'And then?' }] });
    expect(await readAlone(dataSource, handler.claimReads, reply.generationId!)).toEqual(inClaim);
  });

  it('reads nothing for a generation that writes no chat reply', async () => {
    const unknown = randomUUID();

    expect(await readInClaim(unknown)).toBeNull();
    expect(await readAlone(dataSource, handler.claimReads, unknown)).toBeNull();
  });
});
