import { splitSentences, type StoryBrief } from '@storyos/domain';
import { STORY_TONES } from '../../lexicon/lexicons';
import { hashString, Rng } from '../../random';
import { fill, Picker, sentence } from '../phrasing';
import type { StoryPlan } from '../story-plan';
import { heroVars, personOf } from './narrator';
import { storyWorld } from './story-world';

type RewriteBrief = Extract<StoryBrief, { task: 'story.rewrite' }>;

/** Sentences that begin with one of these can take a time phrase in front ("Late that evening, the bell rang."). */
const PLAIN_OPENING = /^(?:The|A|An|It|There|Then|He|She|They|We|You|His|Her|Their|Our|Its|This|That|Nobody|Someone|Everyone)\b/;

/**
 * The offline storyteller's take on a selected passage. It cannot paraphrase
 * like a language model, so it works with the passage's own sentences and the
 * tone's words: shorten keeps the sentences that carry the most, expand and
 * describe weave in the tone's sounds, airs and feelings in the story's
 * point of view, rewrite retells it with a new opening and joins. Each seed
 * (each alternative) picks differently.
 */
export function planRewrite(brief: RewriteBrief, seed: number): StoryPlan {
  const rng = new Rng((seed ^ hashString(`rewrite\n${brief.mode}\n${brief.passage}`)) >>> 0);
  const p = new Picker(rng);
  const world = storyWorld(brief.setup);
  const lex = STORY_TONES[brief.setup.tone];
  const person = personOf(brief.setup.narrativePov);
  const vars = { place: world.place, spot: p.pick(world.spots), other: world.others[0]?.shortName ?? 'someone', thing: p.pick(lex.things), ...heroVars(person, world.hero, false) };
  const told = (template: string) => sentence(fill(template, vars));
  const sentences = splitSentences(brief.passage.replace(/\s+/g, ' ').trim());
  let out: string[];
  switch (brief.mode) {
    case 'shorten':
      out = shorten(sentences, rng);
      break;
    case 'expand':
      out = sentences.flatMap((line, index) => (index % 2 === 0 ? [line, told(p.pick(rng.chance(0.5) ? lex.sounds : lex.feelings))] : [line]));
      out.push(told(p.pick(lex.feelings)));
      break;
    case 'describe':
      out = [told(`${p.pick(lex.times)}, ${p.pick(lex.airs)}`), ...sentences.slice(0, 1), told(p.pick(lex.sounds)), ...sentences.slice(1), told(p.pick(lex.sounds))];
      break;
    case 'rewrite':
      out = retell(sentences, `${p.pick(lex.times)}`, rng);
      out.push(told(p.pick(lex.feelings)));
      break;
  }
  return { segments: [{ kind: 'text', text: out.join(' ') }], playerName: '', pov: person, mood: lex.mood };
}

/** About half the sentences, the first always (it sets the scene), long ones cut at their first clause. */
function shorten(sentences: string[], rng: Rng): string[] {
  if (sentences.length === 0) return [];
  const keep = Math.max(1, Math.ceil(sentences.length / 2));
  const rest = sentences.slice(1).map((line, index) => ({ line, index, score: line.length + rng.next() * 40 }));
  const chosen = rest.sort((a, b) => b.score - a.score).slice(0, keep - 1).sort((a, b) => a.index - b.index).map((item) => item.line);
  const kept = [sentences[0]!, ...chosen];
  return kept.map((line) => cutAtClause(line, rng));
}

/** "She ran down the stair, past the clocks, and out into the rain." → "She ran down the stair." when it is long enough to cut. */
function cutAtClause(line: string, rng: Rng): string {
  if (line.length < 70 || /["“”]/.test(line)) return line;
  const comma = line.indexOf(', ');
  if (comma < 25 || rng.chance(0.3)) return line;
  return `${line.slice(0, comma)}.`;
}

/** A time phrase in front of the first plain sentence, and short neighbours joined, so it reads as a new telling of the same events. */
function retell(sentences: string[], time: string, rng: Rng): string[] {
  const out: string[] = [];
  let opened = false;
  for (const line of sentences) {
    const previous = out.at(-1);
    if (!opened && PLAIN_OPENING.test(line) && !/^(?:I|I'm)\b/.test(line)) {
      out.push(`${time}, ${line.charAt(0).toLowerCase()}${line.slice(1)}`);
      opened = true;
      continue;
    }
    if (previous && previous.length + line.length < 140 && /\.$/.test(previous) && !/["“”]/.test(previous + line) && rng.chance(0.6)) {
      const joined = /^(?:I|[A-Z][a-z]+\s+[A-Z]|[A-Z][a-z]*[A-Z])/.test(line) || !PLAIN_OPENING.test(line) ? line : `${line.charAt(0).toLowerCase()}${line.slice(1)}`;
      out[out.length - 1] = `${previous.slice(0, -1)}, and ${joined}`;
      continue;
    }
    out.push(line);
  }
  return out;
}
