import type { StoryPhase, StorySetup } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A Writer project: its setup; the artifacts and jobs hang off it. */
@Entity({ name: 'stories' })
export class StoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  setup!: StorySetup;

  /** The phase generation that holds the story; another phase is refused while it runs. */
  @Column({ name: 'active_generation_id', type: 'uuid', nullable: true })
  activeGenerationId!: string | null;

  @Column({ name: 'active_phase', type: 'text', nullable: true })
  activePhase!: StoryPhase | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
