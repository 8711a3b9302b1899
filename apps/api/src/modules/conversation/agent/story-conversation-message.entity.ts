import type { ConversationRole } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One message of a Create conversation; an agent reply's text arrives from its generation when it ends. */
@Entity({ name: 'story_conversation_messages' })
export class StoryConversationMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  /** 0, 1, 2… in the order said. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  role!: ConversationRole;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'generation_id', type: 'uuid', nullable: true })
  generationId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
