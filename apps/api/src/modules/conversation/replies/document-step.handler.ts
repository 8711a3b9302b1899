import { Injectable } from '@nestjs/common';
import { TOOL_RESULT_FOR_MODEL, documentPlan, toolConfirmation, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { DocumentVersions } from '../documents/document-versions';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { endReply, replyStatusOf, textOfMessage } from './reply-ending';
import type { ReplyStep, ToolStep } from './reply-steps';
import { replyInputOf } from './reply-input';

/** The user's message that a reply answers: the one just before it. */
async function requestOf(manager: EntityManager, reply: ChatMessageEntity): Promise<string> {
  const request = await manager.findOneBy(ChatMessageEntity, { chatId: reply.chatId, position: reply.position - 1 });
  return request ? textOfMessage(request) : '';
}

/** chat.document: the createDocument and updateDocument tools write the document (a new version) as one generation. */
@Injectable()
export class DocumentStepHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: DocumentVersions,
  ) {}

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const input = replyInputOf(generation);
    const manager = this.dataSource.manager;
    const reply = await manager.findOneBy(ChatMessageEntity, { id: input.messageId });
    if (!reply || !input.documentId || !input.title) throw new UnrecoverableError('The chat no longer exists.');
    const request = await requestOf(manager, reply);
    const model = input.model ? { model: input.model } : {};
    if (input.mode !== 'update') return { ...documentPlan({ mode: 'create', title: input.title, request }), ...model };
    const current = await this.versions.latest(manager, input.documentId);
    if (!current) throw new UnrecoverableError('The document no longer exists.');
    // A tool call says what to change in its own words; the router's steps go by the user's.
    return { ...documentPlan({ mode: 'update', title: current.title, current: current.content, description: input.description ?? request }), ...model };
  }

  /** What was written becomes a version (also when stopped part-way); the reply closes with a confirmation. */
  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const message = await manager.findOneBy(ChatMessageEntity, { generationId: generation.id });
    if (!message) return;
    const step = message.steps.find((candidate): candidate is ToolStep => candidate.type === 'tool' && candidate.generationId === generation.id);
    if (!step) return;
    const input = replyInputOf(generation);
    const content = generation.text.trim();
    const status = replyStatusOf(generation.status);
    let settled: ToolStep;
    if (status === 'failed' || !content) {
      const error = status === 'failed' ? (generation.error ?? 'The document could not be written.') : 'Stopped before anything was written.';
      settled = { ...step, error };
    } else {
      const title = input.title ?? 'Untitled';
      const version = await this.versions.add(manager, { id: step.documentId, chatId: message.chatId, userId: generation.ownerId, title, kind: 'text', content });
      settled = { ...step, output: { id: version.id, title: version.title, kind: version.kind, content: TOOL_RESULT_FOR_MODEL[step.toolName] } };
    }
    const steps = message.steps.map((candidate): ReplyStep => (candidate === step ? settled : candidate));
    if (status === 'completed' && settled.output) steps.push({ type: 'static-text', text: toolConfirmation(step.toolName, { title: settled.output.title }) });
    await endReply(manager, message, steps, status, status === 'failed' ? settled.error : null);
  }
}
