import { readFileSync } from 'node:fs';

/** What global setup hands to the tests, which run in other processes and cannot share its memory. */
export interface StackInfo {
  baseUrl: string;
  admin: { email: string; password: string };
  databaseName: string;
  redisPrefix: string;
  logDir: string;
  pids: number[];
  /** The paced OpenAI-compatible stub the stack writes with (its /v1 root). */
  providerUrl: string;
  /** The paced provider's control address (see PacedStoryServer.controlUrl). */
  providerControlUrl: string;
}

/** Global setup puts the info file's path here; Jest workers inherit the environment. */
export const STACK_INFO_ENV = 'STORYOS_E2E_STACK_FILE';

export function readStackInfo(): StackInfo {
  const file = process.env[STACK_INFO_ENV];
  if (!file) throw new Error(`${STACK_INFO_ENV} is not set: run the e2e tests through apps/web/e2e/jest.config.ts`);
  return JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
}
