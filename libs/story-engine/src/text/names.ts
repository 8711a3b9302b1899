import { escapeRegExp } from './words';

/**
 * Names the TinyStories model likes to invent. They are swapped for the
 * story's own characters so its prose stays on-story.
 */
export const INVENTED_NAMES: ReadonlySet<string> = new Set(
  (
    'Lily Tim Timmy Ben Sue Tom Tommy Max Amy Sam Mia Jack Anna Lucy Sara Sarah Spot Bob Bobby Billy Jane John Joe Jill ' +
    'Emma Zoe Lila Mary Mark Jim Kate Ellie Daisy Rex Buddy Bella Polly Molly Kitty Mittens Fluffy Whiskers Lucy Jen Jenny ' +
    'Peter Roxy Leo Ella Sophie Sally Lisa Mike Dan Danny Fred Rose Tweety Benny Sammy Mimi Pip Susie Lola Bunny Joy Mandy'
  ).split(' '),
);

/**
 * Replaces invented names, in order of first appearance, by the given cast
 * (cycling when the model invents more names than the story has characters).
 */
export function replaceInventedNames(text: string, cast: readonly string[], keep: readonly string[] = []): string {
  if (cast.length === 0) return text;
  const assigned = new Map<string, string>();
  const kept = new Set(keep.flatMap((name) => name.split(/\s+/)));
  return text.replace(/\b[A-Z][a-z]+\b/g, (word) => {
    if (!INVENTED_NAMES.has(word) || kept.has(word)) return word;
    let target = assigned.get(word);
    if (target === undefined) {
      target = cast[assigned.size % cast.length]!;
      assigned.set(word, target);
    }
    return target;
  });
}

/**
 * Turns the player's name into "you" so model prose keeps the game's second
 * person. Past tense needs only the be/have/do forms fixed after it.
 */
export function toSecondPerson(text: string, playerName: string): string {
  if (!playerName.trim()) return text;
  const name = escapeRegExp(playerName.trim());
  return text
    .replace(new RegExp(`\\b${name}['’]s\\b`, 'g'), 'your')
    .replace(new RegExp(`(^|[.!?]["”]?\\s+|["“]\\s*)${name}\\b`, 'g'), '$1You')
    .replace(new RegExp(`\\b${name}\\b`, 'g'), 'you')
    .replace(/\b([Yy]ou) was\b/g, '$1 were')
    .replace(/\b([Yy]ou) is\b/g, '$1 are')
    .replace(/\b([Yy]ou) has\b/g, '$1 have')
    .replace(/\b([Yy]ou) does\b/g, '$1 do')
    .replace(/\b([Yy]ou) wasn['’]t\b/g, '$1 weren’t');
}

/**
 * Turns the narrator's name into "I"/"me"/"my" so model prose keeps a
 * first-person story's voice: a name opening a sentence or clause is the
 * subject, elsewhere the object.
 */
export function toFirstPerson(text: string, narratorName: string): string {
  if (!narratorName.trim()) return text;
  const name = escapeRegExp(narratorName.trim());
  const start = `(^|[.!?]["”]?\\s+|["“]\\s*)`;
  return text
    .replace(new RegExp(`${start}${name}['’]s\\b`, 'g'), '$1My')
    .replace(new RegExp(`\\b${name}['’]s\\b`, 'g'), 'my')
    .replace(new RegExp(`${start}${name}\\b`, 'g'), '$1I')
    .replace(new RegExp(`\\b(and|but|then|so|while|when|as|because|until|before|after|if|that|where)\\s+${name}\\b`, 'g'), '$1 I')
    .replace(new RegExp(`\\b${name}\\b`, 'g'), 'me')
    .replace(/\bI is\b/g, 'I am')
    .replace(/\bI has\b/g, 'I have')
    .replace(/\bI does\b/g, 'I do')
    .replace(/\bI were\b/g, 'I was');
}
