import type { Rng } from '../random';
import { capitalise } from '../text/words';

const ARTICLE_OR_POSSESSIVE = /^(?:the|a|an|my|your|his|her|their|our|this|that)\s/i;

/** "old lighthouse" → "the old lighthouse"; "Port Vell" and "the Old Lighthouse" stay as they are. */
export function placeName(location: string): string {
  const place = location.trim().replace(/[.!?,;:]+$/, '');
  if (!place) return 'the quiet place';
  if (ARTICLE_OR_POSSESSIVE.test(place) || /^\p{Lu}/u.test(place)) return place.replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
  return `the ${place}`;
}

/** "lighthouse keeper's apprentice" → "a lighthouse keeper's apprentice". */
export function roleName(role: string): string {
  const text = role.trim().replace(/[.!?,;:]+$/, '');
  if (!text) return 'a traveller';
  if (ARTICLE_OR_POSSESSIVE.test(text) || /^\p{Lu}/u.test(text)) return text.replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
  return `${/^[aeiou]/i.test(text) ? 'an' : 'a'} ${text}`;
}

/** Fills {place} {Place} {npc} {player} {thing}; {Place} is capitalised for a sentence start. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = vars[key] ?? vars[key.toLowerCase()];
    if (value === undefined) return whole;
    return key[0] === key[0]!.toUpperCase() ? capitalise(value) : value;
  });
}

/** Picks without repeating itself within one reply, so a reply never says the same line twice. */
export class Picker {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  pick(items: readonly string[]): string {
    const fresh = items.filter((item) => !this.used.has(item));
    const choice = this.rng.pick(fresh.length > 0 ? fresh : items);
    this.used.add(choice);
    return choice;
  }
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = capitalise(text.trim());
  return /[.!?]["”’]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
