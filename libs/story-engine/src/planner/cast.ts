import type { GameProseBrief as StoryBrief } from '@storyos/domain';
import { TONE_LEXICON } from '../lexicon/lexicons';
import { hashString } from '../random';

export interface CastMember {
  name: string;
  /** Said on first mention ("Wren, the old keeper with the silver lantern"); empty for the scenario's own characters. */
  epithet: string;
}

/**
 * The characters a reply can use besides the player. When the scenario names
 * none, a tone-fitting companion is invented, chosen by the scenario so it
 * stays the same character from turn to turn.
 */
export function castOf(brief: StoryBrief): CastMember[] {
  const player = brief.playerName.trim().toLowerCase();
  const named = brief.characters
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name.toLowerCase() !== player)
    .map((name) => ({ name, epithet: '' }));
  if (named.length > 0) return named;
  const companions = TONE_LEXICON[brief.tone].companions;
  return [companion(companions[hashString(`${brief.scenarioName}\n${brief.setting}`) % companions.length]!)];
}

/** "Wren, the old keeper with the silver lantern": the name, then what is said of them on first mention. */
export function companion(entry: string): CastMember {
  const comma = entry.indexOf(', ');
  return comma < 0 ? { name: entry, epithet: '' } : { name: entry.slice(0, comma), epithet: entry.slice(comma + 2) };
}
