import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { GenerationStatusSchema } from '../generation/generation.schemas';
import { userText } from '../common/text.schemas';

export const CharacterSummarySchema = z.object({
  name: z.string().max(120),
  summary: z.string().max(1000),
});

export const TimelineEventSchema = z.object({
  turn: z.number().int().min(0),
  event: z.string().max(500),
});

/** What the story keeps between turns (the fields StoryOS v2 kept). */
export const WorldStateSchema = z.object({
  worldState: z.string().max(4000),
  currentLocation: z.string().max(200),
  characters: z.array(CharacterSummarySchema).max(50),
  timeline: z.array(TimelineEventSchema).max(200),
  act: z.number().int().min(1),
  chapter: z.number().int().min(1),
  turnCount: z.number().int().min(0),
});
export type WorldState = z.infer<typeof WorldStateSchema>;

/**
 * What the world-state step asks a chat model for after a turn: what the
 * turn changed, not the whole record, which grows with every turn and would
 * not fit a small model's reply. Merged into the previous state.
 */
export const WorldStateUpdateSchema = z.object({
  /** A compact summary of the situation now. */
  worldState: z.string().trim().min(1).max(4000),
  /** Where the player is now. */
  currentLocation: z.string().trim().min(1).max(200),
  /** Characters who appear in this turn: newcomers, and anyone whose summary changed. */
  characters: z.array(z.object({ name: z.string().trim().min(1).max(120), summary: z.string().trim().max(1000) })).max(50),
  /** One short sentence: what happened this turn. */
  event: z.string().trim().min(1).max(500),
  act: z.number().int().min(1),
  chapter: z.number().int().min(1),
});
export type WorldStateUpdate = z.infer<typeof WorldStateUpdateSchema>;

export const GameMessageSchema = z.object({
  id: UuidSchema,
  role: z.enum(['narrator', 'player']),
  content: z.string(),
  /** For narrator messages still being written or ended early. */
  generationId: UuidSchema.nullable(),
  status: GenerationStatusSchema.nullable(),
  /** Why a failed reply failed, in words for the player; null otherwise. */
  error: z.string().nullable(),
  /** How the reply ended: `length` when the output cap cut it off (it can be continued). */
  finishReason: z.string().nullable(),
  turn: z.number().int(),
  createdAt: TimestampSchema,
});
export type GameMessage = z.infer<typeof GameMessageSchema>;

/**
 * A game goes on only from its opening: one that failed, or came back
 * empty, must be written again first (the API refuses turns with 409).
 */
export function hasOpening(messages: readonly Pick<GameMessage, 'role' | 'turn' | 'status' | 'content'>[]): boolean {
  const opening = messages.find((message) => message.role === 'narrator' && message.turn === 0);
  return opening !== undefined && opening.status !== 'failed' && opening.content.trim().length > 0;
}

export const GameSessionSummarySchema = z.object({
  id: UuidSchema,
  title: z.string(),
  scenario: z.object({ id: UuidSchema, name: z.string() }),
  turnCount: z.number().int(),
  lastPlayedAt: TimestampSchema,
  createdAt: TimestampSchema,
});
export type GameSessionSummary = z.infer<typeof GameSessionSummarySchema>;

export const GameSessionSchema = GameSessionSummarySchema.extend({
  state: WorldStateSchema,
  messages: z.array(GameMessageSchema),
  /** The generation running now for this session, if any. */
  activeGenerationId: UuidSchema.nullable(),
  playerName: z.string(),
  playerRole: z.string(),
});
export type GameSession = z.infer<typeof GameSessionSchema>;

export const CreateGameSessionRequestSchema = z.strictObject({
  scenarioId: UuidSchema,
  title: userText('Title', { max: 120 }).optional(),
});
export type CreateGameSessionRequest = z.infer<typeof CreateGameSessionRequestSchema>;

export const CreateGameSessionResponseSchema = z.object({
  id: UuidSchema,
  generationId: UuidSchema,
});
export type CreateGameSessionResponse = z.infer<typeof CreateGameSessionResponseSchema>;

export const RenameGameSessionRequestSchema = z.strictObject({
  title: userText('Title', { max: 120 }),
});
export type RenameGameSessionRequest = z.infer<typeof RenameGameSessionRequestSchema>;

export const PlayerTurnRequestSchema = z.strictObject({
  content: userText('Action', { max: 2000, minMessage: 'Say what you do: the action cannot be empty' }),
});
export type PlayerTurnRequest = z.infer<typeof PlayerTurnRequestSchema>;
