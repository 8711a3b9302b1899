import { ErrorBodySchema, type AuthSession } from '@storyos/contracts';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { LARGE_BODY_ROUTES } from '../../src/core/http/body-limits';
import { sizeInBytes } from '../../src/core/config/env.schema';
import { registerUser } from '../support/accounts';
import { createPublicScenario, createScenario, startSession } from '../support/game-helpers';
import { httpClient, type HttpClient } from '../support/http';
import { makePicture, uploadOk } from '../support/media-helpers';
import { createStory, putOnCurrent, THREE_CHAPTERS } from '../support/story-helpers';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';
import { HOSTILE_TEXT, hostileText, hostileValue, RAW_BODIES } from './hostile-values';
import { fieldPaths, operationsOf, resolve, sampleOf, worstCaseJsonBytes, type OpenApiDocument, type Operation, type Parameter } from './openapi-schema';

const RANDOM_RUNS_PER_ROUTE = 20;
/** The few hostile texts every single parameter and field gets, whatever the random runs pick. */
const EVERY_FIELD_GETS = ['\u0000', '\ud800', '\u200b\u200b', 'x'.repeat(70_000)];

type Actor = 'owner' | 'other' | 'admin' | 'anonymous' | 'forged';

interface FuzzRequest {
  method: string;
  path: string;
  actor: Actor;
  headers: Record<string, string>;
  /** JSON or raw text, or a multipart form for upload routes. */
  body?: string | FormData;
}

interface Finding {
  request: string;
  status: number;
  problem: string;
}

/**
 * Walks the served OpenAPI document — every route, path and query parameter,
 * header and body field — with hostile values (fast-check), as owner, as
 * another user, as admin and without a valid token. Whatever comes in, the
 * answer is never a 5xx, every error has the one error body with a request
 * id, and a refused request leaves every table exactly as it was.
 */
describe('OpenAPI-driven fuzzing', () => {
  let api: TestApp;
  let http: HttpClient;
  let doc: OpenApiDocument;
  let tokens: Record<Actor, string | null>;
  const known: Record<string, string> = {};
  let tables: string[];
  let tinyPng: Uint8Array;

  beforeAll(async () => {
    api = await startTestApp({
      QUOTA_USER_DAILY: 'unlimited',
      QUOTA_GUEST_DAILY: 'unlimited',
      SSE_MAX_STREAMS_PER_USER: '1000',
    });
    // Fingerprints below hash whole tables: start from the rows this suite makes. With no admin left, the first registration is one.
    await resetDatabase(api.app);
    http = httpClient(api.url);
    const admin = await registerUser(api.url, 'fuzz-admin');
    expect(admin.user.role).toBe('admin');
    const owner = await registerUser(api.url, 'fuzz-owner');
    const other = await registerUser(api.url, 'fuzz-other');
    tokens = { owner: owner.accessToken, other: other.accessToken, admin: admin.accessToken, anonymous: null, forged: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' };
    await makeFixtures(owner, admin);
    tinyPng = await makePicture('png', 8, 8);
    doc = (await http.get<OpenApiDocument>('/api/docs/openapi.json')).body;
    const names = (await api.app.get(DataSource).query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`)) as { table_name: string }[];
    tables = names.map((row) => row.table_name);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  async function makeFixtures(owner: AuthSession, admin: AuthSession): Promise<void> {
    const story = await createStory(http, owner.accessToken, 'Fuzz Story');
    const premise = await putOnCurrent(http, owner.accessToken, `/api/stories/${story.id}/premise`, { text: 'A premise worth fuzzing.' });
    await putOnCurrent(http, owner.accessToken, `/api/stories/${story.id}/outline`, THREE_CHAPTERS);
    await putOnCurrent(http, owner.accessToken, `/api/stories/${story.id}/story`, { text: '## One\n\nSome text.' });
    const job = await http.post(`/api/stories/${story.id}/write`, { token: owner.accessToken });
    const scenario = await createScenario(http, owner.accessToken);
    const publicScenario = await createPublicScenario(http, admin.accessToken);
    const session = await startSession(http, owner.accessToken, publicScenario.id);
    const picture = await uploadOk(api.url, owner.accessToken, await makePicture('png', 40, 30), 'fuzz.png');
    // Create (seed 002): a conversation, and an illustrated story (its flow waits: this suite runs no worker).
    const conversation = (await http.post('/api/conversations', { token: owner.accessToken })).body;
    const illustrated = (await http.post('/api/illustrated-stories', { token: owner.accessToken, body: { prompt: 'A fox finds a friend', sceneCount: 1 } })).body;
    const scenes = (await http.get(`/api/illustrated-stories/${illustrated.storyId}`, { token: owner.accessToken })).body.scenes;
    Object.assign(known, { conversationId: conversation.id, messageId: conversation.messages[0].id, illustratedId: illustrated.storyId, sceneId: scenes[0].sceneId });
    Object.assign(known, { mediaId: picture.id, storyId: story.id, versionId: premise.body.id, jobId: job.body.id, scenarioId: scenario.id, publicScenarioId: publicScenario.id, sessionId: session.id, generationId: session.generationId });
  }

  /** The owner's real id for a path parameter, so requests reach past "not found". */
  function ownValue(operation: Operation, parameter: Parameter): string {
    const byRoute: [RegExp, string][] = [
      [/^\/api\/stories\/\{id\}/, known['storyId']!],
      [/^\/api\/scenarios\/\{id\}/, known['scenarioId']!],
      [/^\/api\/game\/sessions\/\{id\}/, known['sessionId']!],
      [/^\/api\/generations\/\{id\}/, known['generationId']!],
      [/^\/api\/media\/\{id\}/, known['mediaId']!],
      [/^\/api\/conversations\/\{id\}/, known['conversationId']!],
      [/^\/api\/illustrated-stories\/\{id\}/, known['illustratedId']!],
    ];
    if (parameter.name === 'id') return byRoute.find(([pattern]) => pattern.test(operation.path))?.[1] ?? String(sampleOf(doc, parameter.schema ?? {}));
    if (parameter.name === 'versionId') return known['versionId']!;
    if (parameter.name === 'jobId') return known['jobId']!;
    if (parameter.name === 'messageId') return known['messageId']!;
    if (parameter.name === 'sceneId') return known['sceneId']!;
    return String(sampleOf(doc, parameter.schema ?? {}, { scenarioId: known['publicScenarioId']! }, parameter.name));
  }

  function baseRequest(operation: Operation, actor: Actor, params: Record<string, string> = {}, body?: unknown): FuzzRequest {
    let path = operation.path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const parameter of operation.parameters) {
      const value = params[parameter.name] ?? (parameter.in === 'path' ? ownValue(operation, parameter) : undefined);
      if (value === undefined) continue;
      if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodePathSegment(value));
      if (parameter.in === 'query') query.set(parameter.name, value);
      // Headers travel as bytes: the UTF-8 of the value, as a client that does not check would send it. Control
      // characters other than tab cannot be sent in a header at all (fetch refuses them), so they are left out.
      if (parameter.in === 'header') headers[parameter.name] = Buffer.from(value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '').slice(0, 4000), 'utf8').toString('latin1');
    }
    const search = query.toString();
    const request: FuzzRequest = { method: operation.method, path: search ? `${path}?${search}` : path, actor, headers };
    if (operation.body && body !== undefined) {
      request.body = JSON.stringify(body);
      request.headers['content-type'] = 'application/json';
    }
    return request;
  }

  const validBody = (operation: Operation): unknown => (operation.body ? sampleOf(doc, operation.body, { scenarioId: known['publicScenarioId']! }) : undefined);

  function withField(body: unknown, path: string[], value: unknown): unknown {
    const copy = structuredClone(body) as Record<string, unknown>;
    let target: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[path.at(-1)!] = value;
    return copy;
  }

  async function fingerprint(): Promise<string> {
    const sql = tables.map((table) => `SELECT '${table}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x`).join(' UNION ALL ');
    const rows = (await api.app.get(DataSource).query(sql)) as { t: string; h: string }[];
    return rows.map((row) => `${row.t}:${row.h}`).join(',');
  }

  const describeBody = (body: FuzzRequest['body']): string =>
    typeof body === 'string' ? body.slice(0, 200) : body ? JSON.stringify([...body.entries()].map(([name, value]) => [name, typeof value === 'string' ? value.slice(0, 80) : `${value.name} (${value.size} bytes)`])).slice(0, 200) : '';
  const describeRequest = (request: FuzzRequest): string =>
    `${request.method} ${request.path.slice(0, 200)} as ${request.actor}${request.body ? ` body ${describeBody(request.body)}` : ''} ${JSON.stringify(request.headers).slice(0, 200)}`;

  /** Sends one request and checks the invariants; returns what broke, if anything. */
  async function check(request: FuzzRequest): Promise<Finding | null> {
    const token = tokens[request.actor];
    const headers = { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const before = await fingerprint();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 15_000);
    let status: number;
    let text = '';
    let contentType = '';
    try {
      const response = await fetch(`${api.url}${request.path}`, { method: request.method, headers, body: request.body, signal: abort.signal, redirect: 'manual' });
      status = response.status;
      contentType = response.headers.get('content-type') ?? '';
      // A live event stream would not end by itself: its headers are the answer.
      if (contentType.startsWith('text/event-stream')) abort.abort();
      else text = await response.text();
    } catch (error) {
      return { request: describeRequest(request), status: 0, problem: `no answer: ${(error as Error).message}` };
    } finally {
      clearTimeout(timer);
    }
    if (status >= 500) return { request: describeRequest(request), status, problem: `server error: ${text.slice(0, 300)}` };
    if (status >= 400) {
      const parsed = ErrorBodySchema.safeParse(safeJson(text));
      if (!parsed.success || !parsed.data.requestId) return { request: describeRequest(request), status, problem: `error body is not { code, message, requestId }: ${text.slice(0, 300)}` };
      if ((await fingerprint()) !== before) return { request: describeRequest(request), status, problem: 'a refused request changed stored data' };
    }
    return null;
  }

  /** Deterministic coverage: every parameter and every body field meets the same hostile texts. */
  function targetedRequests(operation: Operation): FuzzRequest[] {
    const requests: FuzzRequest[] = [];
    for (const parameter of operation.parameters) {
      for (const value of [...EVERY_FIELD_GETS, ...HOSTILE_TEXT.slice(8, 14)]) {
        requests.push(baseRequest(operation, 'owner', { [parameter.name]: value }, validBody(operation)));
      }
    }
    if (operation.body) {
      for (const path of fieldPaths(doc, operation.body)) {
        for (const value of [...EVERY_FIELD_GETS, { nested: true }, 12]) requests.push(baseRequest(operation, 'owner', {}, withField(validBody(operation), path, value)));
      }
      for (const raw of RAW_BODIES) requests.push({ ...baseRequest(operation, 'owner'), body: raw.body, headers: { ...baseRequest(operation, 'owner').headers, ...raw.headers } });
    }
    for (const actor of ['other', 'anonymous', 'forged'] as const) requests.push(baseRequest(operation, actor, {}, validBody(operation)));
    if (operation.multipart) requests.push(...multipartRequests(operation));
    return requests;
  }

  /** Upload routes: every file field gets hostile names and contents, and a field the route does not expect. */
  function multipartRequests(operation: Operation): FuzzRequest[] {
    const fields = Object.keys(resolve(doc, operation.multipart!).properties ?? {});
    const contents: [string, Uint8Array][] = [
      ['svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['empty', new Uint8Array()],
      ['png-then-script', Uint8Array.from([...tinyPng, ...new TextEncoder().encode('<script>alert(1)</script>')])],
      ['truncated', tinyPng.subarray(0, 20)],
    ];
    const requests: FuzzRequest[] = [];
    const form = (field: string, bytes: Uint8Array, name: string): FormData => {
      const body = new FormData();
      body.append(field, new Blob([bytes], { type: 'image/png' }), name);
      return body;
    };
    for (const field of fields) {
      for (const name of [...EVERY_FIELD_GETS, ...HOSTILE_TEXT.slice(8, 14)]) requests.push({ ...baseRequest(operation, 'owner'), body: form(field, tinyPng, name) });
      for (const [, bytes] of contents) requests.push({ ...baseRequest(operation, 'owner'), body: form(field, bytes, 'x.png') });
      for (const actor of ['other', 'anonymous', 'forged'] as const) requests.push({ ...baseRequest(operation, actor), body: form(field, tinyPng, 'x.png') });
    }
    requests.push({ ...baseRequest(operation, 'owner'), body: form('unexpected', tinyPng, 'x.png') });
    return requests;
  }

  /** Random exploration: any actor, any parameter, any body field or the whole body replaced. */
  function randomRequest(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const paths = operation.body ? fieldPaths(doc, operation.body) : [];
    return fc
      .record({
        actor: fc.constantFrom<Actor>('owner', 'owner', 'other', 'admin', 'anonymous', 'forged'),
        param: operation.parameters.length ? fc.option(fc.constantFrom(...operation.parameters.map((parameter) => parameter.name))) : fc.constant(null),
        paramValue: hostileText(),
        field: paths.length ? fc.option(fc.constantFrom(...paths)) : fc.constant(null),
        fieldValue: hostileValue(),
        wholeBody: fc.option(hostileValue(), { freq: 6 }),
      })
      .map(({ actor, param, paramValue, field, fieldValue, wholeBody }) => {
        let body = validBody(operation);
        if (field) body = withField(body, field, fieldValue);
        if (operation.body && wholeBody !== null) body = wholeBody;
        return baseRequest(operation, actor, param ? { [param]: paramValue } : {}, body);
      });
  }

  it('answers every route, parameter and body field with hostile input without a 5xx, with the error body, and changes nothing when it refuses', async () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(40);
    // Deleting comes last, so the fixtures live for every other route.
    const ordered = [...operations.filter((operation) => operation.method !== 'DELETE'), ...operations.filter((operation) => operation.method === 'DELETE')];
    const findings: Finding[] = [];
    let sent = 0;
    for (const operation of ordered) {
      for (const request of targetedRequests(operation)) {
        sent += 1;
        const finding = await check(request);
        if (finding) findings.push(finding);
      }
      await fc.assert(
        fc.asyncProperty(randomRequest(operation), async (request) => {
          sent += 1;
          const finding = await check(request);
          if (finding) findings.push(finding);
          return true;
        }),
        { numRuns: RANDOM_RUNS_PER_ROUTE },
      );
    }
    expect(findings).toEqual([]);
    expect(sent).toBeGreaterThan(operations.length * RANDOM_RUNS_PER_ROUTE);
  }, 600_000);

  it('gives every route a body limit that takes its largest valid body, and every text field a maximum', () => {
    const general = sizeInBytes(api.config.http.bodyLimit);
    const problems = operationsOf(doc)
      .filter((operation) => operation.body)
      .flatMap((operation) => {
        const large = LARGE_BODY_ROUTES.find((route) => new RegExp(`^${route.path.replace(/:\w+/g, '\\{\\w+\\}')}$`).test(operation.path));
        const limit = large?.limitBytes ?? general;
        const worst = worstCaseJsonBytes(doc, operation.body!);
        return worst <= limit ? [] : [`${operation.method} ${operation.path}: largest valid body ${worst} bytes, limit ${limit}`];
      });
    expect(problems).toEqual([]);
    expect(resolve(doc, { $ref: '#/components/schemas/EditTextArtifactDto' }).properties?.['text']?.maxLength).toBe(400_000);
  });
});

/** Percent-encodes like encodeURIComponent, but sends a lone surrogate as the invalid UTF-8 an attacker's client would (it cannot throw). */
function encodePathSegment(value: string): string {
  let encoded = '';
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    const next = value.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      encoded += encodeURIComponent(value.slice(index, index + 2));
      index += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      encoded += `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      encoded += encodeURIComponent(value[index]!);
    }
  }
  return encoded;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
