export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as-is, for malformed JSON and oversized payloads. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** A thin fetch client for the integration tests. */
export function httpClient(baseUrl: string) {
  async function send<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON bodies (metrics, HTML) are returned as text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    get: <T = any>(path: string, options?: RequestOptions) => send<T>('GET', path, options),
    post: <T = any>(path: string, options?: RequestOptions) => send<T>('POST', path, options),
    send,
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

let counter = 0;
export const uniqueEmail = (label = 'user'): string => `${label}.${Date.now().toString(36)}.${(counter += 1)}@example.test`;
export const GOOD_PASSWORD = 'correct horse 42';
