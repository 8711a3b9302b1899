/** A context window a server told us about, and where it said so. */
export interface DiscoveredContext {
  tokens: number;
  source: string;
}

export interface DiscoveryResult {
  found: DiscoveredContext | null;
  /** Some probe got an HTTP answer: the server is up, so "nothing found" is final. */
  reachable: boolean;
}

export interface DiscoveryTarget {
  /** The API root as configured, e.g. http://127.0.0.1:8080/v1. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

/**
 * Ollama's own context when a model sets no num_ctx: 2048 in most releases,
 * 4096 in some. It answers a longer prompt by silently dropping its start,
 * so the smaller is assumed.
 */
export const OLLAMA_DEFAULT_NUM_CTX = 2048;

/** Fields of an OpenAI-style /models entry that state a context window, by the servers that use them. */
const MODEL_ENTRY_FIELDS: readonly { path: string[]; server: string }[] = [
  { path: ['context_length'], server: 'OpenRouter, Together, DeepInfra' },
  { path: ['max_model_len'], server: 'vLLM' },
  { path: ['context_window'], server: 'Groq, Fireworks' },
  { path: ['loaded_context_length'], server: 'LM Studio' },
  { path: ['max_context_length'], server: 'LM Studio' },
  { path: ['top_provider', 'context_length'], server: 'OpenRouter' },
];

interface Probe {
  name: string;
  read(target: DiscoveryTarget, signal: AbortSignal): Promise<{ answered: boolean; tokens: number | null }>;
}

/**
 * Where servers say how long a prompt may be, most specific first: each is
 * asked at once, and the first in this order that answers wins.
 */
export const CONTEXT_PROBES: readonly Probe[] = [
  {
    // The slot's context as started with -c / --ctx-size (divided among --parallel slots).
    name: 'llama.cpp GET /props',
    read: async (target, signal) => {
      const body = await getJson(`${serverRoot(target.baseUrl)}/props`, target, signal);
      return { answered: body.answered, tokens: positive(at(body.json, ['default_generation_settings', 'n_ctx'])) };
    },
  },
  {
    // num_ctx when the model sets one; else Ollama's default, never more than the model was trained for.
    name: 'Ollama POST /api/show',
    read: async (target, signal) => {
      const body = await postJson(`${serverRoot(target.baseUrl)}/api/show`, { model: target.model }, target, signal);
      if (!isRecord(body.json) || !('model_info' in body.json || 'parameters' in body.json)) return { answered: body.answered, tokens: null };
      const numCtx = /(?:^|\n)\s*num_ctx\s+(\d+)/.exec(typeof body.json['parameters'] === 'string' ? body.json['parameters'] : '')?.[1];
      if (numCtx) return { answered: true, tokens: positive(Number(numCtx)) };
      const info = isRecord(body.json['model_info']) ? body.json['model_info'] : {};
      const trained = positive(Object.entries(info).find(([key]) => key.endsWith('.context_length'))?.[1]);
      return { answered: true, tokens: Math.min(trained ?? OLLAMA_DEFAULT_NUM_CTX, OLLAMA_DEFAULT_NUM_CTX) };
    },
  },
  {
    name: 'GET /models',
    read: async (target, signal) => {
      const body = await getJson(`${target.baseUrl.replace(/\/+$/, '')}/models`, target, signal);
      const entries = isRecord(body.json) && Array.isArray(body.json['data']) ? body.json['data'] : [];
      const entry = entries.find((candidate: unknown) => isRecord(candidate) && candidate['id'] === target.model);
      return { answered: body.answered, tokens: contextOfModelEntry(entry) };
    },
  },
];

/** Asks the server what its context is; null when no probe found it. */
export async function discoverContext(target: DiscoveryTarget): Promise<DiscoveryResult> {
  const signal = AbortSignal.timeout(target.timeoutMs);
  const answers = await Promise.all(CONTEXT_PROBES.map((probe) => probe.read(target, signal).catch(() => ({ answered: false, tokens: null }))));
  const index = answers.findIndex((answer) => answer.tokens !== null);
  return {
    found: index >= 0 ? { tokens: answers[index]!.tokens!, source: CONTEXT_PROBES[index]!.name } : null,
    reachable: answers.some((answer) => answer.answered),
  };
}

/** The context window an OpenAI-style /models entry states, if any. */
export function contextOfModelEntry(entry: unknown): number | null {
  for (const field of MODEL_ENTRY_FIELDS) {
    const tokens = positive(at(entry, field.path));
    if (tokens !== null) return tokens;
  }
  return null;
}

/** llama.cpp and Ollama serve their own endpoints beside /v1. */
export function serverRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

async function getJson(url: string, target: DiscoveryTarget, signal: AbortSignal): Promise<{ answered: boolean; json: unknown }> {
  const response = await fetch(url, { headers: headers(target), signal });
  return { answered: true, json: response.ok ? await response.json().catch(() => null) : null };
}

async function postJson(url: string, body: unknown, target: DiscoveryTarget, signal: AbortSignal): Promise<{ answered: boolean; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers(target), 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
  return { answered: true, json: response.ok ? await response.json().catch(() => null) : null };
}

function headers(target: DiscoveryTarget): Record<string, string> {
  return target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {};
}

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((current, key) => (isRecord(current) ? current[key] : undefined), value);
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
