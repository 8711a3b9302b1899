import type { GenerationStatus, PlayerTurnMode, ReplyContext, WorldState } from '@storyos/contracts';
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

  /** How a player message entered the story; null for the narrator. */
  @Column({ type: 'text', nullable: true })
  mode!: PlayerTurnMode | null;

  /** Grows with every edit by hand. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  /**
   * A reply's alternatives, in the order they were written. The one at
   * `swipeIndex` is the message's own columns (its entry here is stale);
   * the others wait here to be chosen.
   */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  swipes!: ReplySwipe[];

  @Column({ name: 'swipe_index', type: 'integer', default: 0 })
  swipeIndex!: number;

  /** What the reply's prompt held besides the story. */
  @Column({ type: 'jsonb', nullable: true })
  context!: ReplyContext | null;

  /** Set by Stop: how much of the reply the reader had on screen, so the kept text ends there. */
  @Column({ name: 'shown_chars', type: 'integer', nullable: true })
  shownChars!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One alternative of a reply, kept while another is chosen; `stateAfter` is the world as it stood after it. */
export interface ReplySwipe {
  content: string;
  generationId: string | null;
  status: GenerationStatus | null;
  error: string | null;
  finishReason: string | null;
  context: ReplyContext | null;
  stateAfter: WorldState | null;
}
