import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Writer works on parts: each story keeps a bible (characters, setting,
 * style notes, with a version for stale saves) that every prompt is given,
 * and remembers which chapter a "write this chapter again" is writing.
 */
export class StoryBibleAndChapters1765430000000 implements MigrationInterface {
  name = 'StoryBibleAndChapters1765430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE stories
      ADD COLUMN bible_characters text NOT NULL DEFAULT '',
      ADD COLUMN bible_setting text NOT NULL DEFAULT '',
      ADD COLUMN bible_style_notes text NOT NULL DEFAULT '',
      ADD COLUMN bible_version integer NOT NULL DEFAULT 0 CHECK (bible_version >= 0),
      ADD COLUMN active_chapter_index integer NULL CHECK (active_chapter_index >= 0)`);
    await queryRunner.query(`ALTER TABLE stories DROP CONSTRAINT stories_active_phase_check`);
    await queryRunner.query(`ALTER TABLE stories ADD CONSTRAINT stories_active_phase_check CHECK (active_phase IN ('premise', 'outline', 'start', 'continue', 'extend', 'chapter'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE stories SET active_phase = NULL, active_generation_id = NULL WHERE active_phase = 'chapter'`);
    await queryRunner.query(`ALTER TABLE stories DROP CONSTRAINT stories_active_phase_check`);
    await queryRunner.query(`ALTER TABLE stories ADD CONSTRAINT stories_active_phase_check CHECK (active_phase IN ('premise', 'outline', 'start', 'continue', 'extend'))`);
    await queryRunner.query(`ALTER TABLE stories
      DROP COLUMN active_chapter_index,
      DROP COLUMN bible_version,
      DROP COLUMN bible_style_notes,
      DROP COLUMN bible_setting,
      DROP COLUMN bible_characters`);
  }
}
