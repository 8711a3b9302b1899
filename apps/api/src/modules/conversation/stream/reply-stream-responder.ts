import { Injectable } from '@nestjs/common';
import type { ChatMessageMetadata } from '@storyos/contracts';
import type { UIMessageChunk } from 'ai';
import type { Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { AuthUser } from '../../auth/auth-user';
import { SseSlots } from '../../generation/stream/sse-slots';
import { ReplyStream, type ReplyRecord } from './reply-stream';
import { writeUiMessageStream } from './ui-message-sse';

/**
 * Answers a request with a reply's stream, counted among the user's open
 * streams. The client leaving ends only this response.
 */
@Injectable()
export class ReplyStreamResponder {
  constructor(
    private readonly replies: ReplyStream,
    private readonly slots: SseSlots,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ReplyStreamResponder.name);
  }

  /** `started`: the reply as the request that just stored it knows it (see `ReplyStream.chunks`). */
  async respond(user: AuthUser, replyId: string, response: Response, started?: ReplyRecord): Promise<void> {
    const slot = await this.slots.take(user.id);
    const closed = new AbortController();
    response.on('close', () => closed.abort());
    const refresh = setInterval(() => void slot.refresh().catch(() => undefined), 15_000);
    try {
      await writeUiMessageStream(response, this.guarded(user, replyId, closed.signal, started), closed.signal);
    } finally {
      clearInterval(refresh);
      await slot.release().catch((error: unknown) => this.logger.warn({ err: error, userId: user.id }, 'Could not free a stream slot'));
    }
  }

  /** A failure while reading ends the stream with an error chunk a client can show, never a broken response. */
  private async *guarded(user: AuthUser, replyId: string, closed: AbortSignal, started?: ReplyRecord): AsyncGenerator<UIMessageChunk<ChatMessageMetadata>, void, void> {
    try {
      yield* this.replies.chunks(replyId, closed, started);
    } catch (error) {
      this.logger.error({ err: error, userId: user.id, replyId }, 'Reading a chat reply’s stream failed');
      yield { type: 'error', errorText: 'The reply could not be followed. Reload the page to see it.' };
    }
  }
}
