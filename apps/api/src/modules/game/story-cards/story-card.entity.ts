import type { StoryCardKind } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A character, place or thing the narrator is told about when one of its keywords comes up in the game. */
@Entity({ name: 'game_story_cards' })
export class StoryCardEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'text' })
  kind!: StoryCardKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', array: true })
  keywords!: string[];

  @Column({ type: 'text' })
  content!: string;

  /** Grows with every edit. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
