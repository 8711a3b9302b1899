import type { PlayerTurnMode, WorldState } from '@storyos/contracts';
import type { GameScenario, PromptCard } from '@storyos/domain';
import type { ClaimReads } from '../../generation/handlers/claim-reads';

/** A message of the session as the narrator's prompt needs it. */
export interface NarratorMessage {
  id: string;
  role: 'narrator' | 'player';
  content: string;
  turn: number;
  mode: PlayerTurnMode | null;
  swipeIndex: number;
}

/** Everything the narrator's prompt is built from, as the generation's session is now. */
export interface NarratorReads {
  memory: string;
  authorsNote: string;
  state: WorldState;
  scenario: GameScenario;
  /** Messages up to and including the turn, by turn, the player's before the narrator's. */
  messages: NarratorMessage[];
  /** Story cards, oldest first. */
  cards: PromptCard[];
  /** The active narrator system prompt's content; null: none is active. */
  systemPrompt: string | null;
}

/**
 * One SELECT, by the generation's id alone (its session is its target, its
 * turn in its input), so the worker can read it inside its claim statement
 * (`NARRATOR_CLAIM_READS`): every reply's first words wait for these reads,
 * and four queries (each a round trip, built and hydrated by TypeORM) after
 * the claim cost several times what this one does. Only the columns the
 * prompt uses are read.
 */
const NARRATOR_READS_SQL = `
    SELECT
      s.memory,
      s.authors_note AS "authorsNote",
      s.state,
      json_build_object(
        'name', sc.name, 'description', sc.description, 'setting', sc.setting, 'narratorBehavior', sc.narrator_behavior,
        'playerName', sc.player_name, 'playerRole', sc.player_role, 'initialLocation', sc.initial_location,
        'tone', sc.tone, 'contentRating', sc.content_rating
      ) AS scenario,
      COALESCE((
        SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'content', m.content, 'turn', m.turn, 'mode', m.mode, 'swipeIndex', m.swipe_index)
                        ORDER BY m.turn ASC, m.role DESC)
        FROM game_messages m
        WHERE m.session_id = s.id AND jsonb_typeof(g.input -> 'turn') = 'number' AND m.turn <= (g.input ->> 'turn')::numeric
      ), '[]'::json) AS messages,
      COALESCE((
        SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'title', c.title, 'keywords', c.keywords, 'content', c.content) ORDER BY c.created_at ASC)
        FROM game_story_cards c WHERE c.session_id = s.id
      ), '[]'::json) AS cards,
      (SELECT p.content FROM system_prompts p WHERE p.kind = 'narrator' AND p.is_active) AS "systemPrompt"
    FROM generations g
    JOIN game_sessions s ON s.id = g.target_id
    JOIN scenarios sc ON sc.id = s.scenario_id
    WHERE g.id = $1 AND g.target_type = 'game-session'`;

/** The reads inside the worker's claim (see `ClaimReads`). */
export const NARRATOR_CLAIM_READS: ClaimReads<NarratorReads | null> = {
  sql: NARRATOR_READS_SQL,
  read: (row) => (row as NarratorReads | null) ?? null,
};
