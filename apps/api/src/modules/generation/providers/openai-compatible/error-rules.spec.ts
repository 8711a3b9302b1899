import type { ErrorBody } from '../../../../core/providers/http-failures';
import { CONTEXT_OVERFLOW_RULES, contextOverflowIn, refusesResponseFormat, refusesTools } from './error-rules';

const body = (status: number, json: unknown): ErrorBody => {
  const error = (json as { error?: { message?: string; code?: string } }).error;
  return { status, message: error?.message ?? '', code: error?.code ?? '', json };
};

describe('recognising an over-long prompt in a server’s answer', () => {
  const cases: Record<string, { answer: ErrorBody; found: { promptTokens: number | null; contextTokens: number | null } }> = {
    'llama.cpp exceed_context_size_error': {
      answer: body(400, { error: { code: 400, message: 'the request exceeds the available context size, try increasing it', type: 'exceed_context_size_error', n_prompt_tokens: 2345, n_ctx: 2048 } }),
      found: { promptTokens: 2345, contextTokens: 2048 },
    },
    'OpenAI context_length_exceeded': {
      answer: body(400, { error: { message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9001 tokens. Please reduce the length of the messages.", code: 'context_length_exceeded' } }),
      found: { promptTokens: 9001, contextTokens: 8192 },
    },
    'vLLM and others: maximum context length': {
      answer: body(400, { error: { message: "This model's maximum context length is 2048 tokens. However, you requested 2600 tokens (2100 in the messages, 500 in the completion). Please reduce the length of the messages or completion." } }),
      found: { promptTokens: 2100, contextTokens: 2048 },
    },
    'Ollama and llama.cpp wording': {
      answer: body(500, { error: { message: 'input length exceeds the context length' } }),
      found: { promptTokens: null, contextTokens: null },
    },
  };

  it('has a case here for every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(CONTEXT_OVERFLOW_RULES.map((rule) => rule.name).sort());
  });

  it.each(Object.entries(cases))('%s', (name, { answer, found }) => {
    const rule = CONTEXT_OVERFLOW_RULES.find((candidate) => candidate.name === name)!;
    expect(rule.read(answer)).toEqual(found);
    expect(contextOverflowIn(answer)).toEqual(found);
  });

  it('does not mistake other failures for it', () => {
    expect(contextOverflowIn(body(400, { error: { message: "'messages' must contain at least one message" } }))).toBeNull();
    expect(contextOverflowIn(body(401, { error: { message: 'prompt too long', code: 'context_length_exceeded' } }))).toBeNull();
  });
});

describe('recognising a refused reply format', () => {
  it.each([
    ['an unknown argument', "Unrecognized request argument supplied: response_format"],
    ['an unsupported type', "response_format type 'json_schema' is not supported by this model"],
    ['a schema the grammar converter cannot take', 'Unable to generate parser for this template. Failed to build grammar'],
  ])('%s', (_name, message) => {
    expect(refusesResponseFormat(body(400, { error: { message } }))).toBe(true);
  });

  it('but not any other bad request', () => {
    expect(refusesResponseFormat(body(400, { error: { message: 'temperature must be between 0 and 2' } }))).toBe(false);
  });
});

describe('recognising refused tools', () => {
  it.each([
    ['Ollama, a model without tool support', 400, { error: { message: 'registry.ollama.ai/library/gemma2:2b does not support tools', type: 'api_error' } }],
    ['llama-server started without --jinja', 500, { error: { code: 500, message: 'tools param requires --jinja flag', type: 'server_error' } }],
    ['vLLM without auto tool choice', 400, { error: { message: '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set' } }],
    ['a gateway', 400, { error: { message: 'Tools are not supported for this model' } }],
  ])('%s', (_name, status, json) => {
    expect(refusesTools(body(status, json))).toBe(true);
  });

  it('but not an over-long prompt or another bad request', () => {
    expect(refusesTools(body(400, { error: { message: 'the request exceeds the available context size, try increasing it' } }))).toBe(false);
    expect(refusesTools(body(400, { error: { message: 'temperature must be between 0 and 2' } }))).toBe(false);
    expect(refusesTools(body(401, { error: { message: 'does not support tools' } }))).toBe(false);
  });
});
