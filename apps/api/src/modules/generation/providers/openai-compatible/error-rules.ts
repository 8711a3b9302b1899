import type { ErrorBody } from '../../../../core/providers/http-failures';

export interface ContextOverflow {
  /** The prompt's size as the server counted it, when it said. */
  promptTokens: number | null;
  /** The server's context window, when it said. */
  contextTokens: number | null;
}

interface OverflowRule {
  name: string;
  reason: string;
  read(body: ErrorBody): ContextOverflow | null;
}

const numberAt = (json: unknown, key: string): number | null => {
  const error = (json as { error?: Record<string, unknown> } | null)?.error;
  const value = error && typeof error === 'object' ? error[key] : undefined;
  return typeof value === 'number' && value > 0 ? value : null;
};
const firstNumber = (message: string, pattern: RegExp): number | null => {
  const match = pattern.exec(message);
  return match?.[1] ? Number(match[1]) : null;
};

/**
 * How servers say a prompt is longer than the model's context. Each rule is
 * one server's wording; they are tried in order.
 */
export const CONTEXT_OVERFLOW_RULES: readonly OverflowRule[] = [
  {
    name: 'llama.cpp exceed_context_size_error',
    reason: 'llama-server answers 400 {"error":{"type":"exceed_context_size_error","n_prompt_tokens":…,"n_ctx":…}}',
    read: (body) =>
      body.json && JSON.stringify(body.json).includes('exceed_context_size_error')
        ? { promptTokens: numberAt(body.json, 'n_prompt_tokens'), contextTokens: numberAt(body.json, 'n_ctx') }
        : null,
  },
  {
    name: 'OpenAI context_length_exceeded',
    reason: "OpenAI (and Azure, OpenRouter's OpenAI routes) set code context_length_exceeded: \"This model's maximum context length is N tokens. However, your messages resulted in M tokens.\"",
    read: (body) =>
      body.code === 'context_length_exceeded'
        ? { promptTokens: firstNumber(body.message, /resulted in (\d+) tokens/i), contextTokens: firstNumber(body.message, /maximum context length is (\d+)/i) }
        : null,
  },
  {
    name: 'vLLM and others: maximum context length',
    reason: 'vLLM, LiteLLM and TGI word it like OpenAI without the code: "maximum context length is N tokens. However, you requested M tokens (P in the messages, C in the completion)"',
    read: (body) =>
      /maximum context length/i.test(body.message)
        ? { promptTokens: firstNumber(body.message, /\((\d+) in the messages/i) ?? firstNumber(body.message, /resulted in (\d+) tokens/i), contextTokens: firstNumber(body.message, /maximum context length is (\d+)/i) }
        : null,
  },
  {
    name: 'Ollama and llama.cpp wording',
    reason: 'Ollama ("input length exceeds the context length", "prompt too long") and older llama.cpp ("the request exceeds the available context size") say it in words only',
    read: (body) =>
      /exceeds? the (available )?context (size|length)|context length exceeded|prompt (is )?too long|context (window )?overflow/i.test(body.message)
        ? { promptTokens: null, contextTokens: firstNumber(body.message, /context (?:size|length) (?:of )?(\d+)/i) }
        : null,
  },
];

/** The over-length the answer reports, or null when it is another failure. */
export function contextOverflowIn(body: ErrorBody): ContextOverflow | null {
  if (body.status !== 400 && body.status !== 413 && body.status !== 422 && body.status !== 500) return null;
  for (const rule of CONTEXT_OVERFLOW_RULES) {
    const found = rule.read(body);
    if (found) return found;
  }
  return null;
}

/**
 * A 400 that names the reply format: servers without structured output
 * ("response_format type json_schema is not supported", "unknown field
 * response_format", a schema their grammar converter cannot take).
 */
export function refusesResponseFormat(body: ErrorBody): boolean {
  return (body.status === 400 || body.status === 422 || body.status === 501) && /response_format|json_schema|json_object|structured output|grammar|schema/i.test(body.message);
}

/**
 * An answer that refuses `tools`: Ollama's "<model> does not support
 * tools", llama-server's "tools param requires --jinja flag", vLLM without
 * --enable-auto-tool-choice, gateways' "tool calling is not supported".
 */
export function refusesTools(body: ErrorBody): boolean {
  return [400, 422, 500, 501].includes(body.status) && /does not support tools|tools? (?:are |is )?not supported|tool (?:calling|use|calls) (?:is |are )?not supported|tools param requires|--jinja|auto[- ]tool[- ]choice|tool_choice/i.test(body.message);
}
