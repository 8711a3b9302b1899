import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A step offered tools keeps the calls its model made, for its handler to run when it ends. */
export class GenerationToolCalls1765410000000 implements MigrationInterface {
  name = 'GenerationToolCalls1765410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE generations ADD COLUMN tool_calls jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE generations DROP COLUMN tool_calls`);
  }
}
