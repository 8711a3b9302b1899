import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import { IllustratedStoryViews } from './illustrated-story-views';

/** Pushes `illustrated-story:updated` to the owner's room after a change is committed (from the API or a worker). */
@Injectable()
export class IllustratedPublisher {
  constructor(
    private readonly views: IllustratedStoryViews,
    private readonly realtime: RealtimePublisher,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(IllustratedPublisher.name);
  }

  /** Fire and forget: a missed push is made up by the next one, or by polling. */
  publish(storyId: string): void {
    void this.send(storyId).catch((error: unknown) => this.logger.warn({ err: error, storyId }, 'Could not push an illustrated story update'));
  }

  async send(storyId: string): Promise<void> {
    const current = await this.views.current(storyId);
    if (current) this.realtime.toUser(current.story.ownerId, 'illustrated-story:updated', current.view);
  }
}
