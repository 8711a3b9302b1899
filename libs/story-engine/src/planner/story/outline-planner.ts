import type { OutlineChapter } from '@storyos/contracts';
import { clampChapters, type StoryWriterBrief } from '@storyos/domain';
import { hashString, Rng } from '../../random';
import { fill, Picker, sentence } from '../phrasing';
import { stageOf, type ArcStage } from './arc';
import { storyWorld } from './story-world';
import { definite, pronouns, titleCase } from './story-words';

type OutlineBrief = Extract<StoryWriterBrief, { task: 'story.outline' }>;
type Ending = OutlineBrief['setup']['endingPreference'];

const TITLES: Record<Exclude<ArcStage, 'resolution' | 'epilogue'>, string[]> = {
  setup: ['{Element}', 'Where It Began', 'An Ordinary Morning in {PlaceTitle}', 'The First Sign'],
  complication: ['The First Lie', 'A Door Left Open', '{Other} Asks a Question', 'More Than It Seemed'],
  deepening: ['Old Footprints', 'What {Other} Knew', 'The Missing Hour', 'Deeper Water'],
  midpoint: ['The Turn', 'The Truth About {TheElement}', 'Everything Changes', 'A Light at {spotTitle}'],
  crisis: ['The Darkest Hour', 'Breaking Point', 'No Way Back', 'Alone at {spotTitle}'],
};
const ENDING_TITLES: Record<Ending, string[]> = {
  Happy: ['Homecoming', 'Morning Comes', 'All Is Well'],
  Tragic: ['The Price', 'What Was Lost', 'The Last Light'],
  'Open-ended': ['The Open Road', 'What Comes Next', 'An Unfinished Page'],
  Twist: ['The Reveal', 'All Along', 'The Last Clue'],
  Bittersweet: ['What Remains', 'The Long Goodbye', 'Something Kept'],
};

const SUMMARIES: Record<Exclude<ArcStage, 'resolution' | 'epilogue'>, string[]> = {
  setup: ['In {place}, {Hero} first encounters {element}, and {other} takes a sudden interest.', '{Hero}’s ordinary days in {place} end when {element} appears, and {other} is the first to notice.'],
  complication: ['{Hero} learns that {theElement} is tied to {element2}; {other} warns {heroObj} to stop asking questions.', 'A second surprise at {spot} shows {Hero} that {theElement} was no accident, and {other} is not telling everything.'],
  deepening: ['Following the trail to {spot}, {Hero} uncovers a secret that casts {other} in a new light.', '{Hero} retraces every step and finds what everyone else missed at {spot}.'],
  midpoint: ['At {spot}, a revelation changes everything: {theElement} is not what it seemed.', '{Hero} finally understands what {theElement} means, and nothing can be the same again.'],
  crisis: ['{Hero} loses the trust of {other} and must face {element2} alone, with everything at stake.', 'Everything {Hero} has built collapses at {spot}, and the way forward seems lost.'],
};
const ENDING_SUMMARIES: Record<Ending, string> = {
  Happy: '{Hero} faces the truth at {spot}, sets things right with {other}’s help, and finds where {heroSubj} belongs.',
  Tragic: '{Hero} uncovers the truth at {spot}, but the price is everything {heroSubj} hoped to keep.',
  'Open-ended': '{Hero} resolves the matter of {theElement}, but a final discovery leaves the future open.',
  Twist: 'At {spot}, a last revelation shows that {other} was behind {theElement} all along.',
  Bittersweet: '{Hero} wins through at {spot}, but must say goodbye to {other} and to the life {heroSubj} knew.',
};

/** A deterministic outline: 3–6 chapters (or the count asked for, 3–8) following the arc, ending as the setup prefers. */
export function planStoryOutline(brief: OutlineBrief, seed: number): OutlineChapter[] {
  const rng = new Rng((seed ^ hashString(`outline\n${brief.title}\n${brief.premise}`)) >>> 0);
  const p = new Picker(rng);
  const { setup } = brief;
  const world = storyWorld(setup);
  const count = brief.chapterCount === undefined ? 3 + rng.int(4) : clampChapters(brief.chapterCount);
  const hero = world.hero;
  const heroPronouns = pronouns(hero);
  const chapters: OutlineChapter[] = [];
  for (let index = 0; index < count; index++) {
    const stage = stageOf(index, count);
    const other = world.others.length > 0 ? world.others[index % world.others.length]!.shortName : 'a stranger';
    const element = world.elements[index % world.elements.length]!;
    const element2 = world.elements[(index + 1) % world.elements.length]!;
    const spot = world.spots[index % world.spots.length]!;
    const vars: Record<string, string> = {
      Hero: index === 0 ? hero.name : hero.shortName,
      heroObj: heroPronouns.object,
      heroSubj: heroPronouns.subject,
      place: world.place,
      PlaceTitle: titleCase(world.place.replace(/^the\s+/i, '')),
      spot,
      spotTitle: spot.replace(/^(the\s+)?(.*)$/i, (_m, article: string | undefined, rest: string) => `${article ? 'the ' : ''}${titleCase(rest)}`),
      other,
      Other: titleCase(other),
      element,
      Element: titleCase(element),
      theElement: definite(element),
      TheElement: titleCase(definite(element).replace(/^the\s+/i, '')),
      element2: element2 === element ? 'the people who want it buried' : definite(element2),
    };
    const title = stage === 'resolution' || stage === 'epilogue' ? p.pick(ENDING_TITLES[setup.endingPreference]) : p.pick(TITLES[stage]);
    const summary = stage === 'resolution' || stage === 'epilogue' ? ENDING_SUMMARIES[setup.endingPreference] : p.pick(SUMMARIES[stage]);
    chapters.push({ title: literal(fill(title, vars)), summary: sentence(literal(fill(summary, vars))) });
  }
  return chapters;
}

/** fill() capitalises keys written with a capital; these keys are already in their final case. */
function literal(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
