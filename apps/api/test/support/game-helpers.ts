import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CreateScenarioRequest, GameSession, Generation, GenerationStatus, Scenario } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import { eventually } from './eventually';
import type { HttpClient, HttpResult } from './http';

/** A complete, valid scenario; override what a test is about. */
export function scenarioFields(overrides: Partial<CreateScenarioRequest> = {}): CreateScenarioRequest {
  return {
    name: 'The Clockwork Orchard',
    description: 'Apples that tick, and a gardener who has lost the key to winding them.',
    setting: 'The orchard of Tamsin Gale on the edge of Brindle Hill, where brass apple trees keep the seasons. Old Jory the beekeeper lives by the gate.',
    narratorBehavior: 'Gentle and curious; describe sounds and small mechanisms.',
    playerName: 'Nell',
    playerRole: 'the apprentice gardener',
    initialLocation: 'the orchard gate',
    tone: 'whimsical',
    contentRating: 'all-ages',
    ...overrides,
  };
}

export async function createScenario(http: HttpClient, token: string, overrides: Partial<CreateScenarioRequest> = {}): Promise<Scenario> {
  const response = await http.post<Scenario>('/api/scenarios', { token, body: scenarioFields(overrides) });
  if (response.status !== 201) throw new Error(`create scenario failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A public scenario anyone can play, created by the admin. */
export async function createPublicScenario(http: HttpClient, adminToken: string, overrides: Partial<CreateScenarioRequest> = {}): Promise<Scenario> {
  return createScenario(http, adminToken, { ...overrides, visibility: 'public' });
}

export async function startSession(http: HttpClient, token: string, scenarioId: string): Promise<{ id: string; generationId: string }> {
  const response = await http.post<{ id: string; generationId: string }>('/api/game/sessions', { token, body: { scenarioId } });
  if (response.status !== 201) throw new Error(`start session failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export const getSession = (http: HttpClient, token: string, id: string): Promise<HttpResult<GameSession>> => http.get<GameSession>(`/api/game/sessions/${id}`, { token });

/** Polls GET /api/generations/:id until it has reached one of `statuses`. */
export async function waitForGeneration(http: HttpClient, token: string, id: string, statuses: GenerationStatus[] = ['completed', 'stopped', 'failed']): Promise<Generation> {
  return eventually(
    async () => {
      const response = await http.get<Generation>(`/api/generations/${id}`, { token });
      if (response.status !== 200) throw new Error(`generation ${id}: ${response.status} ${JSON.stringify(response.body)}`);
      if (!statuses.includes(response.body.status)) throw new Error(`generation ${id} is ${response.body.status}, waiting for ${statuses.join('|')}`);
      return response.body;
    },
    { tries: 300, intervalMs: 100 },
  );
}

/** Polls the session until nothing holds it any more (reply and world-state step both done). */
export async function waitUntilIdle(http: HttpClient, token: string, id: string): Promise<GameSession> {
  return eventually(
    async () => {
      const response = await getSession(http, token, id);
      if (response.status !== 200) throw new Error(`session ${id}: ${response.status}`);
      if (response.body.activeGenerationId !== null) throw new Error(`session ${id} is still held by ${response.body.activeGenerationId}`);
      return response.body;
    },
    { tries: 300, intervalMs: 100 },
  );
}

/** Plays a turn and waits for the reply and its world-state step. */
export async function playTurn(http: HttpClient, token: string, id: string, content: string): Promise<{ generationId: string; session: GameSession }> {
  const response = await http.post<{ generationId: string }>(`/api/game/sessions/${id}/turns`, { token, body: { content } });
  if (response.status !== 202) throw new Error(`turn failed: ${response.status} ${JSON.stringify(response.body)}`);
  await waitForGeneration(http, token, response.body.generationId);
  return { generationId: response.body.generationId, session: await waitUntilIdle(http, token, id) };
}

export async function countRows(app: NestExpressApplication, table: 'scenarios' | 'game_sessions' | 'game_messages' | 'game_state_snapshots' | 'system_prompts' | 'generations', where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await app.get(DataSource).query(`SELECT count(*)::int AS count FROM ${table} WHERE ${where}`, params);
  return (row as { count: number }).count;
}

/** Saves `content` as the newest, active version of a system prompt, as an admin's editor would (naming the newest version it saw). */
export async function activatePrompt(http: HttpClient, adminToken: string, kind: 'narrator' | 'world-state', content: string): Promise<void> {
  const prompts = (await http.get<{ kind: string; version: number }[]>('/api/admin/system-prompts', { token: adminToken })).body;
  const baseVersion = Math.max(0, ...prompts.filter((prompt) => prompt.kind === kind).map((prompt) => prompt.version));
  const saved = await http.post(`/api/admin/system-prompts/${kind}/versions`, { token: adminToken, body: { content, baseVersion } });
  if (saved.status !== 201) throw new Error(`could not activate the ${kind} prompt: ${saved.status} ${JSON.stringify(saved.body)}`);
}
