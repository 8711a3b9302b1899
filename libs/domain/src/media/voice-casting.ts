/** The speaker who is not a character: the storyteller. */
export const NARRATOR = 'narrator';

export interface VoiceCast {
  /** Every voice the engine offers. */
  voices: readonly string[];
  /** The narrator's own voice; characters get the others. */
  narratorVoice: string;
}

/**
 * The voice a speaker gets: the narrator's for the narrator (or no speaker),
 * otherwise one of the other voices chosen by the name, so the same character
 * always sounds the same, in every story and on every server.
 */
export function voiceFor(speaker: string | undefined, cast: VoiceCast): string {
  const name = speaker?.trim().toLowerCase();
  if (!name || name === NARRATOR) return cast.narratorVoice;
  const others = cast.voices.filter((voice) => voice !== cast.narratorVoice);
  if (others.length === 0) return cast.narratorVoice;
  return others[fnv1a(name) % others.length]!;
}

/** FNV-1a, 32-bit: stable across runs and platforms, unlike object hash order. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
