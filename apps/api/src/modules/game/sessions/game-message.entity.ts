import type { GenerationStatus } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'game_messages' })
export class GameMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'text' })
  role!: 'narrator' | 'player';

  /** Empty while a narrator reply streams; the live text is in the generation's stream. */
  @Column({ type: 'text', default: '' })
  content!: string;

  @Column({ type: 'integer' })
  turn!: number;

  /** Exactly one narrator message per generation. */
  @Column({ name: 'generation_id', type: 'uuid', nullable: true })
  generationId!: string | null;

  @Column({ type: 'text', nullable: true })
  status!: GenerationStatus | null;

  /** Why a failed reply failed, in words for the player. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** How the reply ended: `length` when the output cap cut it off. */
  @Column({ name: 'finish_reason', type: 'text', nullable: true })
  finishReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
