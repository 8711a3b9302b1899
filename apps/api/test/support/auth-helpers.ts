import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AuthSession } from '@storyos/contracts';
import { REFRESH_COOKIE_NAME } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import { GOOD_PASSWORD, uniqueEmail, type HttpClient, type HttpResult } from './http';

/**
 * Makes a request come from another client address: apps started with
 * TRUST_PROXY=true take the address from X-Forwarded-For, as behind a proxy.
 */
export const fromAddress = (address: string): Record<string, string> => ({ 'x-forwarded-for': address });

let addresses = 0;
/** A client address no other request of this run has used. */
export const uniqueAddress = (): string => {
  addresses += 1;
  return `198.51.${Math.floor(addresses / 250) % 250}.${(addresses % 250) + 1}`;
};

/** The header the web app sends so the refresh token travels only in the httpOnly cookie. */
export const BROWSER = { 'x-refresh-transport': 'cookie' } as const;

export interface Registered {
  email: string;
  password: string;
  session: AuthSession;
}

/** Registers a fresh account through the API (API-client transport: refresh token in the body). */
export async function registerAccount(http: HttpClient, label = 'user', password = GOOD_PASSWORD): Promise<Registered> {
  const email = uniqueEmail(label);
  const response = await http.post<AuthSession>('/api/auth/register', { body: { email, password } });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { email, password, session: response.body };
}

export async function loginAccount(http: HttpClient, email: string, password = GOOD_PASSWORD): Promise<AuthSession> {
  const response = await http.post<AuthSession>('/api/auth/login', { body: { email, password } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export interface SetCookie {
  value: string;
  /** Lower-cased attribute names; flags map to `true`. */
  attributes: Record<string, string | true>;
}

/** The `storyos_refresh` cookie the response sets, or undefined. */
export function refreshCookieOf(response: HttpResult): SetCookie | undefined {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${REFRESH_COOKIE_NAME}=`));
  if (!line) return undefined;
  const [pair, ...attributeParts] = line.split(';').map((part) => part.trim());
  const attributes: Record<string, string | true> = {};
  for (const part of attributeParts) {
    const [name, ...rest] = part.split('=');
    attributes[name!.toLowerCase()] = rest.length ? rest.join('=') : true;
  }
  return { value: decodeURIComponent(pair!.slice(REFRESH_COOKIE_NAME.length + 1)), attributes };
}

/** The Cookie request header a browser would send back. */
export const cookieHeader = (token: string): Record<string, string> => ({ cookie: `${REFRESH_COOKIE_NAME}=${encodeURIComponent(token)}` });

/** A response whose body the tests assert field by field (as the harness client returns by default). */
 
export type ApiResponse = HttpResult<any>;

/** Asserts the status and error code, and that the body's request id is the one in the header. */
export function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(typeof response.body.message).toBe('string');
  expect(response.body.message.length).toBeGreaterThan(0);
  expect(response.headers.get('x-request-id')).toBeTruthy();
  expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Moves a rotated refresh token's rotation an hour into the past, as if the
 * grace window for tabs refreshing at once had passed: presenting it again is
 * then a replay. (Changes the stored time rather than waiting.)
 */
export async function endGraceWindow(app: NestExpressApplication, refreshToken: string): Promise<void> {
  const [id] = refreshToken.split('.');
  const [, affected] = await app.get(DataSource).query(`UPDATE refresh_tokens SET rotated_at = rotated_at - interval '1 hour' WHERE id = $1 AND rotated_at IS NOT NULL`, [id]);
  if (affected !== 1) throw new Error(`refresh token ${id} has not been rotated`);
}

export async function countUsers(app: NestExpressApplication): Promise<number> {
  const [row] = await app.get(DataSource).query('SELECT count(*)::int AS count FROM users');
  return (row as { count: number }).count;
}

/** Seconds from `now` until the next midnight UTC, computed independently of the code under test. */
export function secondsUntilNextUtcMidnight(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return (next - now.getTime()) / 1000;
}
