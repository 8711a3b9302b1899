import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Play as its best users expect: replies keep their alternatives (swipes),
 * messages can be edited (with a revision for stale edits), player input
 * has a mode (do, say, story, continue), a reply records what its prompt
 * held, a stopped reply keeps only what was on screen; each game has a
 * memory, an author's note and story cards.
 */
export class PlaySwipesNotesCards1765300000000 implements MigrationInterface {
  name = 'PlaySwipesNotesCards1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE game_messages
      ADD COLUMN mode text NULL CHECK (mode IN ('do', 'say', 'story', 'continue')),
      ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
      ADD COLUMN swipes jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN swipe_index integer NOT NULL DEFAULT 0 CHECK (swipe_index >= 0),
      ADD COLUMN context jsonb NULL,
      ADD COLUMN shown_chars integer NULL CHECK (shown_chars >= 0)`);
    await queryRunner.query(`UPDATE game_messages SET mode = 'do' WHERE role = 'player'`);
    await queryRunner.query(`ALTER TABLE game_sessions
      ADD COLUMN memory text NOT NULL DEFAULT '',
      ADD COLUMN authors_note text NOT NULL DEFAULT '',
      ADD COLUMN notes_version integer NOT NULL DEFAULT 0 CHECK (notes_version >= 0)`);
    await queryRunner.query(`CREATE TABLE game_story_cards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES game_sessions(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('character', 'place', 'thing')),
      title text NOT NULL,
      keywords text[] NOT NULL,
      content text NOT NULL,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX game_story_cards_session ON game_story_cards (session_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE game_story_cards`);
    await queryRunner.query(`ALTER TABLE game_sessions DROP COLUMN memory, DROP COLUMN authors_note, DROP COLUMN notes_version`);
    await queryRunner.query(`ALTER TABLE game_messages DROP COLUMN mode, DROP COLUMN revision, DROP COLUMN swipes, DROP COLUMN swipe_index, DROP COLUMN context, DROP COLUMN shown_chars`);
  }
}
