import type { StoryJobStatus } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** "Write the whole story": one BullMQ job (same id) with its progress and what it produced. */
@Entity({ name: 'story_jobs' })
export class StoryJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'story_id', type: 'uuid' })
  storyId!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: StoryJobStatus;

  @Column({ type: 'integer', default: 0 })
  progress!: number;

  @Column({ type: 'text', default: 'queued' })
  stage!: string;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The artifact versions the job used or wrote; its result is read from them. */
  @Column({ name: 'premise_artifact_id', type: 'uuid', nullable: true })
  premiseArtifactId!: string | null;

  @Column({ name: 'outline_artifact_id', type: 'uuid', nullable: true })
  outlineArtifactId!: string | null;

  @Column({ name: 'story_artifact_id', type: 'uuid', nullable: true })
  storyArtifactId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
