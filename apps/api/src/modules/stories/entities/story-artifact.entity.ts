import type { ArtifactKind, Outline, StoryArtifact } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ArtifactSource = StoryArtifact['source'];

/** One version of a story's premise, outline or text; one version per kind is current. */
@Entity({ name: 'story_artifacts' })
export class StoryArtifactEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'story_id', type: 'uuid' })
  storyId!: string;

  @Column({ type: 'text' })
  kind!: ArtifactKind;

  @Column({ type: 'integer' })
  version!: number;

  /** Grows with every in-place change of the content; a save based on an older revision is refused. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  /** Premise and story text; null for an outline. */
  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** The outline's chapters; null for the others. */
  @Column({ type: 'jsonb', nullable: true })
  outline!: Outline | null;

  @Column({ type: 'text' })
  source!: ArtifactSource;

  @Column({ name: 'generation_id', type: 'uuid', nullable: true })
  generationId!: string | null;

  /** The text ends where the output cap cut a generated passage off. */
  @Column({ name: 'cut_off', type: 'boolean', default: false })
  cutOff!: boolean;

  @Column({ name: 'is_current', type: 'boolean', default: false })
  isCurrent!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Autosave updates a recent hand-edited version in place; this says when it last did. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
