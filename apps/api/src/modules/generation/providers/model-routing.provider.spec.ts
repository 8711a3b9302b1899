import type { GenerationRequest, StreamOutcome, TextProvider } from '@storyos/domain';
import { ModelRoutingProvider, writerOf } from './model-routing.provider';

/** A provider that answers with its own name and records what it was asked. */
function recordingProvider(name: TextProvider['name'], model: string): TextProvider & { asked: GenerationRequest[] } {
  const asked: GenerationRequest[] = [];
  return {
    name,
    model,
    detail: name,
    asked,
    async *stream(request: GenerationRequest): AsyncGenerator<string, StreamOutcome, void> {
      asked.push(request);
      yield name;
      return { finishReason: 'stop', promptTokens: null, completionTokens: null };
    },
  };
}

const signal = new AbortController().signal;
const read = async (stream: AsyncGenerator<string, StreamOutcome, void>): Promise<string> => {
  let text = '';
  for await (const delta of stream) text += delta;
  return text;
};
const tool = { name: 'createDocument', description: 'd', parameters: {} };

describe('routing a request to the model it names', () => {
  it('sends the builtin id to the builtin engine, built on first use, without tools', async () => {
    const primary = recordingProvider('openai-compatible', 'qwen');
    const builtin = recordingProvider('builtin', 'tinystories');
    let built = 0;
    const routing = new ModelRoutingProvider(primary, () => (built++, builtin));
    expect(built).toBe(0);
    expect(await read(routing.stream({ messages: [], model: 'builtin', tools: [tool] }, signal))).toBe('builtin');
    expect(await read(routing.stream({ messages: [], model: 'builtin' }, signal))).toBe('builtin');
    expect(built).toBe(1);
    expect(builtin.asked[0]).toEqual({ messages: [] });
  });

  it('sends every other model to the configured provider, naming it', async () => {
    const primary = recordingProvider('openai-compatible', 'qwen');
    const routing = new ModelRoutingProvider(primary, () => recordingProvider('builtin', 'b'));
    expect(await read(routing.stream({ messages: [], model: 'llava' }, signal))).toBe('openai-compatible');
    expect(primary.asked[0]!.model).toBe('llava');
    expect(routing).toMatchObject({ name: 'openai-compatible', model: 'qwen' });
  });

  it('records who writes: the builtin engine for its id, else the named or configured model', () => {
    expect(writerOf({ name: 'openai-compatible', model: 'qwen' }, 'builtin')).toEqual({ provider: 'builtin', model: 'builtin' });
    expect(writerOf({ name: 'openai-compatible', model: 'qwen' }, 'llava')).toEqual({ provider: 'openai-compatible', model: 'llava' });
    expect(writerOf({ name: 'openai-compatible', model: 'qwen' }, undefined)).toEqual({ provider: 'openai-compatible', model: 'qwen' });
    expect(writerOf({ name: 'builtin', model: 'tinystories' }, 'builtin')).toEqual({ provider: 'builtin', model: 'tinystories' });
  });
});
