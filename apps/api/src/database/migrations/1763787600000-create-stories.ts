import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStories1763787600000 implements MigrationInterface {
  name = 'CreateStories1763787600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title text NOT NULL,
        setup jsonb NOT NULL,
        active_generation_id uuid REFERENCES generations(id) ON DELETE SET NULL,
        active_phase text CHECK (active_phase IN ('premise', 'outline', 'start', 'continue')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX stories_owner_idx ON stories (owner_id, updated_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE story_artifacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id uuid NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('premise', 'outline', 'story')),
        version integer NOT NULL CHECK (version >= 1),
        text text,
        outline jsonb,
        source text NOT NULL CHECK (source IN ('generated', 'edited', 'cache')),
        generation_id uuid REFERENCES generations(id) ON DELETE SET NULL,
        is_current boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'outline') = (outline IS NOT NULL)),
        CHECK ((kind = 'outline') = (text IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX story_artifacts_version_key ON story_artifacts (story_id, kind, version)`);
    // At most one current version per kind; switching is done in one transaction.
    await queryRunner.query(`CREATE UNIQUE INDEX story_artifacts_current_key ON story_artifacts (story_id, kind) WHERE is_current`);

    await queryRunner.query(`
      CREATE TABLE story_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id uuid NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'cancelled', 'failed')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        stage text NOT NULL DEFAULT 'queued',
        error text,
        premise_artifact_id uuid REFERENCES story_artifacts(id) ON DELETE SET NULL,
        outline_artifact_id uuid REFERENCES story_artifacts(id) ON DELETE SET NULL,
        story_artifact_id uuid REFERENCES story_artifacts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX story_jobs_story_idx ON story_jobs (story_id, created_at DESC)`);
    // One whole-story job at a time per story.
    await queryRunner.query(`CREATE UNIQUE INDEX story_jobs_active_key ON story_jobs (story_id) WHERE status IN ('queued', 'running')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE story_jobs`);
    await queryRunner.query(`DROP TABLE story_artifacts`);
    await queryRunner.query(`DROP TABLE stories`);
  }
}
