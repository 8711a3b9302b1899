import type { ReplyContext } from '@storyos/contracts';
import type { DataSource } from 'typeorm';
import { prepared, runPrepared } from '../../../core/database/prepared-statement';

/** Prepared: it is written while the prompt is sent, and TypeORM's update cost the worker more CPU than the write itself. */
const RECORD_CONTEXT = prepared('UPDATE game_messages SET context = $1 WHERE id = $2 AND generation_id = $3');

/** What the reply's prompt held (memory, author's note, the story cards chosen), on the reply's message. */
export function recordReplyContext(dataSource: DataSource, reply: { messageId: string; generationId: string }, context: ReplyContext): Promise<unknown> {
  return runPrepared(dataSource, RECORD_CONTEXT, [JSON.stringify(context), reply.messageId, reply.generationId]);
}
