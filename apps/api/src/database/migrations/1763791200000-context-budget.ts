import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a generation met on the way (the model's context, the output cap) and
 * how close our prompt count was; how replies and passages ended, so a cut
 * one can be continued.
 */
export class ContextBudget1763791200000 implements MigrationInterface {
  name = 'ContextBudget1763791200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE generations
        ADD COLUMN estimated_prompt_tokens integer,
        ADD COLUMN limit_hit text CHECK (limit_hit IN ('context', 'output'))
    `);
    await queryRunner.query(`ALTER TABLE game_messages ADD COLUMN finish_reason text`);
    await queryRunner.query(`ALTER TABLE story_artifacts ADD COLUMN cut_off boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE stories DROP CONSTRAINT stories_active_phase_check`);
    await queryRunner.query(`ALTER TABLE stories ADD CONSTRAINT stories_active_phase_check CHECK (active_phase IN ('premise', 'outline', 'start', 'continue', 'extend'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE stories SET active_phase = NULL, active_generation_id = NULL WHERE active_phase = 'extend'`);
    await queryRunner.query(`ALTER TABLE stories DROP CONSTRAINT stories_active_phase_check`);
    await queryRunner.query(`ALTER TABLE stories ADD CONSTRAINT stories_active_phase_check CHECK (active_phase IN ('premise', 'outline', 'start', 'continue'))`);
    await queryRunner.query(`ALTER TABLE story_artifacts DROP COLUMN cut_off`);
    await queryRunner.query(`ALTER TABLE game_messages DROP COLUMN finish_reason`);
    await queryRunner.query(`ALTER TABLE generations DROP COLUMN limit_hit, DROP COLUMN estimated_prompt_tokens`);
  }
}
