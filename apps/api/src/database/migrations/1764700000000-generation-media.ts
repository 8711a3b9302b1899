import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Picture and narration steps keep the parts they made (media ids and what each is), in order. */
export class GenerationMedia1764700000000 implements MigrationInterface {
  name = 'GenerationMedia1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE generations ADD COLUMN media jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE generations DROP COLUMN media`);
  }
}
