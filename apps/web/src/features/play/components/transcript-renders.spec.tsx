import type { GameMessage } from '@storyos/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import { Transcript } from './transcript';

/** How often each message was drawn, by its text: the narrator's and the player's, wrapped to count. */
const mockRenders = new Map<string, number>();
function mockCounted(modulePath: string, name: string) {
  const actual = jest.requireActual(modulePath)[name];
  const { createElement } = jest.requireActual('react');
  return {
    [name]: (props: { text: string }) => {
      mockRenders.set(props.text, (mockRenders.get(props.text) ?? 0) + 1);
      return createElement(actual, props);
    },
  };
}
jest.mock('./narrator-message', () => mockCounted('./narrator-message', 'NarratorMessage'));
jest.mock('./player-message', () => mockCounted('./player-message', 'PlayerMessage'));

const at = '2025-01-01T00:00:00.000Z';
const GEN = '22222222-2222-4222-8222-222222222222';
const message = (overrides: Partial<GameMessage>): GameMessage => ({ id: 'm1', role: 'narrator', content: '', mode: null, revision: 0, swipe: { index: 0, count: 1 }, context: null, generationId: null, status: 'completed', error: null, finishReason: 'stop', turn: 0, createdAt: at, ...overrides });
const streaming = (text: string): GenerationStreamView => ({ text, lastSeq: text.length, phase: 'streaming', status: 'streaming', error: null, notice: null });

const opening = message({ id: 'opening', content: 'The bell rang.' });
const turn = message({ id: 'turn', role: 'player', content: 'I listen.', mode: 'do', turn: 1 });
const reply = message({ id: 'reply', content: '', status: 'streaming', generationId: GEN, turn: 1 });

/** The page's props, with handlers that keep their identity between renders as the game page's do. */
const props: ComponentProps<typeof Transcript> = {
  messages: [opening, turn, reply],
  liveReplyId: GEN,
  liveContinues: false,
  stream: streaming(''),
  onRegenerate: jest.fn(),
  regenerating: false,
  onContinue: jest.fn(),
  continuing: false,
  busy: true,
  onSwipe: jest.fn(),
  onEdit: jest.fn(),
};

function renderTranscript() {
  const queryClient = new QueryClient();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <Transcript {...props} />
    </QueryClientProvider>,
  );
  return (changes: Partial<typeof props>) =>
    view.rerender(
      <QueryClientProvider client={queryClient}>
        <Transcript {...props} {...changes} />
      </QueryClientProvider>,
    );
}

/** Disabled as the browser sees it: by its own attribute or by a disabled fieldset around it. */
const isDisabled = (button: HTMLButtonElement) => button.matches(':disabled');
const editButtons = () => [screen.getByRole('button', { name: 'Edit the reply' }), screen.getByRole('button', { name: 'Edit your turn' })] as HTMLButtonElement[];

beforeEach(() => mockRenders.clear());

describe('the transcript while a reply streams', () => {
  it('draws only the live reply on each streamed frame, never a finished message again', () => {
    const rerender = renderTranscript();
    rerender({ stream: streaming('The') });
    rerender({ stream: streaming('The tide') });
    rerender({ stream: streaming('The tide turned.') });
    expect(mockRenders.get('The bell rang.')).toBe(1);
    expect(mockRenders.get('I listen.')).toBe(1);
    expect(mockRenders.get('The tide turned.')).toBe(1);
    expect(screen.getAllByRole('article', { name: 'Narrator' }).at(-1)?.textContent).toContain('The tide turned.');
  });

  it('enables the edit buttons when the game is no longer busy without drawing their messages again', () => {
    const rerender = renderTranscript();
    expect(editButtons().every(isDisabled)).toBe(true);
    rerender({ busy: false, stream: { ...streaming('Done.'), phase: 'ended', status: 'completed' } });
    expect(editButtons().every((button) => !isDisabled(button))).toBe(true);
    rerender({ busy: true, stream: { ...streaming('Done.'), phase: 'ended', status: 'completed' } });
    expect(editButtons().every(isDisabled)).toBe(true);
    expect(mockRenders.get('The bell rang.')).toBe(1);
    expect(mockRenders.get('I listen.')).toBe(1);
  });

  it('draws again only the message that stops being the last when another is added', () => {
    const rerender = renderTranscript();
    const settled = { ...reply, content: 'The tide turned.', status: 'completed' as const };
    rerender({ messages: [opening, turn, settled], liveReplyId: null, busy: false, stream: { ...streaming('The tide turned.'), phase: 'ended', status: 'completed' } });
    const rendersOfSettled = mockRenders.get('The tide turned.');
    // A new array holding the same message objects, as the query cache's structural sharing keeps them.
    rerender({ messages: [opening, turn, settled, message({ id: 'pending-x', role: 'player', content: 'I run.', mode: 'do', turn: 2 })], liveReplyId: null, busy: true });
    expect(mockRenders.get('The tide turned.')).toBe((rendersOfSettled ?? 0) + 1);
    expect(mockRenders.get('The bell rang.')).toBe(1);
    expect(mockRenders.get('I listen.')).toBe(1);
  });
});
