import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGenerations1763780400000 implements MigrationInterface {
  name = 'CreateGenerations1763780400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE generations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'streaming', 'completed', 'stopped', 'failed')),
        input jsonb NOT NULL DEFAULT '{}',
        seed integer NOT NULL,
        text text NOT NULL DEFAULT '',
        last_seq integer NOT NULL DEFAULT 0,
        finish_reason text,
        error text,
        provider text NOT NULL,
        model text NOT NULL,
        attempt integer NOT NULL DEFAULT 0,
        prompt_tokens integer,
        completion_tokens integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        first_chunk_at timestamptz,
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX generations_owner_idx ON generations (owner_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX generations_target_idx ON generations (target_type, target_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE generations`);
  }
}
