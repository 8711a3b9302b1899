import type { ChapterMediaKind } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A picture or narration made for one narrator reply of a game; the media step (a generation) holds its parts. */
@Entity({ name: 'game_scene_media' })
export class SceneMediaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ type: 'text' })
  kind!: ChapterMediaKind;

  /** SHA-256 of the reply's text when it was made: narration of a reply since edited or swiped is stale. */
  @Column({ name: 'text_hash', type: 'char', length: 64 })
  textHash!: string;

  @Column({ name: 'generation_id', type: 'uuid' })
  generationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
