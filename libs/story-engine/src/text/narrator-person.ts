import type { StoryCharacter } from '@storyos/domain';
import type { Person } from '../planner/story/narrator';

/** Words after "her" that show it is an object ("distrusts her and …"), not a possessive ("her rival"). */
const NOT_A_NOUN_AFTER = /^(?:and|or|but|nor|so|yet|to|in|on|at|with|for|from|of|by|as|when|while|because|since|that|who|whom|which|than|too|again|anyway|back|away|out|up|down|off|over|there|here|now|then|more|most|very|is|was|are|were)$/i;

interface PersonWords {
  subject: string;
  object: string;
  possessive: string;
  possessivePronoun: string;
  reflexive: string;
}

const NARRATOR_WORDS: Record<Exclude<Person, 'third'>, PersonWords> = {
  first: { subject: 'I', object: 'me', possessive: 'my', possessivePronoun: 'mine', reflexive: 'myself' },
  second: { subject: 'you', object: 'you', possessive: 'your', possessivePronoun: 'yours', reflexive: 'yourself' },
};

const THIRD: Record<'she' | 'he', { subject: string; objectOrPossessive: string[]; object: string | null; possessive: string | null; possessivePronoun: string; reflexive: string }> = {
  she: { subject: 'she', objectOrPossessive: ['her'], object: null, possessive: null, possessivePronoun: 'hers', reflexive: 'herself' },
  he: { subject: 'he', objectOrPossessive: [], object: 'him', possessive: 'his', possessivePronoun: 'his', reflexive: 'himself' },
};

function keepCase(original: string, replacement: string): string {
  if (replacement === 'I') return 'I';
  return /^\p{Lu}/u.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/**
 * Text the setup wrote about the protagonist in the third person ("Bram,
 * her rival, who distrusts her") told by a first- or second-person narrator:
 * the protagonist's pronouns become the narrator's ("my rival, who distrusts
 * me"). Nothing changes in the third person, or when the setup does not say
 * which pronoun the protagonist has.
 */
export function inNarratorsPerson(text: string, hero: Pick<StoryCharacter, 'pronoun'>, person: Person): string {
  if (person === 'third') return text;
  const pronoun = hero.pronoun ?? onlyPronounIn(text);
  if (pronoun === null) return text;
  return agreeVerbs(swapPronouns(text, pronoun, person), person);
}

/**
 * When the setup does not say the protagonist's pronoun, a description that
 * uses only one ("her rival, who distrusts her") is about the protagonist:
 * nobody else is in the sentence it came from.
 */
function onlyPronounIn(text: string): 'she' | 'he' | null {
  const she = /\b(?:she|her|hers|herself)\b/i.test(text);
  const he = /\b(?:he|him|his|himself)\b/i.test(text);
  return she === he ? null : she ? 'she' : 'he';
}

/** "I is", "you has": the verbs that follow a swapped subject in the present or past. */
const AGREEMENT: Record<Exclude<Person, 'third'>, Record<string, string>> = {
  first: { is: 'am', has: 'have', does: 'do', was: 'was' },
  second: { is: 'are', has: 'have', does: 'do', was: 'were' },
};

function agreeVerbs(text: string, person: Exclude<Person, 'third'>): string {
  const subject = person === 'first' ? 'I' : '[Yy]ou';
  return text.replace(new RegExp(`\\b(${subject})\\s+(is|has|does|was)\\b`, 'g'), (_whole, who: string, verb: string) => `${who} ${AGREEMENT[person][verb] ?? verb}`);
}

function swapPronouns(text: string, pronoun: 'she' | 'he', person: Exclude<Person, 'third'>): string {
  const to = NARRATOR_WORDS[person];
  const from = THIRD[pronoun];
  const words = new RegExp(`\\b(${[from.subject, from.reflexive, from.possessivePronoun, ...from.objectOrPossessive, from.object, from.possessive].filter(Boolean).join('|')})\\b`, 'gi');
  return text.replace(words, (word: string, _group: string, offset: number, whole: string) => {
    const lower = word.toLowerCase();
    if (lower === from.subject) return keepCase(word, to.subject); // the verb after it is agreed below
    if (lower === from.reflexive) return keepCase(word, to.reflexive);
    if (lower === 'her') {
      const next = /^\s+([\p{L}'’-]+)/u.exec(whole.slice(offset + word.length));
      const possessive = next !== null && !NOT_A_NOUN_AFTER.test(next[1]!);
      return keepCase(word, possessive ? to.possessive : to.object);
    }
    if (lower === 'him') return keepCase(word, to.object);
    // "his" before a noun is a possessive, alone it is "mine"; "hers" is always the pronoun.
    if (lower === 'his') {
      const next = /^\s+([\p{L}'’-]+)/u.exec(whole.slice(offset + word.length));
      return keepCase(word, next !== null && !NOT_A_NOUN_AFTER.test(next[1]!) ? to.possessive : to.possessivePronoun);
    }
    return keepCase(word, to.possessivePronoun);
  });
}
