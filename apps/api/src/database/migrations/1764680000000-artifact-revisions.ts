import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each change to a version's content bumps its revision, so editors can tell a stale save from a fresh one. */
export class ArtifactRevisions1764680000000 implements MigrationInterface {
  name = 'ArtifactRevisions1764680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE story_artifacts ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE story_artifacts DROP COLUMN revision`);
  }
}
