/**
 * What a model passage is judged against. The tiny model rambles, so each
 * model slot gets a few short tries and the best-formed one wins: one or two
 * whole sentences, no invented strangers, no "One day…" restarts, words that
 * echo the prompt and the tone.
 */
export interface PassageContext {
  prompt: string;
  /** Names that may appear (cast, player). */
  known: readonly string[];
  mood: readonly string[];
  /** Refuse (rather than only mark down) passages with strangers' names or odd openings: the Writer's prose must keep its cast. */
  strict?: boolean;
  /** The game's scene: passages must pass the game's bar (GAME_BAR), on top of strict. */
  scene?: string;
  /** Words the story's tone uses (its phrase banks): a passage that keeps to the scene may use them. */
  vocabulary?: readonly string[];
  /** The Writer's chosen subject: passages must pass the Writer's bar (WRITER_BAR), on top of strict. */
  subject?: PassageSubject;
  /** The text written so far: the Writer refuses a sentence it already wrote ("Ada heard a loud noise" twice). */
  written?: string;
  /** Tries below this mean token log-probability are refused (default MIN_MEAN_LOG_PROB). */
  minMeanLogProb?: number;
}

/** The cast member a Writer passage is about; pronoun null: none allowed (e.g. the first-person narrator). */
export interface PassageSubject {
  name: string;
  pronoun: 'he' | 'she' | null;
}
