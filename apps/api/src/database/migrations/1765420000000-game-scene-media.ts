import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pictures and narration made for a game's scenes (narrator replies): which media step made which, for which text. */
export class GameSceneMedia1765420000000 implements MigrationInterface {
  name = 'GameSceneMedia1765420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE game_scene_media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES game_sessions(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES game_messages(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('illustration', 'narration')),
        text_hash char(64) NOT NULL,
        generation_id uuid NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX game_scene_media_session_idx ON game_scene_media (session_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX game_scene_media_message_idx ON game_scene_media (message_id, kind, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE game_scene_media`);
  }
}
