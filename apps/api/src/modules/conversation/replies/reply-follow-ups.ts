import { Injectable } from '@nestjs/common';
import { firstRunnableCall } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, type EntityManager } from 'typeorm';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationsService } from '../../generation/generations.service';
import { TOOLS_REFUSED } from '../../generation/runner/prompt-runner';
import { DocumentVersions } from '../documents/document-versions';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { endReply, textOfMessage } from './reply-ending';
import { replyInputOf } from './reply-input';
import { routeReply, toolCallPlan, type ReplyPlan } from './reply-plan';
import { stepsValue, type ReplyStep } from './reply-steps';

type NextStep = Extract<ReplyPlan, { kind: 'generation' }>;

/**
 * What a tool-calling reply does after its model has answered: the tool it
 * called runs as the reply's next step (a document written, revised or
 * commented on). When the server refused the tools, or the model answered
 * with neither words nor a call it could run, the intent router decides
 * from the user's message instead, as it does for the builtin engine.
 */
@Injectable()
export class ReplyFollowUps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly generations: GenerationsService,
    private readonly versions: DocumentVersions,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ReplyFollowUps.name);
  }

  /** The step after a completed chat.reply, or null when its words were the whole reply. */
  async decide(manager: EntityManager, reply: GenerationEntity, message: ChatMessageEntity): Promise<NextStep | null> {
    if (!replyInputOf(reply).tools) return null;
    const refused = reply.finishReason === TOOLS_REFUSED;
    const calls = reply.toolCalls ?? [];
    const answered = reply.text.trim() !== '';
    if (!refused && calls.length === 0 && answered) return null;
    const request = await manager.findOneBy(ChatMessageEntity, { chatId: message.chatId, position: message.position - 1 });
    const said = request ? textOfMessage(request) : '';
    const document = await this.versions.latestOfChat(manager, message.chatId);
    if (!refused) {
      const runnable = firstRunnableCall(calls, { message: said, document: document && { id: document.id, title: document.title } });
      const plan = runnable && toolCallPlan(runnable.request, runnable.call.id, document);
      if (plan) return plan;
      if (answered) return null;
    }
    const routed = routeReply(said, document, 'openai-compatible');
    return routed.kind === 'generation' ? routed : null;
  }

  /** Stores the next step with its generation, in the finished reply's transaction; `enqueue` starts it after the commit. */
  async store(manager: EntityManager, reply: GenerationEntity, message: ChatMessageEntity, steps: ReplyStep[], next: NextStep): Promise<void> {
    const { model } = replyInputOf(reply);
    const followUp = await this.generations.createFollowUp(manager, reply.ownerId, {
      kind: next.generationKind,
      target: { type: 'chat', id: message.chatId },
      input: { ...next.input, messageId: message.id, ...(model && { model }) },
    });
    const step: ReplyStep = next.tool ? { ...next.tool, generationId: followUp.id } : { type: 'text', generationId: followUp.id, text: null };
    // The message follows its newest generation: stop, and the step handlers, find it by this id.
    await manager.update(ChatMessageEntity, { id: message.id }, { steps: stepsValue([...steps, step]), generationId: followUp.id });
  }

  /** After the reply's commit: queues the step it stored. A step that cannot be queued ends the reply, failed, so the chat is free again. */
  async enqueue(reply: GenerationEntity): Promise<void> {
    const message = await this.dataSource.manager.findOneBy(ChatMessageEntity, { id: replyInputOf(reply).messageId });
    if (!message || message.status !== 'streaming' || !message.generationId || message.generationId === reply.id) return;
    const followUp = await this.dataSource.manager.findOneBy(GenerationEntity, { id: message.generationId });
    if (!followUp || followUp.status !== 'queued') return;
    try {
      await this.generations.enqueue(followUp);
    } catch (error) {
      this.logger.error({ err: error, generationId: followUp.id, userId: reply.ownerId, chatId: message.chatId }, 'Could not queue the reply’s next step');
      const steps = message.steps.map((step): ReplyStep => (step.type === 'tool' && step.generationId === followUp.id ? { ...step, error: 'The step could not be started.' } : step));
      await this.dataSource.transaction((manager) => endReply(manager, message, steps, 'failed', 'The reply could not go on. Please try again.'));
    }
  }
}
