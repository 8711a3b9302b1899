import type { DocumentKind } from '@storyos/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a document; a document's versions share its id. */
@Entity({ name: 'chat_documents' })
export class ChatDocumentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Set by the API at millisecond precision, so the timestamp clients send back names the version exactly. */
  @PrimaryColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'chat_id', type: 'uuid' })
  chatId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ type: 'text' })
  content!: string;
}
