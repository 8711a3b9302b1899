import { render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import type { ChatUIMessage } from '../transport';
import { MessageList } from './message-list';

/** How often each reply's text was drawn: the Markdown of a message renders whenever its message does. */
const mockRenders = new Map<string, number>();
jest.mock('./markdown', () => {
  const { createElement } = jest.requireActual('react');
  return {
    Markdown: ({ text }: { text: string }) => {
      mockRenders.set(text, (mockRenders.get(text) ?? 0) + 1);
      return createElement('p', null, text);
    },
  };
});

const user = (id: string, text: string): ChatUIMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const reply = (id: string, text: string): ChatUIMessage => ({ id, role: 'assistant', parts: [{ type: 'text', text }] });

const first = user('u1', 'Write about a lighthouse.');
const answer = reply('a1', 'The keeper climbed the stair.');
const second = user('u2', 'Go on.');

/** The session's props, with handlers that keep their identity between renders as the chat session's do. */
const props: ComponentProps<typeof MessageList> = {
  messages: [first, answer, second, reply('a2', '')],
  canWrite: true,
  busy: true,
  thinking: false,
  votes: new Map(),
  empty: null,
  onVote: jest.fn(),
  onRegenerate: jest.fn(),
  onEdit: jest.fn(),
  onOpenDocument: jest.fn(),
};

/** The virtualiser lays out what fits its scroller; jsdom has no layout, so every element says it is 800 px tall. */
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});
afterAll(() => {
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  Reflect.deleteProperty(HTMLElement.prototype, 'clientWidth');
});
beforeEach(() => mockRenders.clear());

function renderList() {
  const view = render(<MessageList {...props} />);
  return (changes: Partial<typeof props>) => view.rerender(<MessageList {...props} {...changes} />);
}

const editButtons = () => screen.getAllByRole('button', { name: 'Edit message' }) as HTMLButtonElement[];
/** Disabled as the browser sees it: by its own attribute or by a disabled fieldset around it. */
const isDisabled = (button: HTMLButtonElement) => button.matches(':disabled');

describe('the chat’s messages while a reply streams', () => {
  it('draws only the streamed reply again, never an earlier message', () => {
    const rerender = renderList();
    // The AI SDK replaces only the streamed message; the others keep their objects.
    rerender({ messages: [first, answer, second, reply('a2', 'Then')] });
    rerender({ messages: [first, answer, second, reply('a2', 'Then the bell rang.')] });
    expect(mockRenders.get('The keeper climbed the stair.')).toBe(1);
    expect(mockRenders.get('Then the bell rang.')).toBe(1);
    expect(screen.getByText('Then the bell rang.')).toBeTruthy();
  });

  it('enables my edit buttons once the reply is written, without drawing the messages again', () => {
    const rerender = renderList();
    expect(editButtons()).toHaveLength(2);
    expect(editButtons().every(isDisabled)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Regenerate reply' })).toBeNull();
    rerender({ busy: false });
    expect(editButtons().every((button) => !isDisabled(button))).toBe(true);
    expect(screen.getByRole('button', { name: 'Regenerate reply' })).toBeTruthy();
    expect(mockRenders.get('The keeper climbed the stair.')).toBe(1);
  });
});
