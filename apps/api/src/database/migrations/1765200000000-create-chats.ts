import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateChats1765200000000 implements MigrationInterface {
  name = 'CreateChats1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE chats (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title text NOT NULL,
        visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'public')),
        model text NOT NULL,
        active_message_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX chats_user_created_idx ON chats (user_id, created_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE chat_messages (
        id uuid PRIMARY KEY,
        chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('user', 'assistant')),
        position integer NOT NULL CHECK (position >= 0),
        parts jsonb NOT NULL DEFAULT '[]'::jsonb,
        steps jsonb NOT NULL DEFAULT '[]'::jsonb,
        generation_id uuid,
        status text CHECK (status IN ('streaming', 'completed', 'stopped', 'failed')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (chat_id, position),
        CHECK ((role = 'user') = (status IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX chat_messages_generation_key ON chat_messages (generation_id) WHERE generation_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE chat_votes (
        chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
        is_upvoted boolean NOT NULL,
        PRIMARY KEY (chat_id, message_id)
      )`);
    // Versions of one document share its id; created_at (millisecond precision, set by the API) tells them apart.
    await queryRunner.query(`
      CREATE TABLE chat_documents (
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('text')),
        content text NOT NULL,
        PRIMARY KEY (id, created_at)
      )`);
    await queryRunner.query(`CREATE INDEX chat_documents_chat_idx ON chat_documents (chat_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE chat_suggestions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL,
        document_created_at timestamptz NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        original_text text NOT NULL,
        suggested_text text NOT NULL,
        description text NOT NULL,
        is_resolved boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (document_id, document_created_at) REFERENCES chat_documents (id, created_at) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX chat_suggestions_document_idx ON chat_suggestions (document_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE chat_suggestions`);
    await queryRunner.query(`DROP TABLE chat_documents`);
    await queryRunner.query(`DROP TABLE chat_votes`);
    await queryRunner.query(`DROP TABLE chat_messages`);
    await queryRunner.query(`DROP TABLE chats`);
  }
}
