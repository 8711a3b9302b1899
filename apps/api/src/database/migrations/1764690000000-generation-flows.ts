import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-step jobs become flows of ordinary generations. The whole-story jobs
 * kept so far move into generation_flows (what they produced goes to
 * `state`), and their own table goes.
 */
export class GenerationFlows1764690000000 implements MigrationInterface {
  name = 'GenerationFlows1764690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE generation_flows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'cancelled', 'failed')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        stage text NOT NULL DEFAULT 'queued',
        error text,
        state jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX generation_flows_target_idx ON generation_flows (target_type, target_id, created_at DESC)`);
    // One unfinished flow per resource: "write the whole story" twice at once would fight over one story.
    await queryRunner.query(`CREATE UNIQUE INDEX generation_flows_one_active_key ON generation_flows (target_type, target_id) WHERE status IN ('queued', 'running')`);

    await queryRunner.query(`ALTER TABLE generations ADD COLUMN flow_id uuid REFERENCES generation_flows(id) ON DELETE CASCADE, ADD COLUMN step_index integer`);
    // A step is created once, whatever retries the flow's parent job goes through.
    await queryRunner.query(`CREATE UNIQUE INDEX generations_flow_step_key ON generations (flow_id, step_index) WHERE flow_id IS NOT NULL`);

    await queryRunner.query(`
      INSERT INTO generation_flows (id, owner_id, kind, target_type, target_id, status, progress, stage, error, state, created_at, started_at, completed_at, updated_at)
      SELECT id, owner_id, 'story.whole', 'story', story_id,
             CASE WHEN status IN ('queued', 'running') THEN 'failed' ELSE status END,
             progress, stage,
             CASE WHEN status IN ('queued', 'running') THEN 'The job was stopped by an upgrade. Please start it again.' ELSE error END,
             jsonb_strip_nulls(jsonb_build_object('premiseArtifactId', premise_artifact_id, 'outlineArtifactId', outline_artifact_id, 'storyArtifactId', story_artifact_id)),
             created_at, started_at, COALESCE(completed_at, CASE WHEN status IN ('queued', 'running') THEN now() END), updated_at
      FROM story_jobs`);
    await queryRunner.query(`DROP TABLE story_jobs`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE story_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id uuid NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued',
        progress integer NOT NULL DEFAULT 0,
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
    await queryRunner.query(`
      INSERT INTO story_jobs (id, story_id, owner_id, status, progress, stage, error, premise_artifact_id, outline_artifact_id, story_artifact_id, created_at, started_at, completed_at, updated_at)
      SELECT f.id, f.target_id, f.owner_id, f.status, f.progress, f.stage, f.error,
             (f.state->>'premiseArtifactId')::uuid, (f.state->>'outlineArtifactId')::uuid, (f.state->>'storyArtifactId')::uuid,
             f.created_at, f.started_at, f.completed_at, f.updated_at
      FROM generation_flows f JOIN stories s ON s.id = f.target_id WHERE f.kind = 'story.whole'`);
    await queryRunner.query(`ALTER TABLE generations DROP COLUMN step_index, DROP COLUMN flow_id`);
    await queryRunner.query(`DROP TABLE generation_flows`);
  }
}
