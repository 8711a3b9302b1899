import type { ChatMessagePart, ChatReplyStatus } from '@storyos/contracts';
import type { EntityManager } from 'typeorm';
import { insertStatement, rowOf } from '../../../core/database/insert-statement';
import { oneStatement } from '../../../core/database/one-statement';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { stepsValue, type ReplyStep } from './reply-steps';

/** Where the user's message goes: its own place when it is an edit (already updated), else after the last message. */
export interface PlacedMessage {
  position: number;
  /** False for an edit: the message is already stored with its new parts. */
  isNew: boolean;
}

export interface ChatTurnRows {
  chatId: string;
  /** The chat's model from now on. */
  model: string;
  user: { id: string; parts: ChatMessagePart[]; placed: PlacedMessage };
  reply: { id: string; steps: ReplyStep[]; parts: ChatMessagePart[]; generationId: string | null; status: ChatReplyStatus };
}

/**
 * Where the user's message goes, in one read of the caller's transaction:
 * the message with its id (an edit, or a regenerate) and the chat's last
 * position, side by side.
 */
const PLACE = `
  SELECT same.chat_id AS "chatId", same.role, same.position, (SELECT max(m.position) FROM chat_messages m WHERE m.chat_id = $1) AS "lastPosition"
  FROM (SELECT 1) AS one LEFT JOIN chat_messages same ON same.id = $2`;

export interface MessagePlace {
  /** The message that has the id already, in whichever chat; null for a new message. */
  same: { chatId: string; role: ChatMessageEntity['role']; position: number } | null;
  /** The chat's last position; null for an empty chat. */
  lastPosition: number | null;
}

export async function readMessagePlace(manager: EntityManager, chatId: string, messageId: string): Promise<MessagePlace> {
  const [row] = (await manager.query(PLACE, [chatId, messageId])) as { chatId: string | null; role: ChatMessageEntity['role'] | null; position: number | null; lastPosition: number | null }[];
  const { chatId: sameChat, role, position, lastPosition } = row!;
  return { same: sameChat !== null && role !== null && position !== null ? { chatId: sameChat, role, position } : null, lastPosition };
}

/**
 * A chat turn's rows in one statement of the caller's transaction (one round
 * trip instead of three): the reply to be written, the user's message when
 * it is new, and the chat, now waiting for the reply while it streams.
 */
export async function storeChatTurn(manager: EntityManager, rows: ChatTurnRows): Promise<void> {
  const { chatId, model, user, reply } = rows;
  const dataSource = manager.connection;
  const streaming = reply.status === 'streaming';
  const statement = oneStatement([
    insertStatement(
      dataSource,
      rowOf(ChatMessageEntity, { id: reply.id, chatId, role: 'assistant', position: user.placed.position + 1, steps: stepsValue(reply.steps), parts: reply.parts, generationId: reply.generationId, status: reply.status, error: null }),
      true,
    ),
    ...(user.placed.isNew ? [insertStatement(dataSource, rowOf(ChatMessageEntity, { id: user.id, chatId, role: 'user', position: user.placed.position, parts: user.parts, steps: [], generationId: null, status: null, error: null }))] : []),
    { sql: 'UPDATE "chats" SET "model" = $1, "active_message_id" = $2, "updated_at" = now() WHERE "id" = $3', parameters: [model, streaming ? reply.id : null, chatId] },
  ]);
  await manager.query(statement.sql, statement.parameters);
}
