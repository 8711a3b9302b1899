import { act, renderHook } from '@testing-library/react';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import { useRevealedStream } from './use-revealed-stream';

const PREMISE = 'In a river town of clockmakers, in the last week before the great flood, Ada finds her quiet life upended.';

const streaming = (text: string): GenerationStreamView => ({ text, lastSeq: 3, phase: 'streaming', status: 'streaming', error: null, notice: null });
const ended = (text: string): GenerationStreamView => ({ text, lastSeq: 4, phase: 'ended', status: 'completed', error: null, notice: null });

let hidden = false;
const setHidden = (value: boolean) =>
  act(() => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  });

describe('useRevealedStream', () => {
  beforeAll(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  });
  afterAll(() => {
    delete (document as { hidden?: boolean }).hidden;
  });
  beforeEach(() => {
    hidden = false;
    // No animation frame ever comes: what is shown without one is what these tests read.
    jest.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
  });
  afterEach(() => jest.restoreAllMocks());

  it('in sight, keeps revealing after the stream ends, a frame at a time', () => {
    const { result, rerender } = renderHook(({ stream, live }) => useRevealedStream(stream, live), { initialProps: { stream: streaming(PREMISE), live: true } });
    rerender({ stream: ended(PREMISE), live: false });

    expect(result.current.showing).toBe(true);
    expect(result.current.writing).toBe(false);
    expect(result.current.text.length).toBeLessThan(PREMISE.length);
  });

  it('out of sight, shows every word at once, and gives the step back when the stream ends', () => {
    hidden = true;
    const { result, rerender } = renderHook(({ stream, live }) => useRevealedStream(stream, live), { initialProps: { stream: streaming(PREMISE), live: true } });
    expect(result.current.text).toBe(PREMISE);

    rerender({ stream: ended(PREMISE), live: false });
    expect(result.current.showing).toBe(false);
  });

  it('a page put out of sight halfway through the reveal finishes it at once', () => {
    const { result, rerender } = renderHook(({ stream, live }) => useRevealedStream(stream, live), { initialProps: { stream: streaming(PREMISE), live: true } });
    rerender({ stream: ended(PREMISE), live: false });
    expect(result.current.showing).toBe(true);

    setHidden(true);
    expect(result.current.showing).toBe(false);
  });
});
