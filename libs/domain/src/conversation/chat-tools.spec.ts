import { CHAT_TOOLS, firstRunnableCall, readToolCall } from './chat-tools';

const document = { id: '0b8e4c7a-2f3d-4e5a-9b1c-6d7e8f9a0b1c', title: 'The Sea' };
const call = (name: string, args: string) => ({ id: 'call_1', name, arguments: args });

describe('reading a model’s tool call', () => {
  it('offers the three document tools, each with a JSON Schema of its arguments', () => {
    expect(CHAT_TOOLS.map((tool) => tool.name)).toEqual(['createDocument', 'updateDocument', 'requestSuggestions']);
    for (const tool of CHAT_TOOLS) expect(tool.parameters).toMatchObject({ type: 'object', required: expect.any(Array) });
  });

  it('takes the arguments the model wrote', () => {
    expect(readToolCall(call('createDocument', '{"title":"The Lighthouse","kind":"text"}'), { message: 'write a story', document: null })).toEqual({ tool: 'createDocument', title: 'The Lighthouse' });
    expect(readToolCall(call('updateDocument', `{"id":"${document.id}","description":"Make it darker"}`), { message: 'darker please', document })).toEqual({
      tool: 'updateDocument',
      documentId: document.id,
      description: 'Make it darker',
    });
  });

  it('fills broken or missing arguments from the user’s message, as small models need', () => {
    expect(readToolCall(call('createDocument', '{"title": "The Light'), { message: 'Write a poem about the sea', document: null })).toMatchObject({ tool: 'createDocument', title: expect.stringMatching(/sea/i) });
    expect(readToolCall(call('updateDocument', ''), { message: 'Shorten the ending', document })).toEqual({ tool: 'updateDocument', documentId: document.id, description: 'Shorten the ending' });
    // Some servers encode the arguments twice.
    expect(readToolCall(call('createDocument', JSON.stringify('{"title":"Twice"}')), { message: 'x', document: null })).toEqual({ tool: 'createDocument', title: 'Twice' });
  });

  it('acts on the open document whatever id the model wrote', () => {
    expect(readToolCall(call('requestSuggestions', '{"documentId":"doc-1"}'), { message: 'how could it be better?', document })).toEqual({ tool: 'requestSuggestions', documentId: document.id });
  });

  it('runs nothing for a tool it does not have, or a document tool without a document', () => {
    expect(readToolCall(call('getWeather', '{"city":"Oslo"}'), { message: 'weather?', document })).toBeNull();
    expect(readToolCall(call('updateDocument', '{"description":"x"}'), { message: 'x', document: null })).toBeNull();
    expect(firstRunnableCall([call('getWeather', '{}'), { ...call('createDocument', '{"title":"B"}'), id: 'call_2' }], { message: 'x', document: null })).toMatchObject({ call: { id: 'call_2' }, request: { title: 'B' } });
  });
});
