import { chatLimitMessage } from './chat-allowance';
import { chatReplyPlan, suggestionReplyProblems } from './chat-prompts';
import { CHAT_TOOLS } from './chat-tools';

describe('the chat reply prompt', () => {
  it('keeps the new message and lets earlier ones go first when the context is small', () => {
    const plan = chatReplyPlan({
      turns: [
        { role: 'user', text: 'first', pictures: 0 },
        { role: 'assistant', text: 'answer', pictures: 0 },
        { role: 'user', text: 'second', pictures: 2 },
      ],
      document: null,
    });
    const last = plan.parts.at(-1)!;
    expect(last.optional).toBeUndefined();
    expect(last.text).toContain('2 pictures were attached, which you cannot see');
    expect(plan.parts.filter((part) => part.optional).map((part) => part.text)).toEqual(['first', 'answer']);
  });
});

describe('the chat reply prompt for a model with tools and eyes', () => {
  const picture = 'data:image/png;base64,iVBORw0KGgo=';

  it('offers the tools, names the open document’s id, and asks with the chosen model', () => {
    const plan = chatReplyPlan({ turns: [{ role: 'user', text: 'Make it darker', pictures: 0 }], document: { id: 'doc-1', title: 'The Sea', content: 'Waves.' }, tools: CHAT_TOOLS, model: 'qwen2.5' });
    expect(plan.tools?.map((tool) => tool.name)).toEqual(['createDocument', 'updateDocument', 'requestSuggestions']);
    expect(plan.model).toBe('qwen2.5');
    expect(plan.parts[0]!.text).toContain('call createDocument');
    expect(plan.parts[1]!.text).toContain('(id doc-1)');
  });

  it('sends pictures with their message instead of owning up to not seeing them', () => {
    const plan = chatReplyPlan({ turns: [{ role: 'user', text: 'What is this?', pictures: 1, images: [picture] }], document: null });
    expect(plan.parts.at(-1)).toEqual({ role: 'user', text: 'What is this?', images: [picture] });
    expect(plan.tools).toBeUndefined();
  });
});

describe('reading a suggestions reply', () => {
  const document = 'The cat sat. It was very big.';

  it('accepts suggestions whose sentence is in the document', () => {
    const reply = JSON.stringify({ suggestions: [{ originalSentence: 'It was very big.', suggestedSentence: 'It was huge.', description: 'Stronger word' }] });
    expect(suggestionReplyProblems(reply, document)).toEqual([]);
  });

  it('names a sentence the model did not copy exactly', () => {
    const reply = JSON.stringify({ suggestions: [{ originalSentence: 'It was big.', suggestedSentence: 'It was huge.', description: 'x' }] });
    expect(suggestionReplyProblems(reply, document)[0]).toMatch(/not copied exactly/);
  });

  it('says when the reply is not JSON', () => {
    expect(suggestionReplyProblems('Sure! Here are some ideas', document)).toEqual(['The reply is not JSON.']);
  });
});

describe('the daily message limit', () => {
  it('tells a guest what to do, without dates or ids', () => {
    const message = chatLimitMessage('guest', 20, 5 * 3600);
    expect(message).toBe('You have sent 20 messages today, the most a guest account can send in a day. Create an account for more, or come back in 5 hours.');
  });
});
