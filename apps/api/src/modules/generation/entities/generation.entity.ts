import type { GenerationKind, GenerationLimit, GenerationStatus, GenerationTarget, MediaPart } from '@storyos/contracts';
import type { ToolCall } from '@storyos/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One streamed piece of text. PostgreSQL holds it at the start and at the
 * end; the tokens in between live in a Redis stream.
 */
@Entity({ name: 'generations' })
export class GenerationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  kind!: GenerationKind;

  /** Set when this generation is a step of a multi-step flow. */
  @Column({ name: 'flow_id', type: 'uuid', nullable: true })
  flowId!: string | null;

  /** Its place among the flow's steps, from 0. */
  @Column({ name: 'step_index', type: 'integer', nullable: true })
  stepIndex!: number | null;

  @Column({ name: 'target_type', type: 'text' })
  targetType!: GenerationTarget['type'];

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: GenerationStatus;

  /** Handler-specific input, e.g. the player's action; ids and small values only. */
  @Column({ type: 'jsonb', default: {} })
  input!: Record<string, unknown>;

  @Column({ type: 'integer' })
  seed!: number;

  @Column({ type: 'text', default: '' })
  text!: string;

  /** The parts a picture or narration step made, in order (written as each is stored). */
  @Column({ type: 'jsonb', default: [] })
  media!: MediaPart[];

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq!: number;

  @Column({ name: 'finish_reason', type: 'text', nullable: true })
  finishReason!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'text' })
  model!: string;

  @Column({ type: 'integer', default: 0 })
  attempt!: number;

  @Column({ name: 'prompt_tokens', type: 'integer', nullable: true })
  promptTokens!: number | null;

  @Column({ name: 'completion_tokens', type: 'integer', nullable: true })
  completionTokens!: number | null;

  /** Our count of the prompt as sent; beside prompt_tokens it shows how good the estimate is. */
  @Column({ name: 'estimated_prompt_tokens', type: 'integer', nullable: true })
  estimatedPromptTokens!: number | null;

  /** `context`: the prompt was refused as too long (even if a shorter one then went through); `output`: the cap cut the reply. */
  @Column({ name: 'limit_hit', type: 'text', nullable: true })
  limitHit!: GenerationLimit | null;

  /** The tool calls the model answered with (a step offered `tools`), for its handler to run. */
  @Column({ name: 'tool_calls', type: 'jsonb', nullable: true })
  toolCalls!: ToolCall[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'first_chunk_at', type: 'timestamptz', nullable: true })
  firstChunkAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
