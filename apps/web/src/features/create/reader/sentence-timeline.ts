import type { MediaPart } from '@storyos/contracts';
import { sentencesOf } from '@storyos/domain';

/** One sentence of a scene and when the narration speaks it. */
export interface TimedSentence {
  text: string;
  startMs: number;
  endMs: number;
}

const weight = (sentence: string) => Math.max(1, sentence.length);

/** Spreads `durationMs` over the sentences in proportion to their length: speech takes about as long as the text is. */
function spread(sentences: readonly string[], startMs: number, durationMs: number): TimedSentence[] {
  const total = sentences.reduce((sum, sentence) => sum + weight(sentence), 0);
  let at = startMs;
  return sentences.map((text) => {
    const length = (durationMs * weight(text)) / total;
    const timed = { text, startMs: at, endMs: at + length };
    at += length;
    return timed;
  });
}

/**
 * When each sentence of the scene is read in its narration. The narration's
 * parts are sentence-sized pieces with their own durations, so a sentence's
 * time comes from its part (split by length when a part holds several). When
 * the parts do not line up with the text, or have no durations, the whole
 * recording is spread over the text instead.
 */
export function sentenceTimeline(text: string, parts: readonly MediaPart[], totalDurationMs: number | null): TimedSentence[] {
  const sentences = sentencesOf(text);
  const ordered = [...parts].sort((a, b) => a.index - b.index);
  if (ordered.length > 0 && ordered.every((part) => part.durationMs !== null)) {
    let at = 0;
    const fromParts = ordered.flatMap((part) => {
      const timed = spread(sentencesOf(part.text), at, part.durationMs ?? 0);
      at += part.durationMs ?? 0;
      return timed;
    });
    if (fromParts.length === sentences.length) return fromParts.map((timed, index) => ({ ...timed, text: sentences[index] ?? timed.text }));
    if (totalDurationMs === null) totalDurationMs = at;
  }
  return spread(sentences, 0, totalDurationMs ?? 0);
}

/** The sentence being read at `ms`, or -1 before the first and after the last. */
export function sentenceAt(timeline: readonly TimedSentence[], ms: number): number {
  return timeline.findIndex((sentence) => ms >= sentence.startMs && ms < sentence.endMs);
}
