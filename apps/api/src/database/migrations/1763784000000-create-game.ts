import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGame1763784000000 implements MigrationInterface {
  name = 'CreateGame1763784000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scenarios (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        seed_key text UNIQUE,
        name text NOT NULL,
        description text NOT NULL,
        setting text NOT NULL,
        narrator_behavior text NOT NULL,
        player_name text NOT NULL,
        player_role text NOT NULL,
        initial_location text NOT NULL,
        tone text NOT NULL CHECK (tone IN ('whimsical', 'heroic', 'mysterious', 'dark', 'cozy', 'humorous', 'tense', 'melancholic')),
        content_rating text NOT NULL CHECK (content_rating IN ('all-ages', 'teen', 'mature')),
        visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'public', 'archived')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX scenarios_visibility_idx ON scenarios (visibility, updated_at DESC)`);
    await queryRunner.query(`CREATE INDEX scenarios_author_idx ON scenarios (author_id, updated_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE game_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scenario_id uuid NOT NULL REFERENCES scenarios(id) ON DELETE RESTRICT,
        title text NOT NULL,
        player_name text NOT NULL,
        player_role text NOT NULL,
        state jsonb NOT NULL,
        turn_count integer NOT NULL DEFAULT 0 CHECK (turn_count >= 0),
        active_generation_id uuid REFERENCES generations(id) ON DELETE SET NULL,
        last_played_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX game_sessions_owner_idx ON game_sessions (owner_id, last_played_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE game_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES game_sessions(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('narrator', 'player')),
        content text NOT NULL DEFAULT '',
        turn integer NOT NULL CHECK (turn >= 0),
        generation_id uuid UNIQUE REFERENCES generations(id) ON DELETE SET NULL,
        status text CHECK (status IN ('queued', 'streaming', 'completed', 'stopped', 'failed')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One player action and one narrator reply per turn; regenerating swaps the reply in one transaction.
    await queryRunner.query(`CREATE UNIQUE INDEX game_messages_turn_role_key ON game_messages (session_id, turn, role)`);

    await queryRunner.query(`
      CREATE TABLE game_state_snapshots (
        session_id uuid NOT NULL REFERENCES game_sessions(id) ON DELETE CASCADE,
        turn integer NOT NULL CHECK (turn >= 0),
        state jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, turn)
      )`);

    await queryRunner.query(`
      CREATE TABLE system_prompts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('narrator', 'world-state')),
        version integer NOT NULL CHECK (version >= 1),
        content text NOT NULL,
        note text,
        is_active boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, version)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX system_prompts_one_active_per_kind ON system_prompts (kind) WHERE is_active`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE system_prompts`);
    await queryRunner.query(`DROP TABLE game_state_snapshots`);
    await queryRunner.query(`DROP TABLE game_messages`);
    await queryRunner.query(`DROP TABLE game_sessions`);
    await queryRunner.query(`DROP TABLE scenarios`);
  }
}
