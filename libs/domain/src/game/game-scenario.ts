import type { PlayerTurnMode, Scenario } from '@storyos/contracts';

/** The scenario fields the game rules read (a Scenario, or its fields before it is saved). */
export type GameScenario = Pick<Scenario, 'name' | 'description' | 'setting' | 'narratorBehavior' | 'playerName' | 'playerRole' | 'initialLocation' | 'tone' | 'contentRating'>;

/** One line of the game's transcript, as stored in game messages. */
export interface TranscriptEntry {
  role: 'narrator' | 'player';
  content: string;
  /** The turn it belongs to (0: the opening); counted from the player's messages when absent. */
  turn?: number;
  /** How a player message entered the story; absent: `do`. */
  mode?: PlayerTurnMode;
}
