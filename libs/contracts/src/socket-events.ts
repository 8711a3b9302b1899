import { z } from 'zod';
import type { ErrorBody } from './errors';
import type { WorldState } from './game/game.schemas';
import type { StoryJob } from './stories/story.schemas';
import type { ConversationRequirementsEvent, ConversationSendAck, ConversationSendRequest } from './create/story-conversation.schemas';
import type { IllustratedStoryUpdatedEvent } from './create/illustrated-story.schemas';
import type { GenerationStartedEvent, GenerationStreamEvent, GenerationSubscribeAck, GenerationSubscribeRequest } from './generation/generation-events';
import type { DeltaArguments } from './generation/live-entries';

/** Each user has a room; workers emit to it through Redis. */
export const userRoom = (userId: string): string => `user:${userId}`;

export const PongEventSchema = z.object({
  nonce: z.string(),
  workerId: z.string(),
  enqueuedAt: z.iso.datetime(),
  processedAt: z.iso.datetime(),
});
export type PongEvent = z.infer<typeof PongEventSchema>;

/** A game's world state changed after a turn. */
export interface GameStateEvent {
  sessionId: string;
  state: WorldState;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  'system:pong': (event: PongEvent) => void;
  'generation:started': (event: GenerationStartedEvent) => void;
  /** Every stream entry but text: reset, notice, media, end. */
  'generation:entry': (event: GenerationStreamEvent) => void;
  /** A text entry in its compact form (see `followEntries`). */
  'generation:delta': (...args: DeltaArguments) => void;
  'game:state': (event: GameStateEvent) => void;
  /** Progress of a whole-story job: status, 0–100 %, stage name. */
  'story:job': (event: StoryJob) => void;
  /** A Create conversation's requirements after a turn or a hand edit (seed 002). */
  'conversation:requirements': (event: ConversationRequirementsEvent) => void;
  /** An illustrated story after a scene, picture or narration landed, or its status changed. */
  'illustrated-story:updated': (event: IllustratedStoryUpdatedEvent) => void;
  error: (error: ErrorBody) => void;
}

/** Events the client sends. */
export interface ClientToServerEvents {
  /** Replays entries after `afterSeq` in the ack; live entries then arrive as `generation:delta` / `generation:entry`. */
  'generation:subscribe': (request: GenerationSubscribeRequest, ack: (result: GenerationSubscribeAck) => void) => void;
  /** Says something to the Create agent: the same as `POST /api/conversations/:id/messages`; the ack names the reply's generation. */
  'conversation:send': (request: ConversationSendRequest, ack: (result: ConversationSendAck) => void) => void;
}
