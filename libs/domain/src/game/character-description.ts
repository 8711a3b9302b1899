import { splitSentences, truncate } from '../text/sentences';

const MAX_CHARS = 300;

/** Whether `text` mentions `name` (the whole name, or its last word: "Dr. Lucas Meyer" for "Dr Lucas Meyer"). */
export function mentions(text: string, name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  const last = words[words.length - 1] ?? name;
  return new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])|(?<![\\p{L}])${escape(last)}(?![\\p{L}])`, 'u').test(text.replace(/\./g, ''));
}

/**
 * What `text` says about one character, in its own words: the clause that
 * names them, so three people named in one sentence ("Inside the walls:
 * Captain Hale, scarred and stubborn; Seren, a young mage; and Brother
 * Odo…") each get their own part of it. A clause that is only the name and
 * what it is ("Captain Hale, scarred and stubborn") becomes that description
 * ("Scarred and stubborn."). Null when the text does not mention them.
 */
export function describeCharacter(name: string, text: string): string | null {
  const sentence = splitSentences(text).find((s) => mentions(s, name));
  if (!sentence) return null;
  const clauses = sentence.split(/\s*(?:;|:(?=\s))\s*/).filter(Boolean);
  const clause = (clauses.find((c) => mentions(c, name)) ?? sentence).replace(/^(?:and|but|or)\s+/i, '').trim();
  const appositive = listItem(clause, name);
  return finish(appositive ?? clause);
}

/** "Captain Hale Brannock, scarred and stubborn" → "scarred and stubborn": a list item that is the name and what it is. */
function listItem(clause: string, name: string): string | null {
  const plain = clause.replace(/\./g, '');
  const words = name.split(/\s+/);
  const at = plain.search(new RegExp(`${escape(words[words.length - 1]!)},\\s`, 'u'));
  if (at < 0) return null;
  const before = plain.slice(0, at).trim();
  // Only when the clause starts with the name: "This year the favourite is Barnaby Trundle, six-time champion" keeps its first half.
  if (!new RegExp(`^(?:${words.map(escape).join('|')})(?:\\s|$)`, 'u').test(before || words[words.length - 1]!)) return null;
  const rest = plain.slice(at + words[words.length - 1]!.length + 1).trim();
  // "Tobias Fenn, the clockmaker, has not slept": an appositive followed by a predicate keeps the whole clause.
  if (rest.includes(',')) return null;
  return rest;
}

function finish(text: string): string {
  const trimmed = text.trim().replace(/[,;:\s]+$/, '');
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  const ended = /[.!?]["”’]?$/.test(capitalised) ? capitalised : `${capitalised}.`;
  return truncate(ended, MAX_CHARS);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
