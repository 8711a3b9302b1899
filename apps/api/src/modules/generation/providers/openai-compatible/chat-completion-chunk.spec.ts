import { CompletionTally, parseChunk } from './chat-completion-chunk';

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null): string =>
  JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason }] });

const tally = (...events: string[]): CompletionTally => {
  const sum = new CompletionTally();
  for (const event of events) sum.add(parseChunk(event));
  return sum;
};

describe('piecing streamed tool calls together', () => {
  it('joins arguments split across deltas by index, as OpenAI and llama-server send them', () => {
    const sum = tally(
      chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'createDocument', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"ti' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: 'tle":"The Lighthouse"' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '}' } }] }),
      chunk({}, 'tool_calls'),
    );
    expect(sum.outcome()).toMatchObject({ finishReason: 'tool_calls', toolCalls: [{ id: 'call_a', name: 'createDocument', arguments: '{"title":"The Lighthouse"}' }] });
  });

  it('keeps parallel calls apart by their index', () => {
    const sum = tally(
      chunk({ tool_calls: [{ index: 0, id: 'call_a', function: { name: 'createDocument', arguments: '{"title":' } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'call_b', function: { name: 'requestSuggestions', arguments: '{}' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"A"}' } }] }),
      chunk({}, 'tool_calls'),
    );
    expect(sum.outcome().toolCalls).toEqual([
      { id: 'call_a', name: 'createDocument', arguments: '{"title":"A"}' },
      { id: 'call_b', name: 'requestSuggestions', arguments: '{}' },
    ]);
  });

  it('takes whole calls as Ollama sends them, arguments as an object and no index', () => {
    const sum = tally(chunk({ role: 'assistant', content: '', tool_calls: [{ id: 'call_x1', function: { name: 'updateDocument', arguments: { description: 'darker' } } }] }), chunk({ content: '' }, 'stop'));
    expect(sum.outcome()).toMatchObject({ finishReason: 'stop', toolCalls: [{ id: 'call_x1', name: 'updateDocument', arguments: '{"description":"darker"}' }] });
  });

  it('keeps broken argument JSON as it came, for the reader of the call to judge', () => {
    const sum = tally(chunk({ tool_calls: [{ index: 0, id: 'call_a', function: { name: 'createDocument', arguments: '{"title": "Unfinish' } }] }), chunk({}, 'tool_calls'));
    expect(sum.outcome().toolCalls).toEqual([{ id: 'call_a', name: 'createDocument', arguments: '{"title": "Unfinish' }]);
  });

  it('returns text alongside, and no toolCalls when the model made none', () => {
    const sum = new CompletionTally();
    expect(sum.add(parseChunk(chunk({ content: 'Hello' })))).toBe('Hello');
    expect(sum.hasToolCalls).toBe(false);
    expect(sum.outcome()).toEqual({ finishReason: 'stop', promptTokens: null, completionTokens: null });
  });
});
