import type { ChatVisibility } from '@storyos/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'chats' })
export class ChatEntity {
  /** The client's id (the AI SDK names a chat before its first message). */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: 'private' })
  visibility!: ChatVisibility;

  /** The model last chosen for it (one of GET /api/models). */
  @Column({ type: 'text' })
  model!: string;

  /** The assistant message being written; new messages wait until it ends. */
  @Column({ name: 'active_message_id', type: 'uuid', nullable: true })
  activeMessageId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
