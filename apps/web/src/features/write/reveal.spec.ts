import { CATCH_UP_MS, MIN_CHARS_PER_SECOND, nextRevealLength, revealedText } from './reveal';

const FRAME_MS = 1000 / 60;

/** How long revealing `length` characters takes at frames `frameMs` apart, and in how many frames. */
function reveal(length: number, frameMs: number): { ms: number; frames: number; lengths: number[] } {
  let shown = 0;
  const lengths: number[] = [];
  while (shown < length) {
    shown = nextRevealLength(shown, length, frameMs);
    lengths.push(shown);
  }
  return { ms: lengths.length * frameMs, frames: lengths.length, lengths };
}

describe('revealing streamed text at a reading pace', () => {
  it('shows a burst over many frames instead of at once', () => {
    const { frames, lengths } = reveal(600, FRAME_MS);
    expect(frames).toBeGreaterThan(20);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('catches up with a long backlog within a few catch-up times', () => {
    expect(reveal(20_000, FRAME_MS).ms).toBeLessThanOrEqual(CATCH_UP_MS * 6);
  });

  it('keeps its pace by the clock when frames come seldom (a busy device), in bigger steps', () => {
    const smooth = reveal(600, FRAME_MS);
    const choppy = reveal(600, 500);
    expect(choppy.ms).toBeLessThanOrEqual(smooth.ms + 500);
    expect(choppy.frames).toBeLessThan(smooth.frames);
  });

  it('never goes past the text or backwards', () => {
    expect(nextRevealLength(10, 11, FRAME_MS)).toBe(11);
    expect(nextRevealLength(11, 11, FRAME_MS)).toBe(11);
    expect(nextRevealLength(5, 100, 0)).toBeGreaterThan(5);
    expect(nextRevealLength(0, 100, 1000)).toBeGreaterThanOrEqual(MIN_CHARS_PER_SECOND * 0.5);
  });

  it('ends the shown part at a word, and only ever grows', () => {
    expect(revealedText('The bell rang twice', 11)).toBe('The bell');
    expect(revealedText('The bell rang twice', 13)).toBe('The bell rang');
    expect(revealedText('The bell rang twice', 40)).toBe('The bell rang twice');
    const text = 'Far below, the sea rolled in long black ridges, silver where the beam touched them.';
    const lengths = Array.from({ length: text.length + 1 }, (_, length) => revealedText(text, length).length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });
});
