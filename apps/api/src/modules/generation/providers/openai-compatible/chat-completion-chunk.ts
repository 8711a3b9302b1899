import { ProviderError, type StreamOutcome, type ToolCall } from '@storyos/domain';
import { z } from 'zod';

/** The parts of a streamed `chat.completion.chunk` we read; everything else is ignored. */
const ChatCompletionChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: z.string().nullish(),
            // OpenAI and llama.cpp stream a call in pieces keyed by index (id and name first, then the arguments);
            // Ollama sends each call whole, sometimes without an index.
            tool_calls: z
              .array(
                z.object({
                  index: z.number().int().nonnegative().nullish(),
                  id: z.string().nullish(),
                  function: z.object({ name: z.string().nullish(), arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
  // Some gateways (OpenRouter among them) report failures inside an already started stream.
  error: z.object({ message: z.string().optional() }).nullish(),
});
type ChatCompletionChunk = z.infer<typeof ChatCompletionChunkSchema>;

export function parseChunk(data: string): ChatCompletionChunk {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new ProviderError('The provider sent a stream event that is not JSON.', true);
  }
  const parsed = ChatCompletionChunkSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError('The provider sent a stream event that is not a chat completion chunk.', true);
  if (parsed.data.error) {
    throw new ProviderError(`The provider reported an error mid-stream: ${parsed.data.error.message ?? 'no details'}`, true);
  }
  return parsed.data;
}

type ToolCallDelta = NonNullable<NonNullable<NonNullable<ChatCompletionChunk['choices']>[number]['delta']>['tool_calls']>[number];

/** Adds up a stream's chunks: the text they carry, the tool calls pieced together, how it finished and the token usage. */
export class CompletionTally {
  finishReason: string | null = null;
  private promptTokens: number | null = null;
  private completionTokens: number | null = null;
  private readonly calls = new Map<number, ToolCall>();

  /** Records the chunk and returns the text it adds (empty when it carries none). */
  add(chunk: ChatCompletionChunk): string {
    if (chunk.usage) {
      this.promptTokens = chunk.usage.prompt_tokens ?? this.promptTokens;
      this.completionTokens = chunk.usage.completion_tokens ?? this.completionTokens;
    }
    const choice = chunk.choices?.[0];
    if (choice?.finish_reason) this.finishReason = choice.finish_reason;
    for (const delta of choice?.delta?.tool_calls ?? []) this.addCall(delta);
    return choice?.delta?.content ?? '';
  }

  /** True once the model has begun a tool call: a reply made of calls alone has no text, and is no less an answer. */
  get hasToolCalls(): boolean {
    return this.calls.size > 0;
  }

  outcome(): StreamOutcome {
    const toolCalls = [...this.calls.values()].filter((call) => call.name);
    return { finishReason: this.finishReason ?? 'stop', promptTokens: this.promptTokens, completionTokens: this.completionTokens, ...(toolCalls.length > 0 && { toolCalls }) };
  }

  private addCall(delta: ToolCallDelta): void {
    const index = delta.index ?? this.calls.size;
    const call = this.calls.get(index) ?? { id: '', name: '', arguments: '' };
    if (delta.id) call.id = delta.id;
    if (delta.function?.name) call.name = delta.function.name;
    const args = delta.function?.arguments;
    // Pieces are appended; a server that sends the arguments as an object (some Ollama versions) sends them whole.
    if (typeof args === 'string') call.arguments += args;
    else if (args) call.arguments = JSON.stringify(args);
    if (!call.id) call.id = `call_${index}`;
    this.calls.set(index, call);
  }
}
