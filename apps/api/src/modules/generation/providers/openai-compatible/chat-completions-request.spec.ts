import type { GenerationRequest } from '@storyos/domain';
import { chatCompletionsBody } from './chat-completions-request';

const tool = { name: 'createDocument', description: 'Write a document', parameters: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] } };

describe('the Chat Completions body', () => {
  it('asks the configured model unless the request names one', () => {
    const request: GenerationRequest = { messages: [{ role: 'user', content: 'Hi' }] };
    expect(chatCompletionsBody('default-model', request)['model']).toBe('default-model');
    expect(chatCompletionsBody('default-model', { ...request, model: 'picked-model' })['model']).toBe('picked-model');
  });

  it('offers tools as OpenAI functions, with tool_choice auto; none when the request has none', () => {
    const body = chatCompletionsBody('m', { messages: [{ role: 'user', content: 'Write a poem' }], tools: [tool] });
    expect(body['tools']).toEqual([{ type: 'function', function: tool }]);
    expect(body['tool_choice']).toBe('auto');
    expect(chatCompletionsBody('m', { messages: [], tools: [] })).not.toHaveProperty('tools');
  });

  it('sends a message’s pictures as image_url content parts after its text', () => {
    const body = chatCompletionsBody('m', { messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'What is this?', images: ['data:image/png;base64,AAAA'] }] });
    expect(body['messages']).toEqual([
      { role: 'system', content: 'Be brief' },
      { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
    ]);
  });
});
