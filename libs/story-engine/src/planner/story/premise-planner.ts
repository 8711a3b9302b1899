import type { StoryWriterBrief } from '@storyos/domain';
import { STORY_TONES } from '../../lexicon/lexicons';
import { hashString, Rng } from '../../random';
import { fill, Picker, sentence } from '../phrasing';
import type { Segment, StoryPlan } from '../story-plan';
import { forChildren } from './audience';
import { PERSONA_VOICES } from './persona-voice';
import { storyWorld } from './story-world';
import { definite, introduce, pronouns } from './story-words';

type PremiseBrief = Extract<StoryWriterBrief, { task: 'story.premise' }>;

const HOOKS = ['stumbles upon {element}', 'is drawn into the mystery of {element}', 'is the first to notice {element}', 'finds {hisher} quiet life upended by {element}', 'must face {element}'];
const ALLIES = [
  '{other} wants answers too, but may not be the ally {he} seems.',
  'Only {other} seems to understand what is happening, and {other} is hiding something.',
  'With {other} at {hisher} side, {hero} follows the trail wherever it leads.',
  '{other} has every reason to help, and one very good reason not to.',
];

/** A premise in 2–4 sentences, present tense: the protagonist, the setting, the central conflict, the tone. */
export function planStoryPremise(brief: PremiseBrief, seed: number): StoryPlan {
  const rng = new Rng((seed ^ hashString(`premise\n${brief.title}`)) >>> 0);
  const p = new Picker(rng);
  const { setup } = brief;
  const world = storyWorld(setup);
  const lex = STORY_TONES[setup.tone];
  const hero = world.hero;
  const other = world.others[0];
  const heroPronouns = pronouns(hero);
  const vars = {
    hero: hero.shortName,
    element: world.elements[0]!,
    theElement: definite(world.elements[0]!),
    other: other?.shortName ?? '',
    hisher: heroPronouns.possessive,
    he: other ? pronouns(other).subject : 'they',
  };
  const sentences: string[] = [];
  const hook = fill(p.pick(HOOKS), vars);
  if (world.settingPhrase) sentences.push(`In ${world.settingPhrase}, ${introduce(hero)} ${hook}.`);
  else {
    sentences.push(world.settingSentence ?? '');
    sentences.push(`There, ${introduce(hero)} ${hook}.`);
  }
  if (other) sentences.push(fill(p.pick(ALLIES), { ...vars, other: other.name }));
  const second = world.elements[1];
  const stakes = fill(p.pick(lex.stakes), vars);
  sentences.push(second ? `${stakes.replace(/[.!]$/, '')}, while ${definite(second)} threatens everything.` : stakes);
  const voice = PERSONA_VOICES[setup.persona];
  if (sentences.length < 4) sentences.push(`A ${setup.tone.toLowerCase()} story of ${voice.theme}.`);
  const written = sentences.filter(Boolean).map(sentence).slice(0, 4);
  const shaped = setup.audienceAgeGroup === 'Children' ? written.flatMap(forChildren).slice(0, 4) : written;
  const segments: Segment[] = [{ kind: 'text', text: shaped.join(' ') }];
  return { segments, playerName: '', pov: 'third', mood: lex.mood };
}
