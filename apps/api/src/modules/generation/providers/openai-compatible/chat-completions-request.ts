import type { ChatMessage, GenerationRequest } from '@storyos/domain';

/**
 * How a JSON reply is asked for, most precise first: a schema the server
 * enforces, plain JSON mode, or the prompt's words alone. A server that
 * refuses one is asked the next way.
 */
export const RESPONSE_FORMAT_MODES = ['json_schema', 'json_object', 'none'] as const;
export type ResponseFormatMode = (typeof RESPONSE_FORMAT_MODES)[number];

/** The Chat Completions body for a streamed reply; optional knobs are sent only when the request sets them. */
export function chatCompletionsBody(model: string, request: GenerationRequest, formatMode: ResponseFormatMode = 'json_schema'): Record<string, unknown> {
  const tools = request.tools && request.tools.length > 0 ? request.tools : null;
  return {
    model: request.model ?? model,
    messages: request.messages.map(messageBody),
    stream: true,
    stream_options: { include_usage: true },
    ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.seed !== undefined && { seed: request.seed }),
    ...(request.responseFormat && formatMode === 'json_schema' && { response_format: { type: 'json_schema', json_schema: { name: request.responseFormat.name, schema: request.responseFormat.schema } } }),
    ...(request.responseFormat && formatMode === 'json_object' && { response_format: { type: 'json_object' } }),
    ...(tools && { tools: tools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.parameters } })), tool_choice: 'auto' }),
  };
}

/** A message as Chat Completions takes it: plain text, or text and pictures as content parts. */
function messageBody(message: ChatMessage): Record<string, unknown> {
  if (!message.images || message.images.length === 0) return { role: message.role, content: message.content };
  return {
    role: message.role,
    content: [{ type: 'text', text: message.content }, ...message.images.map((url) => ({ type: 'image_url', image_url: { url } }))],
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
