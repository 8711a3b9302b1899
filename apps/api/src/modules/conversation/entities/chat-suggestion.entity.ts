import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'chat_suggestions' })
export class ChatSuggestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  /** The version it was made for. */
  @Column({ name: 'document_created_at', type: 'timestamptz' })
  documentCreatedAt!: Date;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'original_text', type: 'text' })
  originalText!: string;

  @Column({ name: 'suggested_text', type: 'text' })
  suggestedText!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'is_resolved', type: 'boolean', default: false })
  isResolved!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
