import type { ChapterMediaKind } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A picture or narration made for one chapter; the media step (a generation) holds its parts. */
@Entity({ name: 'story_chapter_media' })
export class StoryChapterMediaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'story_id', type: 'uuid' })
  storyId!: string;

  @Column({ name: 'chapter_index', type: 'integer' })
  chapterIndex!: number;

  @Column({ type: 'text' })
  kind!: ChapterMediaKind;

  /** SHA-256 of the chapter's text when it was made: narration of text since rewritten is stale. */
  @Column({ name: 'text_hash', type: 'char', length: 64 })
  textHash!: string;

  @Column({ name: 'generation_id', type: 'uuid' })
  generationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
