import type { AuthSession, ConversationHistory, ConversationMessageAccepted, ConversationRequirementsState, Generation, IllustratedStory, IllustratedStoryAccepted, StoryConversation } from '@storyos/contracts';
import { checkAgeBand } from '@storyos/domain';
import { registerUser } from './support/accounts';
import { eventually } from './support/eventually';
import { httpClient, type HttpClient } from './support/http';
import { waitForIllustrated } from './support/illustrated-helpers';
import { connectSocket, nextEvent, type TestSocket } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const SEED_REQUEST = 'a bedtime story for my 5-year-old about a shy dragon who learns to swim, three scenes';

/**
 * The Create agent with the builtin engine: a conversation fills the
 * requirements as it goes (the rule-based extractor), the reply is a
 * streamed generation, a reply can be listened to, the requirements can be
 * edited by hand with optimistic concurrency, and a complete conversation
 * becomes an illustrated story. Other users' things are 404 everywhere.
 */
describe('the Create agent with the builtin engine, through a real worker', () => {
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
    alice = await registerUser(api.url, 'agent-alice');
    bob = await registerUser(api.url, 'agent-bob');
  });

  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const start = async (token = alice.accessToken): Promise<StoryConversation> => {
    const response = await http.post<StoryConversation>('/api/conversations', { token });
    expect(response.status).toBe(201);
    return response.body;
  };
  const get = async (id: string, token = alice.accessToken) => (await http.get<StoryConversation>(`/api/conversations/${id}`, { token })).body;
  const waitForGeneration = (id: string, token = alice.accessToken) =>
    eventually(
      async () => {
        const generation = (await http.get<Generation>(`/api/generations/${id}`, { token })).body;
        expect(['completed', 'failed', 'stopped']).toContain(generation.status);
        return generation;
      },
      { tries: 600, intervalMs: 100 },
    );
  const say = async (conversationId: string, text: string): Promise<ConversationMessageAccepted> => {
    const response = await http.post<ConversationMessageAccepted>(`/api/conversations/${conversationId}/messages`, { token: alice.accessToken, body: { text } });
    expect(response.status).toBe(202);
    await waitForGeneration(response.body.generationId);
    return response.body;
  };

  it('greets and asks first, then fills age, character, plot and scene count from the seed’s request, with a streamed reply and the requirements pushed', async () => {
    const conversation = await start();
    expect(conversation).toMatchObject({ version: 1, ready: false, replyGenerationId: null, storyIds: [], title: 'New story' });
    expect(conversation.missing.slice(0, 3)).toEqual(['ageBand', 'characters', 'plot']);
    expect(conversation.messages).toHaveLength(1);
    expect(conversation.messages[0]).toMatchObject({ role: 'agent', status: 'completed', generationId: null });
    expect(conversation.messages[0]!.text).toMatch(/how old/i);

    const socket = await connectSocket(api.url, { token: alice.accessToken });
    sockets.push(socket);
    const pushed = nextEvent(socket, 'conversation:requirements');
    const accepted = await http.post<ConversationMessageAccepted>(`/api/conversations/${conversation.id}/messages`, { token: alice.accessToken, body: { text: SEED_REQUEST } });
    expect(accepted.status).toBe(202);
    const state = await pushed;
    expect(state).toMatchObject({ conversationId: conversation.id, version: 2, ready: true });
    expect(state.requirements).toMatchObject({ ageBand: '4-6', sceneCount: 3 });
    expect(state.requirements.characters).toEqual([expect.objectContaining({ description: expect.stringMatching(/shy dragon/) })]);
    expect(state.requirements.plot).toMatch(/learns to swim/i);

    const reply = await waitForGeneration(accepted.body.generationId);
    expect(reply).toMatchObject({ kind: 'create.agent', status: 'completed', target: { type: 'story-conversation', id: conversation.id } });
    const after = await get(conversation.id);
    expect(after.messages.map((message) => message.role)).toEqual(['agent', 'user', 'agent']);
    expect(after.messages[1]!.text).toBe(SEED_REQUEST);
    expect(after.messages[2]).toMatchObject({ id: accepted.body.replyMessageId, generationId: reply.id, status: 'completed', text: reply.text.trim() });
    expect(reply.text).toMatch(/Make my story/);
    expect(after.replyGenerationId).toBeNull();

    // The reply can be listened to: a narration step whose pieces are MP3s.
    const narration = await http.post<{ generationId: string }>(`/api/conversations/${conversation.id}/messages/${after.messages[2]!.id}/narration`, { token: alice.accessToken });
    expect(narration.status).toBe(202);
    const spoken = await waitForGeneration(narration.body.generationId);
    expect(spoken).toMatchObject({ kind: 'create.agent.narration', status: 'completed' });
    expect(spoken.media.length).toBeGreaterThan(0);
    expect(spoken.media[0]!.contentType).toBe('audio/mpeg');
    // The user's own words are not read aloud by the agent.
    expect((await http.post(`/api/conversations/${conversation.id}/messages/${after.messages[1]!.id}/narration`, { token: alice.accessToken })).status).toBe(400);
  });

  it('takes a message over the socket, answering in the ack like the REST route', async () => {
    const conversation = await start();
    const socket = await connectSocket(api.url, { token: alice.accessToken });
    sockets.push(socket);
    const pushed = nextEvent(socket, 'conversation:requirements');
    const ack = await socket.emitWithAck('conversation:send', { conversationId: conversation.id, text: 'It is for my 7 year old, make it funny' });
    expect(ack).toMatchObject({ ok: true, conversationId: conversation.id });
    if (!ack.ok) throw new Error('refused');
    expect((await pushed).requirements).toMatchObject({ ageBand: '7-9', tone: 'funny' });
    await waitForGeneration(ack.generationId);
    const invalid = await socket.emitWithAck('conversation:send', { conversationId: conversation.id, text: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('keeps the last transcripts as history, each with its requirements (default 5, limit up to 50)', async () => {
    const first = await start();
    await say(first.id, SEED_REQUEST);
    const second = await start();
    const latest = (await http.get<ConversationHistory>('/api/conversations?limit=2', { token: alice.accessToken })).body.items;
    expect(latest.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(latest[1]!.requirements.ageBand).toBe('4-6');
    expect(latest[1]!.messages).toHaveLength(3);
    for (let i = 0; i < 4; i += 1) await start();
    expect((await http.get<ConversationHistory>('/api/conversations', { token: alice.accessToken })).body.items).toHaveLength(5);
    for (const limit of ['0', '51', 'five']) {
      const refused = await http.get(`/api/conversations?limit=${limit}`, { token: alice.accessToken });
      expect(refused.status).toBe(400);
      expect(refused.body.details[0].path).toBe('limit');
    }
  });

  it('takes hand edits from the version seen, refuses a stale one with 409, and out-of-range requirements with 400 naming the field', async () => {
    const conversation = await start();
    await say(conversation.id, SEED_REQUEST);
    const seen = await get(conversation.id);
    const edit = { ...seen.requirements, setting: 'a quiet lake', sceneCount: 4 };
    const saved = await http.send<ConversationRequirementsState>('PATCH', `/api/conversations/${conversation.id}/requirements`, { token: alice.accessToken, body: { requirements: edit, baseVersion: seen.version } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: seen.version + 1, requirements: { setting: 'a quiet lake', sceneCount: 4 } });

    const stale = await http.send('PATCH', `/api/conversations/${conversation.id}/requirements`, { token: alice.accessToken, body: { requirements: { ...edit, sceneCount: 2 }, baseVersion: seen.version } });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current).toMatchObject({ version: seen.version + 1, requirements: { sceneCount: 4 } });

    const cases: [Record<string, unknown>, string][] = [
      [{ sceneCount: 0 }, 'requirements.sceneCount'],
      [{ sceneCount: 50 }, 'requirements.sceneCount'],
      [{ style: 'western' }, 'requirements.style'],
      [{ ageBand: '99' }, 'requirements.ageBand'],
    ];
    for (const [change, path] of cases) {
      const refused = await http.send('PATCH', `/api/conversations/${conversation.id}/requirements`, { token: alice.accessToken, body: { requirements: { ...edit, ...change }, baseVersion: seen.version + 1 } });
      expect(refused.status).toBe(400);
      expect(refused.body.details.map((issue: { path: string }) => issue.path)).toContain(path);
    }
    expect((await get(conversation.id)).requirements).toMatchObject({ sceneCount: 4, style: edit.style });
  });

  it('makes an illustrated story from a complete conversation with the builtin engine, every scene within the age band', async () => {
    const conversation = await start();
    const notReady = await http.post('/api/illustrated-stories', { token: alice.accessToken, body: { conversationId: conversation.id } });
    expect(notReady.status).toBe(409);
    expect(notReady.body.details.missing).toEqual(['ageBand', 'characters', 'plot']);

    await say(conversation.id, SEED_REQUEST);
    const accepted = await http.post<IllustratedStoryAccepted>('/api/illustrated-stories', { token: alice.accessToken, body: { conversationId: conversation.id } });
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe('PENDING');
    const story: IllustratedStory = await waitForIllustrated(http, alice.accessToken, accepted.body.storyId, 1200);
    expect(story).toMatchObject({ status: 'COMPLETED', conversationId: conversation.id, sceneCount: 3 });
    expect(story.requirements).toMatchObject({ ageBand: '4-6', sceneCount: 3 });
    for (const scene of story.scenes) {
      expect(scene.status).toBe('COMPLETED');
      expect(checkAgeBand(scene.text, '4-6')).toEqual({ ok: true, problems: [] });
      expect(scene.imageUrl).not.toBeNull();
      expect(scene.audioUrl).not.toBeNull();
    }
    expect((await get(conversation.id)).storyIds).toEqual([story.storyId]);

    // Deleting the conversation keeps the story.
    expect((await http.send('DELETE', `/api/conversations/${conversation.id}`, { token: alice.accessToken })).status).toBe(204);
    expect((await http.get(`/api/conversations/${conversation.id}`, { token: alice.accessToken })).status).toBe(404);
    expect((await http.get<IllustratedStory>(`/api/illustrated-stories/${story.storyId}`, { token: alice.accessToken })).body.conversationId).toBeNull();
  });

  describe('bad input and other users', () => {
    let conversation: StoryConversation;
    let story: IllustratedStory;

    beforeAll(async () => {
      conversation = await start();
      await say(conversation.id, SEED_REQUEST);
      const accepted = await http.post<IllustratedStoryAccepted>('/api/illustrated-stories', { token: alice.accessToken, body: { prompt: 'A kind robot plants a garden', sceneCount: 1, ageBand: '4-6' } });
      story = await waitForIllustrated(http, alice.accessToken, accepted.body.storyId, 1200);
    });

    it('refuses an illustrated story out of range with 400 naming the field, and stores nothing', async () => {
      const before = (await http.get('/api/illustrated-stories?limit=100', { token: alice.accessToken })).body.items.length;
      const cases: [Record<string, unknown>, string][] = [
        [{ prompt: 'A fox', sceneCount: 0 }, 'sceneCount'],
        [{ prompt: 'A fox', sceneCount: 50 }, 'sceneCount'],
        [{ prompt: 'A fox', sceneCount: 2.5 }, 'sceneCount'],
        [{ prompt: 'A fox', style: 'western' }, 'style'],
        [{ prompt: 'A fox', ageBand: 'toddler' }, 'ageBand'],
        [{ prompt: '' }, 'prompt'],
        [{ prompt: 'x'.repeat(1001) }, 'prompt'],
        [{}, 'prompt'],
        [{ conversationId: conversation.id, prompt: 'A fox' }, 'prompt'],
        [{ prompt: 'A fox', extra: true }, ''],
      ];
      for (const [body, path] of cases) {
        const refused = await http.post('/api/illustrated-stories', { token: alice.accessToken, body });
        expect(refused.status).toBe(400);
        if (path) expect(refused.body.details.map((issue: { path: string }) => issue.path)).toContain(path);
      }
      expect((await http.get('/api/illustrated-stories?limit=100', { token: alice.accessToken })).body.items).toHaveLength(before);
    });

    it('answers 404 to another user for the conversation, the story, its scenes and its media, over HTTP and the socket', async () => {
      const token = bob.accessToken;
      const scene = story.scenes[0]!;
      const refusals = [
        await http.get(`/api/conversations/${conversation.id}`, { token }),
        await http.post(`/api/conversations/${conversation.id}/messages`, { token, body: { text: 'hello' } }),
        await http.send('PATCH', `/api/conversations/${conversation.id}/requirements`, { token, body: { requirements: conversation.requirements, baseVersion: 1 } }),
        await http.post(`/api/conversations/${conversation.id}/messages/${conversation.messages[0]!.id}/narration`, { token }),
        await http.send('DELETE', `/api/conversations/${conversation.id}`, { token }),
        await http.post('/api/illustrated-stories', { token, body: { conversationId: conversation.id } }),
        await http.get(`/api/illustrated-stories/${story.storyId}`, { token }),
        await http.get(`/api/illustrated-stories/${story.storyId}/status`, { token }),
        await http.post(`/api/illustrated-stories/${story.storyId}/stop`, { token }),
        await http.post(`/api/illustrated-stories/${story.storyId}/scenes/${scene.sceneId}/retry`, { token }),
        await http.get(`/api/illustrated-stories/${story.storyId}/scenes/${scene.sceneId}/audio`, { token }),
        await http.send('DELETE', `/api/illustrated-stories/${story.storyId}`, { token }),
        await http.get(scene.imageUrl!, { token }),
        await http.get(`/api/media/${scene.narration.parts[0]!.mediaId}`, { token }),
      ];
      expect(refusals.map((response) => response.status)).toEqual(refusals.map(() => 404));
      expect((await http.get<ConversationHistory>('/api/conversations', { token })).body.items).toEqual([]);
      expect((await http.get('/api/illustrated-stories', { token })).body.items).toEqual([]);

      const socket = await connectSocket(api.url, { token });
      sockets.push(socket);
      const ack = await socket.emitWithAck('conversation:send', { conversationId: conversation.id, text: 'hello' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // Alice's things are as they were.
      expect((await get(conversation.id)).messages).toHaveLength(3);
      expect((await http.get(`/api/illustrated-stories/${story.storyId}`, { token: alice.accessToken })).status).toBe(200);
    });
  });
});
