import type { ContentRating, ScenarioVisibility, Tone } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity';

@Entity({ name: 'scenarios' })
export class ScenarioEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null for the scenarios StoryOS itself ships (the seeded ones). */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  /** Identifies a seeded scenario so seeding again finds it instead of adding a copy. */
  @Column({ name: 'seed_key', type: 'text', nullable: true })
  seedKey!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  setting!: string;

  @Column({ name: 'narrator_behavior', type: 'text' })
  narratorBehavior!: string;

  @Column({ name: 'player_name', type: 'text' })
  playerName!: string;

  @Column({ name: 'player_role', type: 'text' })
  playerRole!: string;

  @Column({ name: 'initial_location', type: 'text' })
  initialLocation!: string;

  @Column({ type: 'text' })
  tone!: Tone;

  @Column({ name: 'content_rating', type: 'text' })
  contentRating!: ContentRating;

  @Column({ type: 'text', default: 'private' })
  visibility!: ScenarioVisibility;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
