import { Injectable } from '@nestjs/common';
import { mediaIdOfUrl, type ChatMessagePart, type PostChatRequest } from '@storyos/contracts';
import { PICTURES_UNSEEN_NOTICE, TOOL_RESULT_FOR_MODEL, titleFromMessage, toolConfirmation } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import { DataSource, MoreThan, QueryFailedError, type EntityManager } from 'typeorm';
import type { StatementRun } from '../../../core/database/prepared-statement';
import { valueOf } from '../../../core/async/settled';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService, type ReadDecision } from '../../generation/generations.service';
import { ModelsService } from '../../generation/models/models.service';
import { MediaService } from '../../media/media.service';
import { ChatAccess } from '../chats/chat-access';
import { ChatErrors } from '../conversation.errors';
import { DocumentVersions } from '../documents/document-versions';
import { SuggestionsService } from '../documents/suggestions.service';
import { ChatDocumentEntity } from '../entities/chat-document.entity';
import { ChatEntity } from '../entities/chat.entity';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { ChatAllowanceService } from './chat-allowance.service';
import { assertFreeForMessage, createForMessage, lockForMessage, readChatAndMessage, type CreatedForMessage, type LockedForMessage } from './chat-turn-reads';
import { partsOfSteps, type ReplyStep } from './reply-steps';
import { chatTurnStatements, readSameMessage, storeChatTurn } from './store-chat-turn';
import { ChatModelAbilities } from './chat-model-abilities';
import type { ReplyRecord } from '../stream/reply-stream';
import { routeReply, TOOL_CALLING_PLAN, type ReplyPlan } from './reply-plan';

type GenerationPlan = Extract<ReplyPlan, { kind: 'generation' }>;

export interface PostedTurn {
  /** The reply whose stream answers the request. */
  replyId: string;
  /** The reply as stored, when the request knows it without reading it back. */
  started?: ReplyRecord;
}

/**
 * `POST /api/chat`: stores the user's message (a new one, or an edit that
 * drops what came after it), and starts the reply. Every check that can
 * refuse runs before anything is stored or counted.
 */
@Injectable()
export class ChatRepliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChatAccess,
    private readonly generations: GenerationsService,
    private readonly allowance: ChatAllowanceService,
    private readonly models: ModelsService,
    private readonly abilities: ChatModelAbilities,
    private readonly media: MediaService,
    private readonly versions: DocumentVersions,
    private readonly suggestions: SuggestionsService,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ChatRepliesService.name);
  }

  async post(user: AuthUser, body: PostChatRequest): Promise<PostedTurn> {
    // A tool-calling model decides what the reply does; for the builtin engine the intent router does, from the chat's document.
    const callsTools = this.abilities.callsTools(body.selectedChatModel);
    // The checks' reads and the allowance go side by side (the reply's first words wait for the slowest, not the sum);
    // their refusals are answered in the order they are checked, and a refused message gives its count back.
    const [offered, found, own, latest, counted] = await Promise.allSettled([
      this.assertOffered(body.selectedChatModel),
      readChatAndMessage(this.dataSource, body.id, body.message.id),
      this.ownPictures(user, body.message.parts),
      callsTools ? null : this.versions.latestOfChat(this.dataSource.manager, body.id),
      this.allowance.consume(user),
    ]);
    let existing: ChatEntity | null;
    let messageKnown: boolean;
    let pictures: string[];
    let document: ChatDocumentEntity | null;
    try {
      valueOf(offered);
      ({ chat: existing, messageKnown } = valueOf(found));
      if (existing) {
        if (existing.userId !== user.id) throw existing.visibility === 'public' ? ChatErrors.readOnly() : ChatErrors.chatNotFound();
        if (existing.activeMessageId) throw ChatErrors.busy();
      }
      pictures = valueOf(own);
      document = existing ? valueOf(latest) : null;
    } catch (error) {
      if (counted.status === 'fulfilled') await this.allowance.refund(user);
      throw error;
    }
    valueOf(counted);
    const text = body.message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
    const plan = callsTools ? TOOL_CALLING_PLAN : routeReply(text, document, 'builtin');
    const replyId = randomUUID();

    try {
      if (plan.kind === 'generation' && !messageKnown && pictures.length === 0) {
        if (existing) return { replyId, started: await this.sendNewMessage(user, body, plan, replyId) };
        const started = await this.startNewChat(user, body, plan, replyId, text);
        if (started) {
          await this.nameChat(user, body.id, body.message.id, body.selectedChatModel);
          return { replyId, started };
        }
        // The chat was made by another request since it was read missing: the long way decides what this message is.
      }
      const write = (manager: EntityManager, generationId: string | null) => this.writeTurn(manager, user, body, { text, pictures, plan, replyId, generationId });
      let created: boolean;
      if (plan.kind === 'immediate') {
        created = await this.dataSource.transaction((manager) => write(manager, null));
      } else {
        const spec = { kind: plan.generationKind, target: { type: 'chat' as const, id: body.id }, input: { ...plan.input, messageId: replyId, model: body.selectedChatModel } };
        created = (await this.generations.start(user, spec, (manager, generation) => write(manager, generation.id))).result ?? false;
      }
      if (created) await this.nameChat(user, body.id, body.message.id, body.selectedChatModel);
      return { replyId };
    } catch (error) {
      await this.allowance.refund(user);
      throw error;
    }
  }

  /**
   * The common turn (a new message without pictures, to an existing chat) in
   * two round trips (`startFromRead`): the chat locked with the transaction's
   * BEGIN, then the turn's rows with its COMMIT; the reply's job is queued
   * between them. A new chat's first message goes the same way
   * (`startNewChat`); an edit, a message with pictures and a reply that needs
   * no generation take `writeTurn`'s way.
   */
  private async sendNewMessage(user: AuthUser, body: PostChatRequest, plan: GenerationPlan, replyId: string): Promise<ReplyRecord> {
    return this.startTurn<LockedForMessage>(user, plan, lockForMessage(user, body.id), (row, generationId) => {
      assertFreeForMessage(row);
      return this.newMessageRows(body, plan, replyId, generationId, row.startedAt);
    });
  }

  /**
   * A new chat's first message (without pictures) the same way: the chat's
   * row stored by the first round trip, the messages by the second. Null when
   * the chat exists by then (nothing is stored; the caller takes the long way).
   */
  private async startNewChat(user: AuthUser, body: PostChatRequest, plan: GenerationPlan, replyId: string, text: string): Promise<ReplyRecord | null> {
    const chat = { id: body.id, title: titleFromMessage(text), visibility: body.selectedVisibilityType, model: body.selectedChatModel };
    try {
      return await this.startTurn<CreatedForMessage>(user, plan, createForMessage(user, chat), (row, generationId) => {
        if (!row) throw new ChatMadeMeanwhile();
        return this.newMessageRows(body, plan, replyId, generationId, row.startedAt);
      });
    } catch (error) {
      if (error instanceof ChatMadeMeanwhile) return null;
      throw error;
    }
  }

  /** A turn's start in two round trips (`startFromRead`), the first being `read`. */
  private async startTurn<Row extends QueryResultRow>(user: AuthUser, plan: GenerationPlan, read: StatementRun, decide: (row: Row | undefined, generationId: string) => ReadDecision<ReplyRecord>): Promise<ReplyRecord> {
    try {
      return (await this.generations.startFromRead<Row, ReplyRecord>(user, plan.generationKind, read, decide)).result;
    } catch (error) {
      // The id was free when it was read; another request stored a message with it since.
      throw isMessageIdTaken(error) ? ChatErrors.messageTaken() : error;
    }
  }

  /** A new message and its reply, last in the chat, with the reply's job's target and input. */
  private newMessageRows(body: PostChatRequest, plan: GenerationPlan, replyId: string, generationId: string, startedAt: Date): ReadDecision<ReplyRecord> {
    const steps = [generationStep(plan, generationId)];
    return {
      target: { type: 'chat', id: body.id },
      input: { ...plan.input, messageId: replyId, model: body.selectedChatModel },
      statements: chatTurnStatements({
        chatId: body.id,
        model: body.selectedChatModel,
        user: { id: body.message.id, parts: normalisedParts(body.message.parts), editedPosition: null },
        reply: { id: replyId, steps, parts: [], generationId, status: 'streaming' },
      }),
      result: { id: replyId, steps, status: 'streaming', error: null, createdAt: startedAt },
    };
  }

  private async assertOffered(model: string): Promise<void> {
    if (!(await this.models.offers(model))) throw ChatErrors.unknownModel(model);
  }

  /** The pictures' media ids; each must be one of the user's own uploads. */
  private async ownPictures(user: AuthUser, parts: PostChatRequest['message']['parts']): Promise<string[]> {
    const ids = [...new Set(parts.flatMap((part) => (part.type === 'file' ? [mediaIdOfUrl(part.url) ?? ''] : [])))];
    if (ids.length === 0) return [];
    const own = await this.media.ownUploads(user.id, ids);
    if (own.length !== ids.length || ids.includes('')) throw ChatErrors.pictureNotFound();
    return ids;
  }

  /** Stores the turn under the chat's lock; true when the chat was created by it. */
  private async writeTurn(
    manager: EntityManager,
    user: AuthUser,
    body: PostChatRequest,
    turn: { text: string; pictures: string[]; plan: ReplyPlan; replyId: string; generationId: string | null },
  ): Promise<boolean> {
    let chat = await this.access.lockOwnedOrNone(manager, user, body.id);
    const created = !chat;
    if (!chat) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ChatEntity)
        .values({ id: body.id, userId: user.id, title: titleFromMessage(turn.text), visibility: body.selectedVisibilityType, model: body.selectedChatModel })
        .orIgnore()
        .execute();
      chat = await this.access.lockOwnedOrNone(manager, user, body.id);
      if (!chat) throw ChatErrors.chatNotFound();
    }
    if (chat.activeMessageId) throw ChatErrors.busy();

    const parts = normalisedParts(body.message.parts);
    const editedPosition = await this.editedMessage(manager, chat.id, body.message.id, parts);
    await this.media.attachUploads(user.id, turn.pictures, { type: 'chat', id: chat.id }, chat.visibility === 'public', manager);

    const unseen = turn.pictures.length > 0 && !this.abilities.seesPictures(body.selectedChatModel);
    const steps: ReplyStep[] = unseen ? [{ type: 'static-text', text: PICTURES_UNSEEN_NOTICE }] : [];
    const { plan } = turn;
    let ended = false;
    if (plan.kind === 'generation') {
      steps.push(generationStep(plan, turn.generationId!));
    } else {
      const suggestions = await this.suggestions.store(manager, plan.document, plan.drafts);
      const output = { id: plan.document.id, title: plan.document.title, kind: plan.document.kind, content: TOOL_RESULT_FOR_MODEL.requestSuggestions };
      steps.push({ ...plan.tool, generationId: null, output, suggestions });
      steps.push({ type: 'static-text', text: toolConfirmation('requestSuggestions', { title: plan.document.title, suggestions: suggestions.length }) });
      ended = true;
    }
    await storeChatTurn(manager, {
      chatId: chat.id,
      model: body.selectedChatModel,
      user: { id: body.message.id, parts, editedPosition },
      reply: { id: turn.replyId, steps, parts: ended ? partsOfSteps(steps) : [], generationId: turn.generationId, status: ended ? 'completed' : 'streaming' },
    });
    return created;
  }

  /**
   * A message id the chat already has is an edit (or a regenerate, with the
   * same text): it takes the new parts here, the messages after it go, and
   * its position is the answer. A new message (null) goes last, stored with
   * the reply by `storeChatTurn`.
   */
  private async editedMessage(manager: EntityManager, chatId: string, id: string, parts: ChatMessagePart[]): Promise<number | null> {
    const same = await readSameMessage(manager, id);
    if (!same) return null;
    if (same.chatId !== chatId) throw ChatErrors.messageTaken();
    if (same.role !== 'user') throw ChatErrors.notUserMessage();
    await manager.delete(ChatMessageEntity, { chatId, position: MoreThan(same.position) });
    await manager.update(ChatMessageEntity, { id }, { parts });
    return same.position;
  }

  /**
   * The chat's model names a new chat from its first message. The builtin
   * engine tells stories rather than naming things, so its chats keep the
   * message's first line as their title.
   */
  private async nameChat(user: AuthUser, chatId: string, firstMessageId: string, model: string): Promise<void> {
    if (this.abilities.isBuiltin(model)) return;
    try {
      await this.generations.start(user, { kind: 'chat.title', target: { type: 'chat', id: chatId }, input: { messageId: firstMessageId, model } }, undefined, { chargeQuota: false });
    } catch (error) {
      // The chat keeps its first line as its title; the reply itself is already under way.
      this.logger.warn({ err: error, userId: user.id, chatId }, 'Could not start the chat title step');
    }
  }
}

/** The reply's step its generation writes: the tool's, when the plan calls one, else the text. */
function generationStep(plan: GenerationPlan, generationId: string): ReplyStep {
  return plan.tool ? { ...plan.tool, generationId } : { type: 'text', generationId, text: null };
}

/** A new chat's first message found the chat made by another request since its checks read it missing. */
class ChatMadeMeanwhile extends Error {}

/** A message id's unique key refused the row. */
function isMessageIdTaken(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? (error.driverError as { code?: string; table?: string }) : undefined;
  return cause?.code === '23505' && cause.table === 'chat_messages';
}

/** Media URLs kept in one form (`/api/media/<id>`), whatever origin the client wrote them with. */
function normalisedParts(parts: PostChatRequest['message']['parts']): ChatMessagePart[] {
  return parts.map((part) => (part.type === 'file' ? { ...part, url: `/api/media/${mediaIdOfUrl(part.url)}` } : part));
}

