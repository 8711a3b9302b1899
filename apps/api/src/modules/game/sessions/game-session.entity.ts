import type { WorldState } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ScenarioEntity } from '../scenarios/scenario.entity';

@Entity({ name: 'game_sessions' })
export class GameSessionEntity {
  /** Chosen before the insert, because the opening generation targets it in the same transaction. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ name: 'scenario_id', type: 'uuid' })
  scenarioId!: string;

  @ManyToOne(() => ScenarioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scenario_id' })
  scenario?: ScenarioEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'player_name', type: 'text' })
  playerName!: string;

  @Column({ name: 'player_role', type: 'text' })
  playerRole!: string;

  /** The world as of the last finished world-state step. */
  @Column({ type: 'jsonb' })
  state!: WorldState;

  /** Player turns played so far; the opening is turn 0. */
  @Column({ name: 'turn_count', type: 'integer', default: 0 })
  turnCount!: number;

  /**
   * The generation that holds the session: new input is refused while set.
   * A completed reply keeps holding it until its world-state step takes over.
   */
  @Column({ name: 'active_generation_id', type: 'uuid', nullable: true })
  activeGenerationId!: string | null;

  /** Always in the narrator's prompt. */
  @Column({ type: 'text', default: '' })
  memory!: string;

  /** Inserted near the end of the narrator's prompt. */
  @Column({ name: 'authors_note', type: 'text', default: '' })
  authorsNote!: string;

  /** Grows with every save of memory and author's note. */
  @Column({ name: 'notes_version', type: 'integer', default: 0 })
  notesVersion!: number;

  @Column({ name: 'last_played_at', type: 'timestamptz' })
  lastPlayedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
