import type { AuthSession } from '@storyos/contracts';
import { login, registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { countRows, createPublicScenario, createScenario, scenarioFields } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const ADMIN = { email: 'game-admin@example.test', password: 'operator pass 1' };

describe('game: scenarios', () => {
  let api: TestApp;
  let http: HttpClient;
  let admin: AuthSession;
  let alice: AuthSession;
  let bob: AuthSession;

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    http = httpClient(api.url);
    admin = await login(api.url, ADMIN.email, ADMIN.password);
    alice = await registerUser(api.url, 'alice');
    bob = await registerUser(api.url, 'bob');
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('a user’s own private scenarios', () => {
    it('creates a private scenario authored by the caller, at version 1', async () => {
      const created = await http.post('/api/scenarios', { token: alice.accessToken, body: scenarioFields({ name: '  Alice’s Orchard  ' }) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Alice’s Orchard', visibility: 'private', version: 1, author: { id: alice.user.id, displayName: alice.user.displayName } });
      const fetched = await http.get(`/api/scenarios/${created.body.id}`, { token: alice.accessToken });
      expect(fetched.body).toEqual(created.body);
    });

    it('bumps the version with every edit and keeps what was not changed', async () => {
      const scenario = await createScenario(http, alice.accessToken);
      const first = await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: alice.accessToken, body: { tone: 'dark', baseVersion: 1 } });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ tone: 'dark', name: scenario.name, version: 2 });
      const second = await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: alice.accessToken, body: { name: 'Renamed orchard', baseVersion: 2 } });
      expect(second.body).toMatchObject({ tone: 'dark', name: 'Renamed orchard', version: 3 });
    });

    it('refuses an edit made on an older version with 409 and the newer scenario, and changes nothing', async () => {
      const scenario = await createScenario(http, alice.accessToken);
      await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: alice.accessToken, body: { description: 'Written in the first tab.', baseVersion: 1 } });
      const stale = await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: alice.accessToken, body: { description: 'Written in the second tab.', baseVersion: 1 } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.details.current).toMatchObject({ id: scenario.id, version: 2, description: 'Written in the first tab.' });
      expect((await http.get(`/api/scenarios/${scenario.id}`, { token: alice.accessToken })).body).toMatchObject({ version: 2, description: 'Written in the first tab.' });
      const missing = await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: alice.accessToken, body: { description: 'No version.' } });
      expectError(missing, 400, 'VALIDATION_FAILED');
      expect(missing.body.details[0].path).toBe('baseVersion');
    });

    it('refuses a non-admin who makes a scenario public, on create or on edit, and stores nothing', async () => {
      const before = await countRows(api.app, 'scenarios');
      expectError(await http.post('/api/scenarios', { token: alice.accessToken, body: scenarioFields({ visibility: 'public' }) }), 403, 'FORBIDDEN');
      expect(await countRows(api.app, 'scenarios')).toBe(before);

      const scenario = await createScenario(http, alice.accessToken);
      expectError(await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: alice.accessToken, body: { visibility: 'public', baseVersion: 1 } }), 403, 'FORBIDDEN');
      expectError(await http.post(`/api/scenarios/${scenario.id}/publish`, { token: alice.accessToken }), 403, 'FORBIDDEN');
      expectError(await http.post(`/api/scenarios/${scenario.id}/archive`, { token: alice.accessToken }), 403, 'FORBIDDEN');
      const unchanged = await http.get(`/api/scenarios/${scenario.id}`, { token: alice.accessToken });
      expect(unchanged.body).toMatchObject({ visibility: 'private', version: 1 });
    });

    it('hides a private scenario from everyone else, admins included, as if it did not exist', async () => {
      const scenario = await createScenario(http, alice.accessToken, { name: 'Secret garden of Alice' });
      for (const token of [bob.accessToken, admin.accessToken]) {
        expectError(await http.get(`/api/scenarios/${scenario.id}`, { token }), 404, 'NOT_FOUND');
        expectError(await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token, body: { name: 'Mine now', baseVersion: 1 } }), 404, 'NOT_FOUND');
        const listed = await http.get('/api/scenarios?q=Secret%20garden%20of%20Alice', { token });
        expect(listed.body.total).toBe(0);
      }
      expectError(await http.post(`/api/scenarios/${scenario.id}/publish`, { token: admin.accessToken }), 404, 'NOT_FOUND');
      const missing = await http.get('/api/scenarios/00000000-0000-4000-8000-000000000000', { token: bob.accessToken });
      expect(missing.body.message).toBe((await http.get(`/api/scenarios/${scenario.id}`, { token: bob.accessToken })).body.message);
    });
  });

  describe('publishing and archiving (admins)', () => {
    it('lets an admin create a public scenario that every user can see but not edit', async () => {
      const scenario = await createPublicScenario(http, admin.accessToken, { name: 'Harbour of Lanterns' });
      expect(scenario).toMatchObject({ visibility: 'public', author: { id: admin.user.id } });
      const seen = await http.get(`/api/scenarios/${scenario.id}`, { token: bob.accessToken });
      expect(seen.status).toBe(200);
      expectError(await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: bob.accessToken, body: { name: 'Bob’s harbour', baseVersion: scenario.version } }), 403, 'FORBIDDEN');
      const edited = await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: admin.accessToken, body: { description: 'Lanterns that remember every ship.', baseVersion: scenario.version } });
      expect(edited.body).toMatchObject({ description: 'Lanterns that remember every ship.', version: 2 });
    });

    it('publishes and archives with a version bump each; archived ones leave the browse list', async () => {
      const scenario = await createScenario(http, admin.accessToken, { name: 'Quarry of Whispers' });
      const published = await http.post(`/api/scenarios/${scenario.id}/publish`, { token: admin.accessToken });
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ visibility: 'public', version: 2 });
      expect((await http.get('/api/scenarios?q=quarry%20of%20whispers', { token: bob.accessToken })).body.total).toBe(1);

      const archived = await http.post(`/api/scenarios/${scenario.id}/archive`, { token: admin.accessToken });
      expect(archived.body).toMatchObject({ visibility: 'archived', version: 3 });
      expect((await http.get('/api/scenarios?q=quarry%20of%20whispers', { token: bob.accessToken })).body.total).toBe(0);
      expectError(await http.get(`/api/scenarios/${scenario.id}`, { token: bob.accessToken }), 404, 'NOT_FOUND');
      const adminView = await http.get('/api/scenarios?q=quarry%20of%20whispers&includeArchived=true', { token: admin.accessToken });
      expect(adminView.body.items.map((item: { id: string }) => item.id)).toEqual([scenario.id]);
    });

    it('starts no game from an archived scenario, and none from another user’s private one', async () => {
      const archived = await createPublicScenario(http, admin.accessToken, { name: 'Closed Circus' });
      await http.post(`/api/scenarios/${archived.id}/archive`, { token: admin.accessToken });
      const privateOne = await createScenario(http, alice.accessToken);
      const before = { sessions: await countRows(api.app, 'game_sessions'), generations: await countRows(api.app, 'generations') };

      const fromArchived = await http.post('/api/game/sessions', { token: admin.accessToken, body: { scenarioId: archived.id } });
      expectError(fromArchived, 409, 'CONFLICT');
      expect(fromArchived.body.message).toMatch(/archived/i);
      expectError(await http.post('/api/game/sessions', { token: bob.accessToken, body: { scenarioId: privateOne.id } }), 404, 'NOT_FOUND');
      expect({ sessions: await countRows(api.app, 'game_sessions'), generations: await countRows(api.app, 'generations') }).toEqual(before);
    });
  });

  describe('browsing', () => {
    it('searches name and description case-insensitively, treating % and _ literally', async () => {
      const marker = `zephyr${Date.now().toString(36)}`;
      const byName = await createScenario(http, alice.accessToken, { name: `The ${marker.toUpperCase()} Tower` });
      const byDescription = await createScenario(http, alice.accessToken, { description: `A tale of the ${marker} winds.` });
      await createScenario(http, alice.accessToken, { name: 'Unrelated meadow' });
      const found = await http.get(`/api/scenarios?q=${marker}`, { token: alice.accessToken });
      expect(found.status).toBe(200);
      expect(found.body.items.map((item: { id: string }) => item.id).sort()).toEqual([byName.id, byDescription.id].sort());
      expect((await http.get(`/api/scenarios?q=${encodeURIComponent(`${marker}%`)}`, { token: alice.accessToken })).body.total).toBe(0);
    });

    it('pages with {items, page, pageSize, total}', async () => {
      const carol = await registerUser(api.url, 'carol');
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await createScenario(http, carol.accessToken, { name: `Carol scenario ${i}` })).id);
      const pages = [];
      for (const page of [1, 2, 3]) {
        const response = await http.get(`/api/scenarios?scope=mine&pageSize=2&page=${page}`, { token: carol.accessToken });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ page, pageSize: 2, total: 5 });
        pages.push(response.body.items.map((item: { id: string }) => item.id));
      }
      expect(pages.map((items) => items.length)).toEqual([2, 2, 1]);
      expect(pages.flat().sort()).toEqual([...ids].sort());
    });

    it('lists public scenarios and the caller’s own, not other users’ private ones', async () => {
      const dave = await registerUser(api.url, 'dave');
      const mine = await createScenario(http, dave.accessToken, { name: 'Dave list check' });
      const theirs = await createScenario(http, alice.accessToken, { name: 'Dave list check (alice)' });
      const listed = await http.get('/api/scenarios?q=Dave%20list%20check&pageSize=100', { token: dave.accessToken });
      const ids = listed.body.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(theirs.id);
    });
  });

  describe('bad input is refused with 400, field by field, and nothing is stored', () => {
    it.each([
      ['a missing name', { name: undefined }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['an unknown tone', { tone: 'grim' }, 'tone'],
      ['a wrong type', { playerName: 42 }, 'playerName'],
      ['an unknown field', { secret: true }, 'secret'],
      ['a 50 KB setting', { setting: 'x'.repeat(50_000) }, 'setting'],
    ])('%s', async (_label, change, path) => {
      const before = await countRows(api.app, 'scenarios');
      const response = await http.post('/api/scenarios', { token: alice.accessToken, body: { ...scenarioFields(), ...change } });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
      expect(await countRows(api.app, 'scenarios')).toBe(before);
    });

    it('refuses a bad edit without changing the version', async () => {
      const scenario = await createScenario(http, alice.accessToken);
      const response = await http.send('PATCH', `/api/scenarios/${scenario.id}`, { token: alice.accessToken, body: { description: 'd'.repeat(2001), baseVersion: 1 } });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect((await http.get(`/api/scenarios/${scenario.id}`, { token: alice.accessToken })).body.version).toBe(1);
    });

    it('refuses an id that is not a uuid, and a bad paging value', async () => {
      expectError(await http.get('/api/scenarios/not-a-uuid', { token: alice.accessToken }), 400, 'VALIDATION_FAILED');
      expectError(await http.get('/api/scenarios?pageSize=500', { token: alice.accessToken }), 400, 'VALIDATION_FAILED');
    });

    it('needs a signed-in user', async () => {
      expectError(await http.get('/api/scenarios'), 401, 'UNAUTHENTICATED');
    });
  });
});
