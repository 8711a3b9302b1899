import { ChatDocumentEntity } from '../entities/chat-document.entity';
import { routeReply } from './reply-plan';
import { partsOfSteps, type ReplyStep } from './reply-steps';

const document = Object.assign(new ChatDocumentEntity(), {
  id: '7d0c3b5e-2f7f-4a43-9a0e-3c1f3b7f1a11',
  createdAt: new Date('2025-06-01T10:00:00.000Z'),
  chatId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
  userId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  title: 'The Owl',
  kind: 'text' as const,
  content: 'It was a very dark night. The owl hooted.',
});

describe('planning a reply', () => {
  it('writes a new document when a piece is asked for, titled from the request', () => {
    const plan = routeReply('Write a poem about the sea', null, 'builtin');
    expect(plan).toMatchObject({ kind: 'generation', generationKind: 'chat.document', input: { mode: 'create', title: 'The Sea' }, tool: { toolName: 'createDocument', input: { title: 'The Sea', kind: 'text' } } });
  });

  it('revises the chat’s document on an instruction to change it', () => {
    expect(routeReply('Make it darker', document, 'openai-compatible')).toMatchObject({ generationKind: 'chat.document', input: { mode: 'update', documentId: document.id }, tool: { toolName: 'updateDocument', input: { id: document.id, description: 'Make it darker' } } });
  });

  it('suggests at once with the builtin editor, and through a JSON step with a model', () => {
    const builtin = routeReply('Any suggestions?', document, 'builtin');
    expect(builtin.kind).toBe('immediate');
    if (builtin.kind === 'immediate') expect(builtin.drafts.map((draft) => draft.suggestedSentence)).toEqual(['It was a pitch-black night.']);
    expect(routeReply('Any suggestions?', document, 'openai-compatible')).toMatchObject({ kind: 'generation', generationKind: 'chat.suggestions', input: { documentId: document.id, documentCreatedAt: '2025-06-01T10:00:00.000Z' } });
  });

  it('answers anything else with a plain reply', () => {
    expect(routeReply('Hello!', document, 'builtin')).toEqual({ kind: 'generation', generationKind: 'chat.reply', input: {}, tool: null });
  });
});

describe('a reply’s parts', () => {
  it('are its steps as the AI SDK shows them: a step start before each, tools with their state', () => {
    const steps: ReplyStep[] = [
      { type: 'static-text', text: 'I can’t see pictures.' },
      { type: 'tool', toolCallId: 'call_1', toolName: 'createDocument', input: { title: 'The Sea', kind: 'text' }, documentId: document.id, generationId: null, output: { id: document.id, title: 'The Sea', kind: 'text', content: 'made' }, error: null },
      { type: 'tool', toolCallId: 'call_2', toolName: 'updateDocument', input: { id: document.id, description: 'x' }, documentId: document.id, generationId: null, output: null, error: 'It failed.' },
      { type: 'text', generationId: '5b4a2f5c-3d2e-4f1a-9c8b-7a6d5e4f3a2b', text: null },
    ];
    expect(partsOfSteps(steps)).toEqual([
      { type: 'step-start' },
      { type: 'text', text: 'I can’t see pictures.' },
      { type: 'step-start' },
      { type: 'tool-createDocument', toolCallId: 'call_1', input: { title: 'The Sea', kind: 'text' }, state: 'output-available', output: { id: document.id, title: 'The Sea', kind: 'text', content: 'made' } },
      { type: 'step-start' },
      { type: 'tool-updateDocument', toolCallId: 'call_2', input: { id: document.id, description: 'x' }, state: 'output-error', errorText: 'It failed.' },
    ]);
  });
});
