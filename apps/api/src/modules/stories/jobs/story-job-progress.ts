import { Injectable } from '@nestjs/common';
import type { StoryJobStatus } from '@storyos/contracts';
import { DataSource, In } from 'typeorm';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import { StoryJobEntity } from '../entities/story-job.entity';
import { toStoryJob } from '../story.mapper';

export type JobUpdate = Partial<Pick<StoryJobEntity, 'status' | 'progress' | 'stage' | 'error' | 'premiseArtifactId' | 'outlineArtifactId' | 'storyArtifactId' | 'startedAt' | 'completedAt'>>;

/**
 * The job row is the truth; every change to it goes out to the owner as a
 * `story:job` event, in the order the worker made them. Only a job still
 * queued or running changes, so a late write never revives a cancelled job.
 */
@Injectable()
export class StoryJobProgress {
  constructor(
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** Returns the updated row, or null when the job had already ended. */
  async update(jobId: string, changes: JobUpdate, from: StoryJobStatus[] = ['queued', 'running']): Promise<StoryJobEntity | null> {
    const { affected } = await this.dataSource.manager.update(StoryJobEntity, { id: jobId, status: In(from) }, changes);
    if (!affected) return null;
    const job = await this.dataSource.manager.findOneByOrFail(StoryJobEntity, { id: jobId });
    this.realtime.toUser(job.ownerId, 'story:job', toStoryJob(job));
    return job;
  }
}
