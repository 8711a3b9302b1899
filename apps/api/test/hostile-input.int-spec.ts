import type { AuthSession } from '@storyos/contracts';
import { gzipSync } from 'node:zlib';
import { login, registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { countRows, createPublicScenario, createScenario, scenarioFields, startSession } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { countStoryRows, createStory, getStory, putOnCurrent, storySetup } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const ADMIN = { email: 'hostile-admin@example.test', password: 'hostile admin 1' };
const NUL = 'before\u0000after';
const LONE_SURROGATE = 'broken \ud800 character';
const ZERO_WIDTH_ONLY = '\u200b\u200b';

/** The measured failures from outside testing, one by one: each is a field-level 4xx and nothing stored. */
describe('hostile input never reaches a 5xx', () => {
  let api: TestApp;
  let http: HttpClient;
  let user: AuthSession;
  let admin: AuthSession;

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    http = httpClient(api.url);
    user = await registerUser(api.url, 'hostile');
    admin = await login(api.url, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await api?.close();
  });

  const tableCounts = async () => ({
    stories: await countStoryRows(api.app, 'stories'),
    artifacts: await countStoryRows(api.app, 'story_artifacts'),
    scenarios: await countRows(api.app, 'scenarios'),
    sessions: await countRows(api.app, 'game_sessions'),
    messages: await countRows(api.app, 'game_messages'),
    prompts: await countRows(api.app, 'system_prompts'),
    generations: await countRows(api.app, 'generations'),
  });

  it.each([
    ['a NUL byte', NUL, /cannot be stored/],
    ['a lone surrogate', LONE_SURROGATE, /cannot be stored/],
    ['only zero-width spaces', ZERO_WIDTH_ONLY, /cannot be empty/],
  ])('refuses %s in every text field, naming the field, and stores nothing', async (_label, bad, message) => {
    const story = await createStory(http, user.accessToken);
    const scenario = await createScenario(http, user.accessToken);
    const publicScenario = await createPublicScenario(http, admin.accessToken);
    const { id: sessionId } = await startSession(http, user.accessToken, publicScenario.id);
    const before = await tableCounts();
    const storyBefore = (await getStory(http, user.accessToken, story.id)).body;

    // [method, path, as, body, field, whole]: `whole` fields hold nothing but the bad text, so "invisible only" applies to them.
    const cases: [string, string, AuthSession, object, string, boolean][] = [
      ['POST', '/api/stories', user, { title: bad, setup: storySetup() }, 'title', true],
      ['POST', '/api/stories', user, { title: 'Fine', setup: storySetup({ setting: bad }) }, 'setup.setting', true],
      ['POST', '/api/stories', user, { title: 'Fine', setup: storySetup({ characters: bad }) }, 'setup.characters', true],
      ['POST', '/api/stories', user, { title: 'Fine', setup: storySetup({ plotElements: `x ${bad}` }) }, 'setup.plotElements', false],
      ['PATCH', `/api/stories/${story.id}`, user, { title: bad }, 'title', true],
      ['PUT', `/api/stories/${story.id}/premise`, user, { text: bad, base: null }, 'text', true],
      ['PUT', `/api/stories/${story.id}/story`, user, { text: bad, base: null }, 'text', true],
      ['PUT', `/api/stories/${story.id}/outline`, user, { chapters: [{ title: bad, summary: 'Fine.' }], base: null }, 'chapters.0.title', true],
      ['PUT', `/api/stories/${story.id}/outline`, user, { chapters: [{ title: 'Fine', summary: bad }], base: null }, 'chapters.0.summary', true],
      ['POST', '/api/scenarios', user, scenarioFields({ name: bad }), 'name', true],
      ['PATCH', `/api/scenarios/${scenario.id}`, user, { setting: bad, baseVersion: 1 }, 'setting', true],
      ['POST', '/api/game/sessions', user, { scenarioId: publicScenario.id, title: bad }, 'title', true],
      ['PATCH', `/api/game/sessions/${sessionId}`, user, { title: bad }, 'title', true],
      ['POST', `/api/game/sessions/${sessionId}/turns`, user, { content: bad }, 'content', true],
      ['POST', '/api/admin/system-prompts/narrator/versions', admin, { content: `A long enough prompt ${bad}`, baseVersion: 0 }, 'content', false],
      ['POST', '/api/admin/system-prompts/narrator/versions', admin, { content: 'A long enough prompt text for the narrator.', note: `x${bad}`, baseVersion: 0 }, 'note', false],
    ];
    for (const [method, path, who, body, field, whole] of cases.filter(([, , , , , whole]) => whole || bad !== ZERO_WIDTH_ONLY)) {
      const response = await http.send(method, path, { token: who.accessToken, body });
      expect({ method, path, field, whole, status: response.status }).toEqual({ method, path, field, whole, status: 400 });
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field, message: expect.stringMatching(message) })]));
    }
    expect(await tableCounts()).toEqual(before);
    expect((await getStory(http, user.accessToken, story.id)).body).toEqual(storyBefore);
  });

  it('refuses a NUL byte in a search with a field message', async () => {
    const response = await http.get('/api/scenarios?q=%00', { token: user.accessToken });
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.body.details[0].path).toBe('q');
  });

  it('trims invisible characters around text and keeps what is between', async () => {
    const created = await http.post('/api/stories', { token: user.accessToken, body: { title: '\u200b\ufeff The Zero Width \u200b', setup: storySetup() } });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe('The Zero Width');
  });

  it.each([
    ['gzip', 'this is not gzip'],
    ['deflate', 'nor deflate'],
    ['br', 'nor brotli'],
  ])('answers a body that is not the %s it claims with 400, not 500', async (encoding, raw) => {
    const before = await countStoryRows(api.app, 'stories');
    const response = await http.send('POST', '/api/stories', { token: user.accessToken, rawBody: raw, headers: { 'content-encoding': encoding } });
    expectError(response, 400, 'BAD_REQUEST');
    expect(response.body.requestId).toBeTruthy();
    expect(await countStoryRows(api.app, 'stories')).toBe(before);
  });

  it('reads a real gzip body, and refuses an unknown encoding or charset with 415', async () => {
    const body = gzipSync(JSON.stringify({ title: 'Compressed', setup: storySetup() }));
    const response = await fetch(`${api.url}/api/stories`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    expect(response.status).toBe(201);
    expectError(await http.send('POST', '/api/stories', { token: user.accessToken, rawBody: '{}', headers: { 'content-encoding': 'zstd-ish' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await http.send('POST', '/api/stories', { token: user.accessToken, rawBody: '{}', headers: { 'content-type': 'application/json; charset=latin-9' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a gzip body that inflates past the limit with 413', async () => {
    const bomb = gzipSync(JSON.stringify({ title: 'x'.repeat(8 * 1024 * 1024), setup: storySetup() }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const response = await fetch(`${api.url}/api/stories`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
  });

  describe('body limits agree with the schemas', () => {
    const THREE_BYTES = '€';

    it('takes the longest story text the schema allows, in UTF-8 and with every character escaped, and refuses one more character with a field message', async () => {
      const story = await createStory(http, user.accessToken);
      const longest = THREE_BYTES.repeat(400_000);
      const saved = await putOnCurrent(http, user.accessToken, `/api/stories/${story.id}/story`, { text: longest });
      expect(saved.status).toBe(200);

      const escaped = JSON.stringify({ text: longest, base: { id: saved.body.id, revision: saved.body.revision } }).replace(/€/g, '\\u20ac');
      expect(escaped.length).toBeGreaterThan(2_000_000);
      const again = await http.send('PUT', `/api/stories/${story.id}/story`, { token: user.accessToken, rawBody: escaped });
      expect(again.status).toBe(200);

      const tooLong = await putOnCurrent(http, user.accessToken, `/api/stories/${story.id}/story`, { text: `${longest}x` });
      expectError(tooLong, 400, 'VALIDATION_FAILED');
      expect(tooLong.body.details[0]).toMatchObject({ path: 'text', message: 'Text must be at most 400,000 characters' });
    });

    it('takes the largest outline the schema allows, every character escaped', async () => {
      const story = await createStory(http, user.accessToken);
      const chapters = Array.from({ length: 30 }, () => ({ title: THREE_BYTES.repeat(200), summary: THREE_BYTES.repeat(2000) }));
      const raw = JSON.stringify({ chapters, base: null }).replace(/€/g, '\\u20ac');
      expect(raw.length).toBeGreaterThan(390_000);
      const response = await http.send('PUT', `/api/stories/${story.id}/outline`, { token: user.accessToken, rawBody: raw });
      expect(response.status).toBe(200);
      expect(response.body.outline.chapters).toHaveLength(30);
    });
  });
});
