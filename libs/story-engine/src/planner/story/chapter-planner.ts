import { chapterHeading, chapterTitleAt, isFinalChapter, type StoryWriterBrief } from '@storyos/domain';
import { STORY_TONES } from '../../lexicon/lexicons';
import { hashString, Rng } from '../../random';
import { fill, Picker, sentence } from '../phrasing';
import type { Segment, StoryPlan } from '../story-plan';
import { stageOf } from './arc';
import { forChildren, joinForAdults } from './audience';
import { ENDING_LINES, FINDS, OMNISCIENT, RECAPS, SOLO_TWIST, STAGE_BEATS, STRANGERS } from './chapter-lines';
import { heroVars, modelVars, personOf } from './narrator';
import { CHILDREN_LESSONS, PERSONA_VOICES } from './persona-voice';
import { writerScene } from './model-scene';
import { storyWorld } from './story-world';
import { definite, describedAs, introduce, pronouns } from './story-words';
import { inNarratorsPerson } from '../../text/narrator-person';

type ChapterBrief = Extract<StoryWriterBrief, { task: 'story.chapter' }>;

/** Fillers are written while the chapter is shorter than this; model slots are skipped past MAX. */
const MIN_WORDS = 200;
const MAX_WORDS = 330;
/** Model tries per slot: the forward pass is fast (~1,500 tok/s), and the bar below refuses most of them. */
const WRITER_TRIES = 10;
/** Tries the model itself found less likely than this (mean nats per token) are refused. */
const WRITER_MIN_MEAN_LOG_PROB = -2.2;

/** solo: never joined with a neighbour (introductions, speech, the ending). */
type TextItem = { kind: 'text'; text: string; model: string; filler?: boolean; solo?: boolean };
type ModelItem = { kind: 'model'; fallback: string; cast: string[]; prompt: string; lead: string; subject: { name: string; pronoun: 'he' | 'she' | null } };
/** How a model sentence opens after its subject's name: a plain past-tense verb keeps the 260K model in a sentence about them. */
const SOUND_VERBS = ['heard', 'saw', 'looked at', 'listened to'];
const FEELING_VERBS = ['felt', 'was', 'knew', 'wanted to'];
type Item = TextItem | ModelItem;

/**
 * One chapter: its `## Title` heading, then three paragraphs of planner
 * sentences in the story's point of view with model passages between them.
 * The persona, tone and audience shape the wording; the last chapter closes
 * with the ending the setup prefers.
 */
export function planStoryChapter(brief: ChapterBrief, seed: number): StoryPlan {
  const { setup, outline, chapterIndex } = brief;
  const title = chapterTitleAt(outline, chapterIndex);
  const rng = new Rng((seed ^ hashString(`chapter\n${chapterIndex}\n${title}`)) >>> 0);
  const p = new Picker(rng);
  const world = storyWorld(setup);
  const lex = STORY_TONES[setup.tone];
  const persona = PERSONA_VOICES[setup.persona];
  const person = personOf(setup.narrativePov);
  const stage = stageOf(chapterIndex, outline.chapters.length);
  const hero = world.hero;
  const otherCharacter = world.others.length > 0 ? world.others[chapterIndex % world.others.length]! : null;
  const other = otherCharacter?.shortName ?? p.pick(STRANGERS);
  const element = world.elements[chapterIndex % world.elements.length]!;
  const base: Record<string, string> = { place: world.place, spot: p.pick(world.spots), other, thing: p.pick(lex.things), element, theElement: definite(element) };

  // Each sentence in the story's voice, and in the third person for the model's prompts.
  const say = (template: string, paragraphStart = false, filler = false): TextItem => ({
    kind: 'text',
    text: sentence(fill(template, { ...base, ...heroVars(person, hero, paragraphStart) })),
    model: sentence(fill(template, { ...base, ...modelVars(hero) })),
    filler,
  });
  // The model writes about a cast member the setup names (a stranger is never the subject); the narrator in the first or second person gets no pronoun.
  const model = (fallback: string, focus: string, verbs: readonly string[]): Item => {
    const character = [hero, ...world.others].find((c) => c.shortName === focus) ?? hero;
    const pronoun = character === hero && person !== 'third' ? null : character.pronoun;
    return {
      kind: 'model',
      fallback: sentence(fill(fallback, { ...base, ...heroVars(person, hero, false) })),
      cast: castOf(character.shortName, hero.shortName, world.others.map((o) => o.shortName)),
      prompt: writerScene(character, [hero, ...world.others], world.place, setup.tone),
      lead: `${character.shortName} ${p.pick(verbs)}`,
      subject: { name: character.shortName, pronoun },
    };
  };

  const opening: Item[] = [say(`${p.pick(lex.times)}, ${p.pick(lex.airs)}.`, true)];
  if (chapterIndex === 0) {
    opening.push({ ...introLine(person, hero.name, describedAs(hero.description), inNarratorsPerson(describedAs(hero.description), hero, person), world.place, pronouns(hero).possessive), solo: true });
    if (world.settingPhrase) opening.push(say(`This was ${world.settingPhrase}.`));
    else if (world.settingSentence) opening.push(say(world.settingSentence));
  } else opening.push(say(p.pick(RECAPS)));
  opening.push(say(p.pick(STAGE_BEATS[stage][0])));
  opening.push(model(p.pick(lex.sounds), hero.shortName, SOUND_VERBS));

  const meeting: Item[] = [];
  const gesture = say(p.pick(lex.gestures), true);
  // The setup describes the others in the third person ("her rival"): a first- or second-person narrator says "my rival".
  if (chapterIndex === 0 && otherCharacter?.description) gesture.text = gesture.text.replace(other, inNarratorsPerson(introduce(otherCharacter), hero, person));
  meeting.push(gesture);
  const line = p.pick(lex.lines);
  meeting.push(say(rng.chance(0.5) ? `{other} said, "${line}"` : `"${line.replace(/\.$/, ',')}" said {other}.`));
  meeting.push(model(p.pick(lex.feelings), other, FEELING_VERBS));
  meeting.push(say(p.pick(lex.feelings)));
  meeting.push(say(p.pick(persona.asides)));
  if (setup.narrativePov === 'Third Person Omniscient') meeting.push(say(p.pick(OMNISCIENT)));

  const closing: Item[] = [say(p.pick(STAGE_BEATS[stage][1]), true)];
  if (stage !== 'resolution') closing.push(say(p.pick(FINDS)));
  closing.push(model(p.pick(lex.sounds), hero.shortName, SOUND_VERBS));
  // Fillers keep a chapter above ~150 words when the model's passages were short or skipped.
  closing.push(say(p.pick(lex.feelings), false, true));
  closing.push(say(p.pick(persona.asides), false, true));
  closing.push(say(p.pick(lex.sounds), false, true));
  closing.push(say(p.pick(STAGE_BEATS[stage][1]), false, true));
  closing.push(say(p.pick(lex.feelings), false, true));
  closing.push(say(p.pick(lex.sounds), false, true));
  closing.push(say(p.pick(persona.asides), false, true));
  if (isFinalChapter(outline, chapterIndex)) {
    const endings = ENDING_LINES[setup.endingPreference];
    const anchor = setup.endingPreference === 'Twist' && !otherCharacter ? SOLO_TWIST : endings[0]!;
    closing.push(say(p.pick(endings.slice(1))));
    closing.push({ ...say(anchor), solo: true });
  } else closing.push({ ...say(p.pick(lex.hooks)), solo: true });
  if (setup.persona === "Children's Book Author") closing.push(say(`And so {i} learned that ${p.pick(CHILDREN_LESSONS)}.`));

  const names = [hero.name, hero.shortName, ...world.others.flatMap((o) => [o.name, o.shortName])];
  const segments: Segment[] = [{ kind: 'text', text: chapterHeading(title) }];
  for (const paragraph of [opening, meeting, closing]) {
    const shaped = shape(paragraph, setup.audienceAgeGroup, rng, names);
    shaped.forEach((item, i) => segments.push(toSegment(item, i === 0, rng)));
  }
  return { segments, playerName: hero.name, pov: person, narratorNames: [hero.name, hero.shortName], mood: lex.mood, strictPassages: true, tries: WRITER_TRIES, minMeanLogProb: WRITER_MIN_MEAN_LOG_PROB };
}

/** `description` as the setup wrote it (third person, for the model); `told` in the narrator's person. */
function introLine(person: ReturnType<typeof personOf>, name: string, description: string, told: string, place: string, possessive: string): TextItem {
  const third = description ? `${name} was ${description}.` : `${name} had lived in ${place} all ${possessive} life.`;
  const text =
    person === 'first'
      ? description
        ? `My name was ${name}, and I was ${told}.`
        : `My name was ${name}, and I had lived in ${place} all my life.`
      : person === 'second'
        ? description
          ? `You were ${name}, ${told}.`
          : `You were ${name}, and you had lived in ${place} all your life.`
        : third;
  return { kind: 'text', text, model: third };
}

/** The model's invented names become the focus character first, then the rest of the cast. */
function castOf(focus: string, hero: string, others: string[]): string[] {
  return [focus, ...[hero, ...others].filter((name) => name !== focus)];
}

/** Children get one idea per sentence; adults get neighbouring sentences joined into longer ones. */
function shape(items: Item[], audience: ChapterBrief['setup']['audienceAgeGroup'], rng: Rng, names: string[]): Item[] {
  if (audience === 'Children') {
    return items.flatMap((item): Item[] => {
      if (item.kind !== 'text') return [item];
      const models = forChildren(item.model);
      return forChildren(item.text).map((text, i) => ({ ...item, text, model: models[i] ?? item.model }));
    });
  }
  if (audience !== 'Adults') return items;
  const out: Item[] = [];
  for (const item of items) {
    const previous = out[out.length - 1];
    if (item.kind === 'text' && previous?.kind === 'text' && !previous.filler && !item.filler && !previous.solo && !item.solo && !previous.text.includes('; ') && !previous.text.includes(' — ')) {
      const joined = joinForAdults(previous.text, item.text, rng, names);
      if (joined) {
        out[out.length - 1] = { ...previous, text: joined, model: `${previous.model} ${item.model}` };
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

function toSegment(item: Item, paragraph: boolean, rng: Rng): Segment {
  if (item.kind === 'text') {
    return item.filler ? { kind: 'text', text: item.text, paragraph, onlyIfWordsBelow: MIN_WORDS } : { kind: 'text', text: item.text, paragraph };
  }
  return { kind: 'model', cast: item.cast, fallback: item.fallback, seed: rng.fork(), paragraph, skipIfWordsAbove: MAX_WORDS - 30, prompt: item.prompt, lead: item.lead, subject: item.subject };
}
