import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMedia1765100000000 implements MigrationInterface {
  name = 'CreateMedia1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE media_assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('upload', 'thumbnail', 'image', 'narration', 'recording')),
        content_type text NOT NULL,
        bytes integer NOT NULL CHECK (bytes >= 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        width integer CHECK (width > 0),
        height integer CHECK (height > 0),
        duration_ms integer CHECK (duration_ms >= 0),
        file_name text,
        provider text CHECK (provider IN ('builtin', 'openai-compatible')),
        model text,
        cost_cents numeric(12, 4) CHECK (cost_cents >= 0),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        parent_id uuid REFERENCES media_assets(id) ON DELETE CASCADE,
        attached_type text CHECK (attached_type IN ('story', 'game-session', 'chat')),
        attached_id uuid,
        is_public boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((attached_type IS NULL) = (attached_id IS NULL)),
        CHECK ((kind = 'thumbnail') = (parent_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX media_assets_owner_idx ON media_assets (owner_id, created_at DESC)`);
    // Content addressing: rows share stored bytes by hash; a blob is deleted with its last row.
    await queryRunner.query(`CREATE INDEX media_assets_sha256_idx ON media_assets (sha256)`);
    await queryRunner.query(`CREATE INDEX media_assets_attached_idx ON media_assets (attached_type, attached_id) WHERE attached_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX media_assets_thumbnail_key ON media_assets (parent_id) WHERE kind = 'thumbnail'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE media_assets`);
  }
}
