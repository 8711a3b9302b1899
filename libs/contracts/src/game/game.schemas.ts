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

export const GameMessageSchema = z.object({
  id: UuidSchema,
  role: z.enum(['narrator', 'player']),
  content: z.string(),
  /** For narrator messages still being written or ended early. */
  generationId: UuidSchema.nullable(),
  status: GenerationStatusSchema.nullable(),
  /** Why a failed reply failed, in words for the player; null otherwise. */
  error: z.string().nullable(),
  turn: z.number().int(),
  createdAt: TimestampSchema,
});
export type GameMessage = z.infer<typeof GameMessageSchema>;

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
