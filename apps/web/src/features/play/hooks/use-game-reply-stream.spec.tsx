import type { GameSession, GenerationStreamEvent, GenerationSubscribeAck, StreamEntry } from '@storyos/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createQueryClient } from '../../../lib/query-client';
import { playKeys } from '../queries';
import type { StreamStart } from '../../generation/use-generation-stream';
import { useGameReplyStream } from './use-game-reply-stream';

type Handler = (...args: never[]) => void;

/** Just enough of a socket.io client: listeners, a connected flag and recorded emits. */
class FakeSocket {
  connected = true;
  readonly handlers = new Map<string, Set<Handler>>();
  readonly emits: { event: string; payload: { generationId: string; afterSeq: number }; ack: (ack: GenerationSubscribeAck) => void }[] = [];
  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(handler);
    return this;
  }
  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  emit(event: string, payload: { generationId: string; afterSeq: number }, ack: (ack: GenerationSubscribeAck) => void) {
    this.emits.push({ event, payload, ack });
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }
}

const fakeSocket = new FakeSocket();
jest.mock('../../../lib/socket', () => ({ getSocket: () => fakeSocket }));

const GEN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const SESSION = '33333333-3333-4333-8333-333333333333';

const delta = (seq: number, text: string): StreamEntry => ({ type: 'delta', seq, text });
const end = (seq: number, status: 'completed' | 'stopped' | 'failed' = 'completed', error: string | null = null): StreamEntry => ({
  type: 'end',
  seq,
  status,
  finishReason: status === 'completed' ? 'stop' : null,
  error,
  usage: null,
});
const live = (entry: StreamEntry, generationId = GEN): GenerationStreamEvent => ({ generationId, entry });
/** As the server sends it: text in the compact `generation:delta` form, every other entry keyed. */
const fireLive = ({ generationId, entry }: GenerationStreamEvent) =>
  entry.type === 'delta' ? fakeSocket.fire('generation:delta', generationId, entry.seq, entry.text) : fakeSocket.fire('generation:entry', { generationId, entry });

let frames: FrameRequestCallback[] = [];
let renderCount = 0;
const runFrame = () =>
  act(() => {
    const pending = frames;
    frames = [];
    for (const callback of pending) callback(performance.now());
  });

beforeEach(() => {
  frames = [];
  fakeSocket.connected = true;
  fakeSocket.handlers.clear();
  fakeSocket.emits.length = 0;
  jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    frames.push(callback);
    return frames.length;
  });
  jest.spyOn(window, 'cancelAnimationFrame').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

function session(): GameSession {
  return {
    id: SESSION,
    title: 'The lighthouse',
    scenario: { id: OTHER, name: 'Lighthouse' },
    turnCount: 0,
    lastPlayedAt: '2025-01-01T00:00:00.000Z',
    createdAt: '2025-01-01T00:00:00.000Z',
    state: { worldState: '', currentLocation: 'Shore', characters: [], present: [], timeline: [], act: 1, chapter: 1, turnCount: 0 },
    messages: [
      { id: 'm1', role: 'narrator', content: '', mode: null, revision: 0, swipe: { index: 0, count: 1 }, context: null, generationId: GEN, status: 'streaming', error: null, finishReason: null, turn: 0, createdAt: '2025-01-01T00:00:00.000Z' },
    ],
    notes: { memory: '', authorsNote: '', version: 0 },
    storyCards: [],
    activeGenerationId: GEN,
    playerName: 'Ada',
    playerRole: 'Keeper',
  };
}

function renderStream(start: StreamStart | undefined, generationId: string | null = GEN) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(playKeys.session(SESSION), session());
  const invalidate = jest.spyOn(queryClient, 'invalidateQueries').mockResolvedValue(undefined);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook(
    ({ id, from }) => {
      renderCount += 1;
      return useGameReplyStream(id, from, SESSION);
    },
    {
    wrapper,
      initialProps: { id: generationId, from: start },
    },
  );
  return { ...hook, queryClient, invalidate };
}

describe('following a generation stream', () => {
  it('subscribes after what it already has and shows that text at once', () => {
    const { result } = renderStream({ text: 'Once upon', lastSeq: 4 });
    expect(fakeSocket.emits).toHaveLength(1);
    expect(fakeSocket.emits[0]?.payload).toEqual({ generationId: GEN, afterSeq: 4 });
    expect(result.current).toMatchObject({ text: 'Once upon', phase: 'streaming' });
  });

  it('waits for its starting point before subscribing', () => {
    const { rerender } = renderStream(undefined);
    expect(fakeSocket.emits).toHaveLength(0);
    rerender({ id: GEN, from: { text: '', lastSeq: 0 } });
    expect(fakeSocket.emits).toHaveLength(1);
  });

  it('commits many entries in one animation frame, not one render per entry', () => {
    const { result } = renderStream({ text: '', lastSeq: 0 });
    const rendersBefore = renderCount;
    act(() => {
      for (let seq = 1; seq <= 50; seq += 1) fireLive(live(delta(seq, 'a')));
    });
    expect(result.current.text).toBe('');
    expect(frames).toHaveLength(1);
    runFrame();
    expect(result.current.text).toBe('a'.repeat(50));
    expect(renderCount - rendersBefore).toBe(1);
  });

  it('applies a replay and overlapping live entries exactly once, in seq order', () => {
    const { result } = renderStream({ text: 'The ', lastSeq: 1 });
    act(() => {
      // Live entries 4 and 3 arrive before the replay that fills the gap.
      fireLive(live(delta(4, ' night')));
      fireLive(live(delta(3, ' dark')));
      fakeSocket.emits[0]?.ack({ ok: true, status: 'streaming', entries: [delta(2, 'sea was'), delta(3, ' dark'), delta(4, ' night')] });
      fireLive(live(delta(4, ' night')));
    });
    runFrame();
    expect(result.current.text).toBe('The sea was dark night');
    expect(result.current.lastSeq).toBe(4);
  });

  it('ignores entries of other generations', () => {
    const { result } = renderStream({ text: '', lastSeq: 0 });
    act(() => fireLive(live(delta(1, 'not mine'), OTHER)));
    runFrame();
    expect(result.current.text).toBe('');
  });

  it('clears the text on reset and continues with the retry', () => {
    const { result } = renderStream({ text: '', lastSeq: 0 });
    act(() => {
      fireLive(live(delta(1, 'A false start')));
      fireLive(live({ type: 'reset', seq: 2, attempt: 2, reason: 'Provider timed out' }));
    });
    runFrame();
    expect(result.current.text).toBe('');
    act(() => fireLive(live(delta(3, 'Take two'))));
    runFrame();
    expect(result.current.text).toBe('Take two');
  });

  it('subscribes again from the last applied seq after a reconnect', () => {
    renderStream({ text: '', lastSeq: 0 });
    act(() => {
      fireLive(live(delta(1, 'a')));
      fireLive(live(delta(2, 'b')));
      fakeSocket.connected = false;
      fakeSocket.connected = true;
      fakeSocket.fire('connect');
    });
    expect(fakeSocket.emits.map((emit) => emit.payload.afterSeq)).toEqual([0, 2]);
  });

  it('on the end entry shows the final status at once, puts the text in the session and reads the session again', () => {
    const { result, queryClient, invalidate } = renderStream({ text: '', lastSeq: 0 });
    act(() => {
      fireLive(live(delta(1, 'The end.')));
      fireLive(live(end(2)));
    });
    expect(result.current).toMatchObject({ text: 'The end.', phase: 'ended', status: 'completed' });
    const cached = queryClient.getQueryData<GameSession>(playKeys.session(SESSION));
    expect(cached?.messages[0]).toMatchObject({ content: 'The end.', status: 'completed' });
    // Still held: the world-state step takes the game over from the completed reply.
    expect(cached?.activeGenerationId).toBe(GEN);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: playKeys.session(SESSION) });
  });

  it('reports why a reply failed', () => {
    const { result } = renderStream({ text: '', lastSeq: 0 });
    act(() => fireLive(live(end(1, 'failed', 'The story engine is not reachable.'))));
    expect(result.current).toMatchObject({ phase: 'ended', status: 'failed', error: 'The story engine is not reachable.' });
  });

  it('treats a finished generation whose stream expired as ended with the text it started from', () => {
    const { result, invalidate } = renderStream({ text: 'All of it.', lastSeq: 9 });
    act(() => fakeSocket.emits[0]?.ack({ ok: true, status: 'stopped', entries: [] }));
    expect(result.current).toMatchObject({ text: 'All of it.', phase: 'ended', status: 'stopped' });
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it('stops listening when the generation changes', () => {
    const { rerender } = renderStream({ text: '', lastSeq: 0 });
    rerender({ id: null, from: { text: '', lastSeq: 0 } });
    expect(fakeSocket.handlers.get('generation:entry')?.size ?? 0).toBe(0);
    expect(fakeSocket.handlers.get('generation:delta')?.size ?? 0).toBe(0);
  });
});
