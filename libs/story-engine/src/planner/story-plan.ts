/**
 * A reply as the planner lays it out: its own sentences, and slots where the
 * model writes a sentence or two continuing what came just before.
 */
export type Segment =
  | {
      kind: 'text';
      text: string;
      /** Start a new paragraph before this segment. */
      paragraph?: boolean;
      /** Only written when the reply is still shorter than this many words (keeps replies ≥ ~80 words). */
      onlyIfWordsBelow?: number;
    }
  | {
      kind: 'model';
      /** Who invented names become, first one first (the character the passage is about). */
      cast: string[];
      /** Written instead when there is no model or none of its tries is usable. */
      fallback: string;
      /** Seed for this passage's sampler, so each slot differs but the whole reply is reproducible. */
      seed: number;
      paragraph?: boolean;
      /** Skipped when the reply already has this many words (keeps replies ≤ ~180 words). */
      skipIfWordsAbove?: number;
      /** What the model continues, when not the reply so far (e.g. a third-person version of a first-person story). */
      prompt?: string;
      /** Words the prompt ends with and the passage starts with: who the sentence is about ("Dana", "Dana said, \""). */
      lead?: string;
      /** The Writer's chosen subject: the passage must be about this cast member (see PassageContext.subject). */
      subject?: { name: string; pronoun: 'he' | 'she' | null };
    };

export interface StoryPlan {
  segments: Segment[];
  /** Text the reply continues (not written out): the model's first prompt when the reply opens with a model slot. */
  context?: string;
  /** Turned into "you" in model prose, to keep the second person. Empty for plain stories. */
  playerName: string;
  /**
   * The narrator's person for model prose: 'first' turns narratorNames into
   * "I", 'second' into "you", 'third' keeps names. Absent (the game): the
   * player's name becomes "you".
   */
  pov?: 'first' | 'second' | 'third';
  /** The protagonist's names (full and short) for pov. */
  narratorNames?: string[];
  /** Words that make a model sentence feel on-tone. */
  mood: readonly string[];
  /** Only model passages with known names and plain openings are used (see PassageContext.strict). */
  strictPassages?: boolean;
  /** The game's scene text: model passages must pass the game's bar (see PassageContext.scene). */
  scene?: string;
  /** Words of the tone's phrase banks (see PassageContext.vocabulary). */
  vocabulary?: readonly string[];
  /** Model tries per slot, when not the engine's default. */
  tries?: number;
  /** Model tries below this mean token log-probability are refused, when not the picker's default. */
  minMeanLogProb?: number;
  /** A last say on a chosen model passage (e.g. the age band's check); refused, the slot's fallback is written. */
  accept?: (passage: string) => boolean;
}
