import type { FlowKind, FlowStatus, GenerationTarget } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A multi-step job. Its steps are generations (`generations.flow_id`); its
 * progress is derived from them; its definition keeps what the steps
 * produced in `state` (ids and small values).
 */
@Entity({ name: 'generation_flows' })
export class GenerationFlowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  kind!: FlowKind;

  @Column({ name: 'target_type', type: 'text' })
  targetType!: GenerationTarget['type'];

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: FlowStatus;

  /** 0–100; only ever grows while the flow runs. */
  @Column({ type: 'integer', default: 0 })
  progress!: number;

  /** What it is doing now, e.g. "chapter 2 of 5". */
  @Column({ type: 'text', default: 'queued' })
  stage!: string;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The definition's own record of what the steps produced. */
  @Column({ type: 'jsonb', default: {} })
  state!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
