import type { IllustratedStatus, StoryRequirements } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An illustrated story (Create, seed 002): what it was made from and how its making stands; scenes hang off it. */
@Entity({ name: 'illustrated_stories' })
export class IllustratedStoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  /** With defaults filled in: every scene is written from these. */
  @Column({ type: 'jsonb' })
  requirements!: StoryRequirements;

  @Column({ type: 'text' })
  status!: IllustratedStatus;

  @Column({ type: 'boolean' })
  stopped!: boolean;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
