import type { StoryCharacter } from '@storyos/contracts';
import { CHARACTER_NOUNS, singular } from './requirement-words';

/** A character as said: the noun ("dragon") lets a later "call the dragon Pip" find it. */
export interface SaidCharacter {
  /** Their name, or "the <noun>" when none was given. */
  name: string;
  named: boolean;
  noun: string | null;
  description: string;
}

/** Where a list of characters may begin: after these words, or at the very start of an answer. */
const LIST_STARTS = /(?:^|\b(?:about|starring|stars|featuring|with|meet|characters? (?:is|are)|hero is|heroes are|main character is|it'?s|its|there (?:is|are|was|were))\s+)/gi;
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'her', 'his', 'their', 'our', 'its', 'one', 'two', 'three', 'some', 'little']);
/** Words that end a list of adjectives: what follows is not a character. */
const NOT_ADJECTIVES = new Set(['story', 'tale', 'book', 'for', 'about', 'who', 'that', 'which', 'and', 'with', 'to', 'of', 'in', 'on', 'at', 'is', 'are', 'was', 'scene', 'scenes', 'page', 'pages', 'make', 'it', 'please']);
/** Who a parent means by "my …": the audience. */
const AUDIENCE_NOUNS = new Set(['kid', 'child', 'baby', 'boy', 'girl', 'twin', 'twins', 'family']);
/** A character noun followed by these is a kind of story, not a character. */
const NOT_CHARACTER_AFTER = new Set(['tale', 'tales', 'story', 'stories', 'book', 'books', 'song']);
/** Capitalised words that are not names when they start a sentence or an answer. */
const NOT_NAMES = new Set(['Something', 'Anything', 'Nothing', 'Everything', 'Someone', 'Somebody', 'Great', 'Perfect', 'Nice', 'Cool', 'Awesome', 'Thank', 'This', 'That', 'These', 'Those', 'There', 'Here', 'Now', 'Then', 'Also', 'Yeah', 'Yep', 'Nope', 'Good', 'Lovely', 'Wonderful', 'Dear', 'Story', 'A', 'An', 'The', 'I', 'It', 'Its', 'He', 'She', 'They', 'We', 'My', 'Her', 'His', 'Our', 'Their', 'Make', 'Call', 'Actually', 'Maybe', 'Yes', 'No', 'Oh', 'Um', 'Well', 'And', 'But', 'So', 'Please', 'Can', 'Could', 'Would', 'Let', 'Tell', 'Write', 'How', 'What', 'Once', 'In', 'On', 'At', 'For', 'With', 'About', 'Not', 'Just', 'Okay', 'Ok', 'Sure', 'Hi', 'Hello', 'Thanks', 'Today', 'Tonight', 'One', 'Two', 'Three']);

export interface CharacterListMatch {
  characters: SaidCharacter[];
  /** Where the list starts and ends in the text. */
  start: number;
  end: number;
}

/**
 * Character lists in the text: "about a shy dragon", "a princess and her
 * cat", "Mia and her dog Rex", "a girl named Mia". Each list starts at the
 * start of an answer or after "about", "starring", "with", … and runs while
 * the words still name characters.
 */
export function findCharacterLists(text: string): CharacterListMatch[] {
  const lists: CharacterListMatch[] = [];
  for (const start of text.matchAll(LIST_STARTS)) {
    const from = start.index + start[0].length;
    if (lists.some((list) => from >= list.start && from < list.end)) continue;
    const list = readList(text, from);
    if (list) lists.push(list);
  }
  return lists;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokensFrom(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.slice(from).matchAll(/[\p{L}\p{N}'’-]+|[,;.!?&]/gu)) tokens.push({ word: match[0], start: from + match.index, end: from + match.index + match[0].length });
  return tokens;
}

function readList(text: string, from: number): CharacterListMatch | null {
  const tokens = tokensFrom(text, from);
  const characters: SaidCharacter[] = [];
  let i = 0;
  let end = from;
  for (;;) {
    const item = readItem(tokens, i, characters.at(-1));
    if (!item) break;
    const members = item.character.noun && !item.character.named ? namedMembers(tokens, item.next, item.character.noun) : null;
    characters.push(...(members?.characters ?? [item.character]));
    i = members?.next ?? item.next;
    end = tokens[i - 1]!.end;
    const joiner = tokens[i]?.word.toLowerCase();
    if (joiner === 'and' || joiner === ',' || joiner === '&') {
      const afterComma = joiner === ',' && tokens[i + 1]?.word.toLowerCase() === 'and' ? 2 : 1;
      if (readItem(tokens, i + afterComma, characters.at(-1))) {
        i += afterComma;
        continue;
      }
    }
    break;
  }
  return characters.length > 0 ? { characters, start: from, end } : null;
}

/** "two dragons, Ember and Ash": the plural's members by name, each "a dragon". */
function namedMembers(tokens: readonly Token[], at: number, noun: string): { characters: SaidCharacter[]; next: number } | null {
  if (!/^[,:]$/.test(tokens[at]?.word ?? '')) return null;
  const names: string[] = [];
  let i = at + 1;
  while (tokens[i] && isName(tokens[i]!.word)) {
    names.push(tokens[i]!.word);
    i += 1;
    const joiner = tokens[i]?.word.toLowerCase();
    if ((joiner === 'and' || joiner === ',') && tokens[i + 1] && isName(tokens[i + 1]!.word)) i += 1;
    else break;
  }
  if (names.length < 2) return null;
  return { characters: names.map((name) => ({ name, named: true, noun, description: normaliseArticle(`a ${noun}`) })), next: i };
}

function readItem(tokens: readonly Token[], at: number, previous: SaidCharacter | undefined): { character: SaidCharacter; next: number } | null {
  const first = tokens[at];
  if (!first) return null;
  if (isName(first.word)) {
    const name = first.word;
    // "Pip the dragon"
    if (tokens[at + 1]?.word.toLowerCase() === 'the') {
      const described = readDescribed(tokens, at + 1);
      if (described) return { character: { name, named: true, noun: described.noun, description: normaliseArticle(`a ${described.words.slice(1).join(' ')}`) }, next: described.next };
    }
    return { character: { name, named: true, noun: null, description: '' }, next: at + 1 };
  }
  const described = readDescribed(tokens, at) ?? readBarePlural(tokens, at);
  if (!described) return null;
  // "my kids", "our little girl": who the story is for, not who is in it.
  if (/^(?:my|our)$/i.test(described.words[0]!) && AUDIENCE_NOUNS.has(described.noun)) return null;
  let next = described.next;
  let name: string | null = null;
  const after = tokens[next];
  if (after && /^(?:named|called)$/i.test(after.word) && tokens[next + 1] && /^[\p{L}][\p{L}'’-]*$/u.test(tokens[next + 1]!.word)) {
    name = capitalise(tokens[next + 1]!.word);
    next += 2;
  } else if (after && /^\p{Lu}[\p{Ll}'’-]+$/u.test(after.word) && !NOT_NAMES.has(after.word)) {
    // Right after the noun, a capitalised word is a name even if it is also a noun: "my cat Tiger".
    name = after.word;
    next += 1;
  }
  const possessive = /^(?:her|his|their|its)$/i.test(described.words[0]!) && previous ? `${previous.name}'s` : null;
  let description = possessive ? `${possessive} ${described.words.slice(1).join(' ')}` : described.words.join(' ');
  // "her friend Max the mouse": what Max is, too.
  const what = name && tokens[next]?.word.toLowerCase() === 'the' ? readDescribed(tokens, next) : null;
  if (what) {
    description = `${description}, ${normaliseArticle(`a ${what.words.slice(1).join(' ')}`)}`;
    next = what.next;
  }
  return { character: { name: name ?? `the ${described.words.at(-1)!}`, named: name !== null, noun: described.noun, description: normaliseArticle(description) }, next };
}

/** "pirates", "dinosaurs": a plural character noun with no determiner. */
function readBarePlural(tokens: readonly Token[], at: number): { words: string[]; noun: string; next: number } | null {
  const word = tokens[at]?.word.toLowerCase();
  if (!word || !word.endsWith('s') || CHARACTER_NOUNS.has(word)) return null;
  const noun = singular(word);
  return CHARACTER_NOUNS.has(noun) && !NOT_CHARACTER_AFTER.has(tokens[at + 1]?.word.toLowerCase() ?? '') ? { words: [word], noun, next: at + 1 } : null;
}

/** Determiner, up to three adjectives, then a character noun: "a shy little dragon". */
function readDescribed(tokens: readonly Token[], at: number): { words: string[]; noun: string; next: number } | null {
  const determiner = tokens[at]?.word.toLowerCase();
  if (!determiner || !DETERMINERS.has(determiner)) return null;
  const words = [determiner];
  for (let i = at + 1; i < at + 5 && i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.word.toLowerCase();
    // A gap wider than a space is something an earlier rule read ("my [18 month old] loves ducks"): the phrase ended there.
    if (!/^[\p{L}][\p{L}\p{N}'’-]*$/u.test(word) || token.start - tokens[i - 1]!.end > 1) return null;
    const noun = singular(word);
    words.push(word);
    // A capitalised word after the noun is its name ("my cat Tiger"), not more of the noun ("a teddy bear").
    const next = tokens[i + 1];
    const following = next && !/^\p{Lu}/u.test(next.word) ? next.word.toLowerCase() : undefined;
    if (CHARACTER_NOUNS.has(noun)) {
      // "a fairy tale" is a kind of story, "a teddy bear" one bear.
      if (following && (NOT_CHARACTER_AFTER.has(following) || CHARACTER_NOUNS.has(singular(following)))) {
        if (NOT_CHARACTER_AFTER.has(following)) return null;
        continue;
      }
      return { words, noun, next: i + 1 };
    }
    // Verbs in the third person ("loves") end the phrase; adjectives in -ous ("curious") do not.
    if (NOT_ADJECTIVES.has(word) || (word.endsWith('s') && !/(?:ous|less|ss)$/.test(word))) return null;
  }
  return null;
}

function isName(word: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(word) && !NOT_NAMES.has(word) && !CHARACTER_NOUNS.has(word.toLowerCase());
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "my cat" stays; "one dragon" reads "a dragon". */
function normaliseArticle(description: string): string {
  return description.replace(/^(?:one|some)\s/i, 'a ').replace(/^a ([aeiou])/i, 'an $1');
}

/** Adds what was said to who is already known: the same noun or name updates that character, a new one joins the cast. */
export function mergeCharacters(current: readonly StoryCharacter[], said: readonly SaidCharacter[], limit: number): StoryCharacter[] {
  const merged = current.map((c) => ({ ...c }));
  for (const character of said) {
    const existing = merged.find((c) => c.name.toLowerCase() === character.name.toLowerCase() || (character.noun !== null && nounOf(c) === character.noun && (!character.named || /^the\s/i.test(c.name))));
    if (existing) {
      if (character.named) existing.name = character.name;
      if (character.description.split(/\s+/).length > existing.description.split(/\s+/).length) existing.description = character.description;
      continue;
    }
    if (merged.length < limit) merged.push({ name: character.name, description: character.description });
  }
  return merged;
}

/** The noun a character was described by: "the dragon" → dragon; "Pip" described "a shy dragon" → dragon. */
export function nounOf(character: StoryCharacter): string | null {
  const words = `${character.name} ${character.description}`.toLowerCase().split(/[^\p{L}]+/u);
  for (let i = words.length - 1; i >= 0; i--) if (CHARACTER_NOUNS.has(singular(words[i]!))) return singular(words[i]!);
  return null;
}
