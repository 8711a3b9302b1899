import type { AuthSession } from '@storyos/contracts';
import { GOOD_PASSWORD, httpClient, uniqueEmail } from './http';

/** Registers a fresh user through the API and returns its session. */
export async function registerUser(baseUrl: string, label = 'user'): Promise<AuthSession> {
  const response = await httpClient(baseUrl).post<AuthSession>('/api/auth/register', { body: { email: uniqueEmail(label), password: GOOD_PASSWORD } });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function login(baseUrl: string, email: string, password: string): Promise<AuthSession> {
  const response = await httpClient(baseUrl).post<AuthSession>('/api/auth/login', { body: { email, password } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
