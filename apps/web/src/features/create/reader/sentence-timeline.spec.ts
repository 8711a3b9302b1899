import type { MediaPart } from '@storyos/contracts';
import { sentenceAt, sentenceTimeline } from './sentence-timeline';

const part = (index: number, text: string, durationMs: number | null): MediaPart => ({
  index,
  mediaId: '00000000-0000-4000-8000-00000000000' + String(index),
  kind: 'narration',
  contentType: 'audio/mpeg',
  durationMs,
  width: null,
  height: null,
  text,
});

describe('when the narration reads each sentence', () => {
  const text = 'Pip was a shy dragon. He could not swim. One day he tried.';

  it('takes each sentence’s time from the narration piece that speaks it', () => {
    const timeline = sentenceTimeline(text, [part(1, 'He could not swim.', 1000), part(0, 'Pip was a shy dragon.', 2000), part(2, 'One day he tried.', 1500)], null);
    expect(timeline.map(({ text: sentence, startMs, endMs }) => [sentence, startMs, endMs])).toEqual([
      ['Pip was a shy dragon.', 0, 2000],
      ['He could not swim.', 2000, 3000],
      ['One day he tried.', 3000, 4500],
    ]);
  });

  it('splits a piece that holds two sentences by their length', () => {
    const timeline = sentenceTimeline('Go! Then rest a while.', [part(0, 'Go! Then rest a while.', 2200)], null);
    // "Go!" is 3 of the 21 characters.
    expect(timeline[0]!.endMs).toBeCloseTo((2200 * 3) / 21);
    expect(timeline[1]).toMatchObject({ startMs: timeline[0]!.endMs, endMs: 2200 });
  });

  it('spreads the whole recording over the text when the pieces have no durations', () => {
    const timeline = sentenceTimeline(text, [part(0, text, null)], 5800);
    expect(timeline).toHaveLength(3);
    expect(timeline[0]!.startMs).toBe(0);
    expect(timeline[2]!.endMs).toBeCloseTo(5800);
  });

  it('finds the sentence being read, and none after the end', () => {
    const timeline = sentenceTimeline(text, [part(0, 'Pip was a shy dragon.', 2000), part(1, 'He could not swim. One day he tried.', 2000)], null);
    expect(sentenceAt(timeline, 500)).toBe(0);
    expect(sentenceAt(timeline, 2100)).toBe(1);
    expect(sentenceAt(timeline, 3900)).toBe(2);
    expect(sentenceAt(timeline, 9000)).toBe(-1);
  });
});
