import type { GenerationRequest } from '@storyos/domain';

/** The Chat Completions body for a streamed reply; optional knobs are sent only when the request sets them. */
export function chatCompletionsBody(model: string, request: GenerationRequest): Record<string, unknown> {
  return {
    model,
    messages: request.messages,
    stream: true,
    stream_options: { include_usage: true },
    ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.seed !== undefined && { seed: request.seed }),
  };
}

export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
}

export function chatCompletionsHeaders(apiKey: string | undefined): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    ...(apiKey && { authorization: `Bearer ${apiKey}` }),
  };
}
