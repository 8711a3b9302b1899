import { ProviderError, type StreamOutcome } from '@storyos/domain';
import { z } from 'zod';

/** The parts of a streamed `chat.completion.chunk` we read; everything else is ignored. */
const ChatCompletionChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
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

/** Adds up a stream's chunks: the text they carry, how it finished and the token usage. */
export class CompletionTally {
  finishReason: string | null = null;
  private promptTokens: number | null = null;
  private completionTokens: number | null = null;

  /** Records the chunk and returns the text it adds (empty when it carries none). */
  add(chunk: ChatCompletionChunk): string {
    if (chunk.usage) {
      this.promptTokens = chunk.usage.prompt_tokens ?? this.promptTokens;
      this.completionTokens = chunk.usage.completion_tokens ?? this.completionTokens;
    }
    const choice = chunk.choices?.[0];
    if (choice?.finish_reason) this.finishReason = choice.finish_reason;
    return choice?.delta?.content ?? '';
  }

  outcome(): StreamOutcome {
    return { finishReason: this.finishReason ?? 'stop', promptTokens: this.promptTokens, completionTokens: this.completionTokens };
  }
}
