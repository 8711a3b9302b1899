import type { StoryCharacter } from '@storyos/domain';

/** "a coded telegram" → "the coded telegram"; "betrayal" stays. */
export function definite(phrase: string): string {
  return phrase.replace(/^(?:a|an)\s+/i, 'the ');
}

const SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'and', 'or', 'for', 'with', 'by', 'from', 'that', 'no']);

/** "the coded telegram" → "The Coded Telegram". */
export function titleCase(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word, i) => (i > 0 && SMALL.has(word.toLowerCase()) ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/** "a young telegraph operator"; "clockmaker" → "a clockmaker"; "her rival" stays. */
export function describedAs(description: string): string {
  const text = description.trim().replace(/[.!?,;:]+$/, '');
  if (!text) return '';
  if (/^(?:the|a|an|my|your|his|her|their|our|this|that|who|whose)\s/i.test(text) || /^\p{Lu}/u.test(text)) return text.replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
  return `${/^[aeiou]/i.test(text) ? 'an' : 'a'} ${text}`;
}

/** "Ada Finch, a young telegraph operator," or just "Ada Finch". */
export function introduce(character: StoryCharacter): string {
  const description = describedAs(character.description);
  if (!description) return character.name;
  return /^who\s/i.test(description) ? `${character.name}, ${description},` : `${character.name}, ${description},`;
}

/** Third-person pronouns for summaries: she/her, he/him, or the name. */
export function pronouns(character: StoryCharacter): { subject: string; object: string; possessive: string } {
  if (character.pronoun === 'she') return { subject: 'she', object: 'her', possessive: 'her' };
  if (character.pronoun === 'he') return { subject: 'he', object: 'him', possessive: 'his' };
  return { subject: character.shortName, object: character.shortName, possessive: `${character.shortName}’s` };
}
