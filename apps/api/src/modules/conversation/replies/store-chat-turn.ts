import type { ChatMessagePart, ChatReplyStatus } from '@storyos/contracts';
import type { EntityManager } from 'typeorm';
import { oneStatement, type BuiltStatement } from '../../../core/database/one-statement';
import type { ChatMessageEntity } from '../entities/chat-message.entity';
import type { ReplyStep } from './reply-steps';

export interface ChatTurnRows {
  chatId: string;
  /** The chat's model from now on. */
  model: string;
  /** `editedPosition`: an edit's place (the message is already stored with its new parts); null for a new message, which goes last. */
  user: { id: string; parts: ChatMessagePart[]; editedPosition: number | null };
  reply: { id: string; steps: ReplyStep[]; parts: ChatMessagePart[]; generationId: string | null; status: ChatReplyStatus };
}

/** The message that has an id already, in whichever chat; read in the caller's transaction, under the chat's lock. */
const SAME = `SELECT chat_id AS "chatId", role, position FROM chat_messages WHERE id = $1`;

export type SameMessage = Pick<ChatMessageEntity, 'chatId' | 'role' | 'position'>;

export async function readSameMessage(manager: EntityManager, messageId: string): Promise<SameMessage | null> {
  const [row] = (await manager.query(SAME, [messageId])) as SameMessage[];
  return row ?? null;
}

/** The columns a turn's message gives, with their types (the rows come as parameters of a VALUES list, which has none). */
const MESSAGE_VALUES = [
  ['id', 'uuid'],
  ['role', 'text'],
  ['place_offset', 'int'],
  ['parts', 'jsonb'],
  ['steps', 'jsonb'],
  ['generation_id', 'uuid'],
  ['status', 'text'],
] as const;

/**
 * The turn's messages: the reply after the user's message, and the user's
 * message itself when it is new. A new message's place is read by this
 * statement, after the chat's lock was taken: a statement that waited for
 * that lock keeps its older snapshot, and could miss a message stored meanwhile.
 */
function messagesInsert(rows: ChatTurnRows): BuiltStatement {
  const { chatId, user, reply } = rows;
  const replyRow = [reply.id, 'assistant', 1, JSON.stringify(reply.parts), JSON.stringify(reply.steps), reply.generationId, reply.status];
  const userRow = [user.id, 'user', 0, JSON.stringify(user.parts), '[]', null, null];
  const parameters: unknown[] = [chatId, user.editedPosition];
  // Each value becomes the next parameter, cast to its column's type.
  const typed = (value: unknown, index: number): string => `$${parameters.push(value)}::${MESSAGE_VALUES[index]![1]}`;
  const tuples = (user.editedPosition === null ? [userRow, replyRow] : [replyRow]).map((row) => `(${row.map(typed).join(', ')})`);
  const sql = `INSERT INTO "chat_messages" ("id", "chat_id", "role", "position", "parts", "steps", "generation_id", "status", "error")
    SELECT m.id, $1, m.role, place.position + m.place_offset, m.parts, m.steps, m.generation_id, m.status, NULL
    FROM (SELECT COALESCE($2::int, (SELECT max(position) + 1 FROM chat_messages WHERE chat_id = $1), 0) AS position) AS place,
      (VALUES ${tuples.join(', ')}) AS m(${MESSAGE_VALUES.map(([name]) => name).join(', ')})
    RETURNING "id"`;
  return { sql, parameters };
}

/**
 * A chat turn's rows, as the parts of one statement (see `oneStatement`):
 * its messages, and the chat, now waiting for the reply while it streams.
 */
export function chatTurnStatements(rows: ChatTurnRows): BuiltStatement[] {
  const streaming = rows.reply.status === 'streaming';
  return [
    messagesInsert(rows),
    { sql: 'UPDATE "chats" SET "model" = $1, "active_message_id" = $2, "updated_at" = now() WHERE "id" = $3', parameters: [rows.model, streaming ? rows.reply.id : null, rows.chatId] },
  ];
}

/** A chat turn's rows in one statement of the caller's transaction (one round trip instead of three). */
export async function storeChatTurn(manager: EntityManager, rows: ChatTurnRows): Promise<void> {
  const statement = oneStatement(chatTurnStatements(rows));
  await manager.query(statement.sql, statement.parameters);
}
