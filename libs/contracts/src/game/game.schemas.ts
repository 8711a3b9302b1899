import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { GenerationStatusSchema } from '../generation/generation.schemas';
import { userText } from '../common/text.schemas';
import { GameNotesSchema, StoryCardSchema } from './story-card.schemas';

/** A reply keeps at most this many alternatives; the oldest gives way. */
export const MAX_SWIPES = 20;
/** A message edited by hand may be this long (a reply the narrator wrote may be longer; it stays as it is until edited). */
export const MAX_MESSAGE_CHARS = 8000;

export const CharacterSummarySchema = z.object({
  name: z.string().max(120),
  summary: z.string().max(1000),
});

export const TimelineEventSchema = z.object({
  turn: z.number().int().min(0),
  event: z.string().max(500),
});

/** What the story keeps between turns (the fields StoryOS v2 kept), worded for the player ("You are at…"). */
export const WorldStateSchema = z.object({
  worldState: z.string().max(4000),
  currentLocation: z.string().max(200),
  characters: z.array(CharacterSummarySchema).max(50),
  /** Who is in the scene with the player now, by name (the player not included); games saved before this was kept have none. */
  present: z.array(z.string().max(120)).max(50).default([]),
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

/**
 * How the player's input enters the story, as AI Dungeon has it: `do` an
 * action ("open the door"), `say` a line of dialogue, `story` text written
 * straight into the story; `continue` is a turn with no input at all, where
 * the narrator simply goes on.
 */
export const PlayerInputModeSchema = z.enum(['do', 'say', 'story']);
export type PlayerInputMode = z.infer<typeof PlayerInputModeSchema>;
export const PlayerTurnModeSchema = z.enum(['do', 'say', 'story', 'continue']);
export type PlayerTurnMode = z.infer<typeof PlayerTurnModeSchema>;

/** What a narrator reply's prompt held besides the story: shown beside the reply. */
export const ReplyContextSchema = z.object({
  memory: z.boolean(),
  authorsNote: z.boolean(),
  /** The story cards whose keywords appeared, as they were then. */
  cards: z.array(z.object({ id: UuidSchema, title: z.string() })),
});
export type ReplyContext = z.infer<typeof ReplyContextSchema>;

/** Where the last reply stands among its alternatives (swipes): `index` of `count`, 0-based. */
export const SwipePositionSchema = z.object({ index: z.number().int().min(0), count: z.number().int().min(1) });
export type SwipePosition = z.infer<typeof SwipePositionSchema>;

export const GameMessageSchema = z.object({
  id: UuidSchema,
  role: z.enum(['narrator', 'player']),
  content: z.string(),
  /** How a player message entered the story; null for the narrator. */
  mode: PlayerTurnModeSchema.nullable(),
  /** Grows with every edit; an edit names the revision it was made from. */
  revision: z.number().int().min(0),
  /** A narrator reply's alternatives; null for the player. */
  swipe: SwipePositionSchema.nullable(),
  /** What the reply's prompt held (memory, author's note, story cards); null for the player and for replies from before. */
  context: ReplyContextSchema.nullable(),
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
  notes: GameNotesSchema,
  storyCards: z.array(StoryCardSchema),
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

export const MAX_PLAYER_INPUT_CHARS = 2000;

export const PlayerTurnRequestSchema = z.strictObject({
  content: userText('Action', { max: MAX_PLAYER_INPUT_CHARS, minMessage: 'Say what you do: the action cannot be empty' }),
  /** Default `do`. */
  mode: PlayerInputModeSchema.default('do'),
});
export type PlayerTurnRequest = z.input<typeof PlayerTurnRequestSchema>;

/** Chooses which of the last reply's alternatives feeds the story. */
export const ChooseSwipeRequestSchema = z.strictObject({
  index: z.number({ message: 'index (which alternative) is required' }).int().min(0).max(MAX_SWIPES - 1),
});
export type ChooseSwipeRequest = z.infer<typeof ChooseSwipeRequestSchema>;

/**
 * Rewrites one message of the story. `baseRevision`: the revision the
 * editor showed; an edit over a newer one is a 409 with the message as it
 * is now in `details.current`.
 */
export const EditGameMessageRequestSchema = z.strictObject({
  content: userText('Text', { max: MAX_MESSAGE_CHARS }),
  baseRevision: z.number({ message: 'baseRevision (the revision you edited) is required' }).int().min(0),
});
export type EditGameMessageRequest = z.infer<typeof EditGameMessageRequestSchema>;

export const GameMessageConflictDetailsSchema = z.object({ current: GameMessageSchema });
export type GameMessageConflictDetails = z.infer<typeof GameMessageConflictDetailsSchema>;

/** Optional: how much of the live reply the reader had on screen when they pressed Stop, so the kept text ends there. */
export const StopRequestSchema = z.strictObject({
  shownChars: z.number().int().min(0).max(1_000_000).optional(),
});
export type StopRequest = z.infer<typeof StopRequestSchema>;
