import { CATCH_UP_FRAMES, MIN_CHARS_PER_FRAME, nextRevealLength, revealedText } from './reveal';

describe('revealing streamed text at a reading pace', () => {
  it('shows a burst over many frames instead of at once', () => {
    let shown = 0;
    const lengths: number[] = [];
    while (shown < 600) {
      shown = nextRevealLength(shown, 600);
      lengths.push(shown);
    }
    expect(lengths.length).toBeGreaterThan(20);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('catches up with a long backlog within about the catch-up frames', () => {
    let shown = 0;
    let frames = 0;
    while (shown < 20_000) {
      shown = nextRevealLength(shown, 20_000);
      frames += 1;
    }
    expect(frames).toBeLessThanOrEqual(CATCH_UP_FRAMES * 6);
  });

  it('never goes past the text or backwards', () => {
    expect(nextRevealLength(10, 11)).toBe(11);
    expect(nextRevealLength(11, 11)).toBe(11);
    expect(nextRevealLength(0, 100)).toBeGreaterThanOrEqual(MIN_CHARS_PER_FRAME);
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
