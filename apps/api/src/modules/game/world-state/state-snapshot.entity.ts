import type { WorldState } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The world as it stood before a turn was played (turn 0: before the opening), for undo and regenerate. */
@Entity({ name: 'game_state_snapshots' })
export class StateSnapshotEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ type: 'integer' })
  turn!: number;

  @Column({ type: 'jsonb' })
  state!: WorldState;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
