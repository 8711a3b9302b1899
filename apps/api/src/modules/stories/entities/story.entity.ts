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

  /** The chapter (0 = the first) a `chapter` phase is writing again. */
  @Column({ name: 'active_chapter_index', type: 'integer', nullable: true })
  activeChapterIndex!: number | null;

  /** The story bible: what every prompt of this story is told about its people, its world and its style. */
  @Column({ name: 'bible_characters', type: 'text', default: '' })
  bibleCharacters!: string;

  @Column({ name: 'bible_setting', type: 'text', default: '' })
  bibleSetting!: string;

  @Column({ name: 'bible_style_notes', type: 'text', default: '' })
  bibleStyleNotes!: string;

  /** Grows with every save of the bible; a save over an older one is refused. */
  @Column({ name: 'bible_version', type: 'integer', default: 0 })
  bibleVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
