import type { DataSource } from 'typeorm';
import { entityFromRow } from '../../../core/database/entity-from-row';
import { prepared, runPrepared, type StatementRun } from '../../../core/database/prepared-statement';
import type { AuthUser } from '../../auth/auth-user';
import { ChatErrors } from '../conversation.errors';
import { ChatEntity } from '../entities/chat.entity';

/** The chat a message is sent to (if it exists yet), and whether the message's id is taken: an edit, or another chat's. */
const CHAT_AND_MESSAGE = prepared(`
  SELECT c.*, EXISTS (SELECT 1 FROM chat_messages m WHERE m.id = $2) AS "messageKnown"
  FROM (SELECT 1) AS one LEFT JOIN chats c ON c.id = $1`);

export interface ChatAndMessage {
  chat: ChatEntity | null;
  messageKnown: boolean;
}

/** Read before the turn's transaction, beside its other checks; the transaction locks what it relies on. */
export async function readChatAndMessage(dataSource: DataSource, chatId: string, messageId: string): Promise<ChatAndMessage> {
  const [row] = await runPrepared<Record<string, unknown> & { messageKnown: boolean }>(dataSource, CHAT_AND_MESSAGE, [chatId, messageId]);
  return { chat: row?.['id'] ? entityFromRow(dataSource.getRepository(ChatEntity), row) : null, messageKnown: row?.messageKnown ?? false };
}

/**
 * The owner's chat locked for a new message, in the first round trip of the
 * reply's start (`startFromRead`), with the transaction's time: the time its
 * rows are stored at (their `created_at` defaults to it).
 */
const LOCK_FOR_MESSAGE = prepared(`SELECT active_message_id AS "activeMessageId", now() AS "startedAt" FROM chats WHERE id = $1 AND user_id = $2 FOR UPDATE`);

export interface LockedForMessage {
  activeMessageId: string | null;
  startedAt: Date;
}

export function lockForMessage(user: AuthUser, chatId: string): StatementRun {
  return { statement: LOCK_FOR_MESSAGE, values: [chatId, user.id] };
}

/** What the lock read answers: a chat gone meanwhile is missing; one still waiting for a reply is busy. */
export function assertFreeForMessage(row: LockedForMessage | undefined): asserts row is LockedForMessage {
  if (!row) throw ChatErrors.chatNotFound();
  if (row.activeMessageId) throw ChatErrors.busy();
}

/**
 * A new chat's row, stored by the first round trip of its first message's
 * start (`startFromRead`) and so locked by it, with the transaction's time.
 * No row answers when the chat exists by now: another request made it since
 * the checks read it missing.
 */
const CREATE_FOR_MESSAGE = prepared(`
  INSERT INTO chats (id, user_id, title, visibility, model) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (id) DO NOTHING
  RETURNING now() AS "startedAt"`);

export interface CreatedForMessage {
  startedAt: Date;
}

export function createForMessage(user: AuthUser, chat: Pick<ChatEntity, 'id' | 'title' | 'visibility' | 'model'>): StatementRun {
  return { statement: CREATE_FOR_MESSAGE, values: [chat.id, user.id, chat.title, chat.visibility, chat.model] };
}
