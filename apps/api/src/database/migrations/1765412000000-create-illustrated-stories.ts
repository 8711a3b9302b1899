import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUS = `text NOT NULL DEFAULT 'PENDING' CHECK (%s IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'))`;
const status = (column: string): string => `${column} ${STATUS.replace('%s', column)}`;

/**
 * Create (seed 002): the requirements agent's conversations and their
 * messages, and illustrated stories with their scenes. A scene's picture and
 * narration are media steps (generations); the scene row names them and keeps
 * each asset's status.
 */
export class CreateIllustratedStories1765412000000 implements MigrationInterface {
  name = 'CreateIllustratedStories1765412000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE story_conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        requirements jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        reply_generation_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX story_conversations_owner_idx ON story_conversations (owner_id, updated_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE story_conversation_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES story_conversations(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        role text NOT NULL CHECK (role IN ('user', 'agent')),
        text text NOT NULL,
        generation_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conversation_id, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE illustrated_stories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        conversation_id uuid REFERENCES story_conversations(id) ON DELETE SET NULL,
        title text NOT NULL,
        requirements jsonb NOT NULL,
        ${status('status')},
        stopped boolean NOT NULL DEFAULT false,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX illustrated_stories_owner_idx ON illustrated_stories (owner_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX illustrated_stories_conversation_idx ON illustrated_stories (conversation_id) WHERE conversation_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE illustrated_story_scenes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id uuid NOT NULL REFERENCES illustrated_stories(id) ON DELETE CASCADE,
        sequence integer NOT NULL CHECK (sequence >= 1),
        text text NOT NULL DEFAULT '',
        ${status('text_status')},
        text_generation_id uuid,
        text_error text,
        ${status('image_status')},
        image_generation_id uuid,
        image_error text,
        ${status('narration_status')},
        narration_generation_id uuid,
        narration_error text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (story_id, sequence)
      )`);
    // Media made for these resources is attached to them like a story's or a chat's.
    await queryRunner.query(`ALTER TABLE media_assets DROP CONSTRAINT media_assets_attached_type_check`);
    await queryRunner.query(`ALTER TABLE media_assets ADD CONSTRAINT media_assets_attached_type_check CHECK (attached_type IN ('story', 'game-session', 'chat', 'story-conversation', 'illustrated-story'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM media_assets WHERE attached_type IN ('story-conversation', 'illustrated-story')`);
    await queryRunner.query(`ALTER TABLE media_assets DROP CONSTRAINT media_assets_attached_type_check`);
    await queryRunner.query(`ALTER TABLE media_assets ADD CONSTRAINT media_assets_attached_type_check CHECK (attached_type IN ('story', 'game-session', 'chat'))`);
    await queryRunner.query(`DROP TABLE illustrated_story_scenes`);
    await queryRunner.query(`DROP TABLE illustrated_stories`);
    await queryRunner.query(`DROP TABLE story_conversation_messages`);
    await queryRunner.query(`DROP TABLE story_conversations`);
  }
}
