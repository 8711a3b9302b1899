import type { StoryRequirements } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A Create conversation (seed 002): the transcript's owner and the requirements it has gathered so far. */
@Entity({ name: 'story_conversations' })
export class StoryConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'jsonb' })
  requirements!: StoryRequirements;

  /** Grows with every change of the requirements (a turn or a hand edit); hand edits send the one they started from. */
  @Column({ type: 'integer' })
  version!: number;

  /** The agent reply being written; another message waits for it. */
  @Column({ name: 'reply_generation_id', type: 'uuid', nullable: true })
  replyGenerationId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
