import { TONE_LEXICON } from '../lexicon/lexicons';
import { Rng } from '../random';
import { INVENTED_NAMES } from '../text/names';
import { splitSentences } from '@storyos/domain';
import { Picker } from './phrasing';
import type { Segment, StoryPlan } from './story-plan';

/**
 * For requests without a brief: a short story that continues the user's last
 * message. The model writes it sentence by sentence; the templates stand in
 * when it is absent.
 */
export function planFreeStory(message: string, seed: number): StoryPlan {
  const rng = new Rng(seed);
  const p = new Picker(rng);
  const lex = TONE_LEXICON.whimsical;
  const hero = heroOf(message);
  const place = p.pick(['the meadow', 'the little town', 'the old garden', 'the forest']);
  const fallbacks = [
    `${hero} looked around ${place} and smiled.`,
    `${p.pick(lex.sounds)}`,
    `${hero} found ${p.pick(lex.things)}.`,
    `"${p.pick(lex.lines)}" said ${hero}.`,
    `${p.pick(lex.feelings)}`,
    `In the end, ${hero} went home happy, with a story to tell.`,
  ];
  const segments: Segment[] = fallbacks.map((fallback) => ({ kind: 'model', cast: [hero], fallback, seed: rng.fork() }));
  return { segments, context: splitSentences(message).slice(-2).join(' '), playerName: '', mood: lex.mood };
}

/** A name from the message (not a sentence opener), else a friendly invented one. */
function heroOf(message: string): string {
  for (const sentence of splitSentences(message)) {
    const words = sentence.split(/\s+/).slice(1);
    const name = words.map((w) => w.replace(/[^\p{L}]/gu, '')).find((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
    if (name) return name;
  }
  const invented = message.split(/\W+/).find((w) => INVENTED_NAMES.has(w));
  return invented ?? 'Pip';
}
