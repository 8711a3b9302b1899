import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';
import { userText } from '../common/text.schemas';
import { ErrorBodySchema } from '../errors';
import { GenerationStatusSchema } from '../generation/generation.schemas';
import { StoryRequirementsSchema, type RequirementField } from './story-requirements.schemas';

/**
 * The Create agent's conversation (seed 002): the user says what story they
 * want, the agent asks for what is missing, and a structured requirements
 * object is kept up to date after every turn. Routes live under
 * `/api/conversations`; the seed's transcripts are these conversations.
 */

/** The longest message a user may send the agent (a spoken message, transcribed, fits easily). */
export const MAX_AGENT_MESSAGE_CHARS = 2_000;
/** Messages (both sides) a conversation may hold; past it, start a new one. */
export const MAX_CONVERSATION_MESSAGES = 200;
/** History: the seed keeps the last 5 transcripts; a client may ask for up to this many. */
export const DEFAULT_CONVERSATION_HISTORY = 5;
export const MAX_CONVERSATION_HISTORY = 50;

const REQUIREMENT_FIELDS = ['title', 'ageBand', 'characters', 'setting', 'plot', 'style', 'tone', 'sceneCount', 'narratorVoice'] as const satisfies readonly RequirementField[];
export const RequirementFieldSchema = z.enum(REQUIREMENT_FIELDS);

export const ConversationRoleSchema = z.enum(['user', 'agent']);
export type ConversationRole = z.infer<typeof ConversationRoleSchema>;

/** One message of a transcript. An agent reply is a generation: follow `generationId` while it is written. */
export const ConversationMessageSchema = z.object({
  id: UuidSchema,
  role: ConversationRoleSchema,
  /** The text so far while the agent writes; the final text after. */
  text: z.string(),
  /** The agent reply's generation; null for the user's messages and the greeting. */
  generationId: UuidSchema.nullable(),
  /** The reply's status; `completed` for the user's messages and the greeting. */
  status: GenerationStatusSchema,
  createdAt: TimestampSchema,
});
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;

/**
 * The requirements as they stand, with what "Make my story" still needs.
 * `version` grows with every change (a turn or a hand edit): send it back as
 * `baseVersion` when editing by hand.
 */
export const ConversationRequirementsStateSchema = z.object({
  conversationId: UuidSchema,
  requirements: StoryRequirementsSchema,
  version: z.number().int().min(1),
  /** True when the required fields are filled: "Make my story" is enabled. */
  ready: z.boolean(),
  /** Fields still empty, required ones first, in the order the agent asks for them (the rest have defaults; `ready` says whether the required ones are known). */
  missing: z.array(RequirementFieldSchema),
});
export type ConversationRequirementsState = z.infer<typeof ConversationRequirementsStateSchema>;

/** One conversation with its transcript: `GET /api/conversations/:id`, and the answer to starting one. */
export const StoryConversationSchema = ConversationRequirementsStateSchema.extend({
  id: UuidSchema,
  /** The requirements' title once known, else a short "Story about …" from them, else "New story". */
  title: z.string(),
  messages: z.array(ConversationMessageSchema),
  /** The agent is writing a reply: follow this generation (socket `generation:delta` / `generation:entry`, or `/api/generations/:id/stream`). */
  replyGenerationId: UuidSchema.nullable(),
  /** Illustrated stories made from this conversation, newest first. */
  storyIds: z.array(UuidSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type StoryConversation = z.infer<typeof StoryConversationSchema>;

/** `GET /api/conversations?limit=5`: my latest transcripts, newest first, each with the requirements it produced. */
export const ConversationHistoryQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int({ message: 'limit must be a whole number' })
    .min(1, { message: 'limit is at least 1' })
    .max(MAX_CONVERSATION_HISTORY, { message: `limit is at most ${MAX_CONVERSATION_HISTORY}` })
    .default(DEFAULT_CONVERSATION_HISTORY),
});
export type ConversationHistoryQuery = z.infer<typeof ConversationHistoryQuerySchema>;

export const ConversationHistorySchema = z.object({ items: z.array(StoryConversationSchema) });
export type ConversationHistory = z.infer<typeof ConversationHistorySchema>;

/** `POST /api/conversations`: no body needed; the agent greets and asks its first question. */
export const StartConversationRequestSchema = z.strictObject({});
export type StartConversationRequest = z.infer<typeof StartConversationRequestSchema>;

export const ConversationMessageTextSchema = userText('Message', { max: MAX_AGENT_MESSAGE_CHARS });

/** `POST /api/conversations/:id/messages`: what the user says (typed, or a corrected transcript). */
export const SendConversationMessageRequestSchema = z.strictObject({ text: ConversationMessageTextSchema });
export type SendConversationMessageRequest = z.infer<typeof SendConversationMessageRequestSchema>;

/** 202: the user's message is stored, the requirements updated, and the agent's reply is being written as generation `generationId`. */
export const ConversationMessageAcceptedSchema = z.object({
  conversationId: UuidSchema,
  /** The reply (a text generation of kind `create.agent`): stoppable with `POST /api/generations/:id/stop`. */
  generationId: UuidSchema,
  userMessageId: UuidSchema,
  replyMessageId: UuidSchema,
});
export type ConversationMessageAccepted = z.infer<typeof ConversationMessageAcceptedSchema>;

/** `PATCH /api/conversations/:id/requirements`: a hand edit, from the version the user saw (409 when stale). */
export const UpdateConversationRequirementsRequestSchema = z.strictObject({
  requirements: StoryRequirementsSchema,
  baseVersion: z.number({ message: 'baseVersion must be a number' }).int({ message: 'baseVersion must be a whole number' }).min(1, { message: 'baseVersion is at least 1' }),
});
export type UpdateConversationRequirementsRequest = z.infer<typeof UpdateConversationRequirementsRequestSchema>;

export const ConversationIdParamsSchema = z.strictObject({ id: UuidSchema });
export const ConversationMessageParamsSchema = z.strictObject({ id: UuidSchema, messageId: UuidSchema });

/**
 * `POST /api/conversations/:id/messages/:messageId/narration`: an agent
 * message read aloud — a narration step (kind `create.agent.narration`),
 * followed like any generation; its `media` entries are MP3 pieces.
 */
export const ConversationNarrationAcceptedSchema = z.object({ generationId: UuidSchema });
export type ConversationNarrationAccepted = z.infer<typeof ConversationNarrationAcceptedSchema>;

/** Socket `conversation:send` (client → server): the same as the REST route. */
export const ConversationSendRequestSchema = z.strictObject({ conversationId: UuidSchema, text: ConversationMessageTextSchema });
export type ConversationSendRequest = z.input<typeof ConversationSendRequestSchema>;

export const ConversationSendAckSchema = z.union([z.object({ ok: z.literal(true) }).extend(ConversationMessageAcceptedSchema.shape), z.object({ ok: z.literal(false), error: ErrorBodySchema })]);
export type ConversationSendAck = z.infer<typeof ConversationSendAckSchema>;

/** Socket `conversation:requirements` (server → client): pushed after every turn and every hand edit. */
export const ConversationRequirementsEventSchema = ConversationRequirementsStateSchema;
export type ConversationRequirementsEvent = ConversationRequirementsState;
