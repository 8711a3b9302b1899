import { Injectable } from '@nestjs/common';
import { CHAT_HISTORY_MESSAGES, CHAT_TOOLS, chatReplyPlan, IMAGE_PROMPT_TOKENS, type ChatTurn, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { ContextWindowService } from '../../generation/budget/context-window.service';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import { readAlone, type ClaimReads } from '../../generation/handlers/claim-reads';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { entityFromRow } from '../../../core/database/entity-from-row';
import { ChatDocumentEntity } from '../entities/chat-document.entity';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { ChatModelAbilities } from './chat-model-abilities';
import { ChatPictures, SEEN_PICTURE_MESSAGES } from './chat-pictures';
import { endReply, picturesOfMessage, replyStatusOf, textOfMessage } from './reply-ending';
import { ReplyFollowUps } from './reply-follow-ups';
import type { ReplyStep } from './reply-steps';
import { replyInputOf } from './reply-input';

/** What the prompt takes of a message: who said it, and its text and pictures. */
type EarlierMessage = Pick<ChatMessageEntity, 'role' | 'parts'>;

interface ChatReplyReads {
  earlier: EarlierMessage[];
  document: ChatDocumentEntity | null;
}

/**
 * What a reply's prompt is built from, as one SELECT by the generation's id
 * (for the worker's claim statement): the chat before the reply its input
 * names, as far back as a prompt holds it — the newest messages that say
 * something (some text or a picture: replies that failed or were stopped
 * empty give a prompt nothing to build on), `CHAT_HISTORY_MESSAGES` of them,
 * each one's role and parts only (whole rows, a reply's steps above all, and
 * the whole history would lengthen every reply's claim as the chat grows) —
 * and the chat's open document (its newest version) as JSON by column name.
 */
const CHAT_REPLY_READS_SQL = `
  SELECT
    COALESCE((
      SELECT json_agg(json_build_object('role', recent.role, 'parts', recent.parts) ORDER BY recent.position)
      FROM (
        SELECT e.role, e.parts, e.position FROM chat_messages e
        WHERE e.chat_id = m.chat_id AND e.position < m.position
          AND jsonb_path_exists(e.parts, '$[*] ? (@.type == "file" || (@.type == "text" && @.text != ""))')
        ORDER BY e.position DESC
        LIMIT ${CHAT_HISTORY_MESSAGES}
      ) recent
    ), '[]'::json) AS earlier,
    (SELECT to_json(d) FROM chat_documents d WHERE d.chat_id = m.chat_id ORDER BY d.created_at DESC LIMIT 1) AS document
  FROM generations g
  JOIN chat_messages m
    ON m.id = CASE WHEN g.input ->> 'messageId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (g.input ->> 'messageId')::uuid END
  WHERE g.id = $1`;

/**
 * chat.reply: the assistant's answer, from the chat so far and the open
 * document, written by the chat's model. A tool-calling model is offered
 * the chat tools; the tool it calls runs as the reply's next step.
 */
@Injectable()
export class ChatReplyHandler implements GenerationHandler<ChatReplyReads | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly abilities: ChatModelAbilities,
    private readonly pictures: ChatPictures,
    private readonly followUps: ReplyFollowUps,
    private readonly contextWindow: ContextWindowService,
  ) {}

  readonly claimReads: ClaimReads<ChatReplyReads | null> = {
    sql: CHAT_REPLY_READS_SQL,
    read: (row) => {
      if (row === null) return null;
      const { earlier, document } = row as { earlier: EarlierMessage[]; document: Record<string, unknown> | null };
      return { earlier, document: document ? entityFromRow(this.dataSource.manager.getRepository(ChatDocumentEntity), document) : null };
    },
  };

  async buildPrompt(generation: GenerationEntity, _meanwhile: (write: Promise<unknown>) => void, readAhead?: Promise<ChatReplyReads | null>): Promise<PromptPlan> {
    const { model, tools } = replyInputOf(generation);
    const reads = await (readAhead ?? readAlone(this.dataSource, this.claimReads, generation.id));
    if (!reads) throw new UnrecoverableError('The chat no longer exists.');
    const { earlier, document } = reads;
    return chatReplyPlan({
      turns: await this.turnsOf(earlier, this.abilities.seesPictures(model) ? await this.pictureRoom() : 0),
      document: document ? { id: document.id, title: document.title, content: document.content } : null,
      tools: tools ? CHAT_TOOLS : undefined,
      model,
    });
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const message = await manager.findOneBy(ChatMessageEntity, { generationId: generation.id });
    if (!message) return; // the chat was deleted, or the message edited away, meanwhile
    const steps = message.steps.map((step): ReplyStep => (step.type === 'text' && step.generationId === generation.id ? { ...step, text: generation.text } : step));
    const status = replyStatusOf(generation.status);
    const next = status === 'completed' ? await this.followUps.decide(manager, generation, message) : null;
    if (next) return this.followUps.store(manager, generation, message, steps, next);
    await endReply(manager, message, steps, status, generation.status === 'failed' ? generation.error : null);
  }

  async afterFinished(generation: GenerationEntity): Promise<void> {
    if (generation.status === 'completed') await this.followUps.enqueue(generation);
  }

  /** How many pictures fit: at most half the context, so the words and the reply keep their room. */
  private async pictureRoom(): Promise<number> {
    const { tokens } = await this.contextWindow.current();
    return tokens === null ? Number.POSITIVE_INFINITY : Math.floor(tokens / 2 / IMAGE_PROMPT_TOKENS);
  }

  /** The chat so far; a model that sees gets the latest messages' pictures with them, newest first, as many as fit. */
  private async turnsOf(messages: EarlierMessage[], pictureRoom: number): Promise<ChatTurn[]> {
    const images = new Map<EarlierMessage, string[]>();
    let room = pictureRoom;
    for (const message of messages.filter((candidate) => picturesOfMessage(candidate) > 0).slice(-SEEN_PICTURE_MESSAGES).reverse()) {
      if (room <= 0) break;
      const urls = (await this.pictures.dataUrlsOf(message)).slice(0, room);
      room -= urls.length;
      images.set(message, urls);
    }
    return messages.map((message): ChatTurn => {
      const seen = images.get(message) ?? [];
      return { role: message.role, text: textOfMessage(message), pictures: picturesOfMessage(message), ...(seen.length > 0 && { images: seen }) };
    });
  }
}
