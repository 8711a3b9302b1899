import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pictures and narration made for a story's chapters: which media step made which, for which text. */
export class StoryChapterMedia1764710000000 implements MigrationInterface {
  name = 'StoryChapterMedia1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE story_chapter_media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id uuid NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        chapter_index integer NOT NULL CHECK (chapter_index >= 0),
        kind text NOT NULL CHECK (kind IN ('illustration', 'narration')),
        text_hash char(64) NOT NULL,
        generation_id uuid NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX story_chapter_media_story_idx ON story_chapter_media (story_id, chapter_index, kind, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE story_chapter_media`);
  }
}
