import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'chat_votes' })
export class ChatVoteEntity {
  @PrimaryColumn({ name: 'chat_id', type: 'uuid' })
  chatId!: string;

  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ name: 'is_upvoted', type: 'boolean' })
  isUpvoted!: boolean;
}
