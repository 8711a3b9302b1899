import type { NestExpressApplication } from '@nestjs/platform-express';
import { inflateRawSync } from 'node:zlib';
import type { Generation, StartPhaseResponse, Story, StoryJob, StoryJobStatus, StoryPhase, StorySetupInput } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import { eventually } from './eventually';
import { waitForGeneration } from './game-helpers';
import type { ApiResponse } from './auth-helpers';
import type { HttpClient, HttpResult } from './http';

/** A complete, valid setup; override what a test is about. */
export function storySetup(overrides: Partial<StorySetupInput> = {}): StorySetupInput {
  return {
    persona: 'Fantasy World Builder',
    setting: 'Brindle Hill, a village of clockmakers where the church bells keep the seasons turning.',
    characters: 'Ada Finch, a young clockmaker; Bram Holt, her rival from the valley',
    plotElements: 'A stolen winding key; a winter that will not end',
    writingStyle: 'Descriptive',
    tone: 'Whimsical',
    narrativePov: 'Third Person Limited',
    audienceAgeGroup: 'Young Adults',
    contentRating: 'PG',
    endingPreference: 'Happy',
    ...overrides,
  };
}

export async function createStory(http: HttpClient, token: string, title = 'The Winding Key', setup: Partial<StorySetupInput> = {}): Promise<Story> {
  const response = await http.post<Story>('/api/stories', { token, body: { title, setup: storySetup(setup) } });
  if (response.status !== 201) throw new Error(`create story failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export const getStory = (http: HttpClient, token: string, id: string): Promise<HttpResult<Story>> => http.get<Story>(`/api/stories/${id}`, { token });

/**
 * A hand edit as an editor makes it: PUT `/api/stories/:id/<premise|outline|story>`
 * with `base` set to the version and revision the story shows now, unless the
 * body already names one.
 */
export async function putOnCurrent(http: HttpClient, token: string, path: string, body: object): Promise<ApiResponse> {
  const match = /^\/api\/stories\/([^/]+)\/(premise|outline|story)$/.exec(path);
  if (!match || 'base' in body) return http.send('PUT', path, { token, body });
  const story = await getStory(http, token, match[1]!);
  const current = story.status === 200 ? story.body[match[2] as 'premise' | 'outline' | 'story'] : null;
  return http.send('PUT', path, { token, body: { ...body, base: current ? { id: current.id, revision: current.revision } : null } });
}

/** The body is a StartPhaseResponse on success, an error body otherwise. */
export const startPhase = (http: HttpClient, token: string, id: string, phase: StoryPhase, body: { regenerate?: boolean } = {}): Promise<ApiResponse> =>
  http.post(`/api/stories/${id}/${phase}`, { token, body });

/** Runs a phase through the worker (or the cache) and returns the story once its generation has finished. */
export async function runPhase(http: HttpClient, token: string, id: string, phase: StoryPhase, body: { regenerate?: boolean } = {}): Promise<{ response: HttpResult<StartPhaseResponse>; generation: Generation | null; story: Story }> {
  const response = await startPhase(http, token, id, phase, body);
  if (response.status !== 202 && response.status !== 200) throw new Error(`${phase} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const generation = response.body.generationId ? await waitForGeneration(http, token, response.body.generationId) : null;
  const story = await eventually(async () => {
    const current = await getStory(http, token, id);
    if (current.body.activeGenerationId !== null) throw new Error(`story ${id} is still held by ${current.body.activeGenerationId}`);
    return current.body;
  });
  return { response, generation, story };
}

/** Polls the job until it has reached one of `statuses`. */
export async function waitForJob(http: HttpClient, token: string, storyId: string, jobId: string, statuses: StoryJobStatus[] = ['completed', 'cancelled', 'failed']): Promise<StoryJob> {
  return eventually(
    async () => {
      const response = await http.get<StoryJob>(`/api/stories/${storyId}/jobs/${jobId}`, { token });
      if (response.status !== 200) throw new Error(`job ${jobId}: ${response.status} ${JSON.stringify(response.body)}`);
      if (!statuses.includes(response.body.status)) throw new Error(`job ${jobId} is ${response.body.status} (${response.body.stage}), waiting for ${statuses.join('|')}`);
      return response.body;
    },
    { tries: 600, intervalMs: 100 },
  );
}

export async function countStoryRows(app: NestExpressApplication, table: 'stories' | 'story_artifacts' | 'generation_flows' | 'generations', where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await app.get(DataSource).query(`SELECT count(*)::int AS count FROM ${table} WHERE ${where}`, params);
  return (row as { count: number }).count;
}

/** Three chapters, as a writer would type them. */
export const THREE_CHAPTERS = {
  chapters: [
    { title: 'The Frozen Bells', summary: 'Ada finds the church bells of Brindle Hill frozen and the winding key gone.' },
    { title: 'The Valley Road', summary: 'Ada follows Bram Holt down the valley road, sure he took the key.' },
    { title: 'Spring Again', summary: 'Together they wind the great clock and spring returns.' },
  ],
};

/** Reads one file out of a zip archive (stored or deflated), via its central directory; enough to look inside a .docx. */
export function readZipEntry(zip: Buffer, name: string): string | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('Not a zip archive: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i += 1) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}
