import type { ChatMessagePart, ChatReplyStatus } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ReplyStep } from '../replies/reply-steps';

@Entity({ name: 'chat_messages' })
export class ChatMessageEntity {
  /** The client's id for user messages; ours for replies. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'chat_id', type: 'uuid' })
  chatId!: string;

  @Column({ type: 'text' })
  role!: 'user' | 'assistant';

  /** Order within the chat, from 0. */
  @Column({ type: 'integer' })
  position!: number;

  /** The message as the AI SDK shows it; a reply's are set when it ends. */
  @Column({ type: 'jsonb', default: [] })
  parts!: ChatMessagePart[];

  /** A reply's steps in order: what its stream is made of. */
  @Column({ type: 'jsonb', default: [] })
  steps!: ReplyStep[];

  /** The generation writing (or that wrote) this reply, when one does. */
  @Column({ name: 'generation_id', type: 'uuid', nullable: true })
  generationId!: string | null;

  /** Null for the user's messages. */
  @Column({ type: 'text', nullable: true })
  status!: ChatReplyStatus | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
