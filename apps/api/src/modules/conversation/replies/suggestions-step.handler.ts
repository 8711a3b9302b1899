import { Injectable } from '@nestjs/common';
import { TOOL_RESULT_FOR_MODEL, parseSuggestionReply, suggestionsPlan, toolConfirmation, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { SuggestionsService } from '../documents/suggestions.service';
import { ChatDocumentEntity } from '../entities/chat-document.entity';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import { endReply, replyStatusOf } from './reply-ending';
import type { ReplyStep, ToolStep } from './reply-steps';
import { replyInputOf } from './reply-input';

/** chat.suggestions: a model reads the document and suggests sentence-level changes, as JSON. */
@Injectable()
export class SuggestionsStepHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly suggestions: SuggestionsService,
  ) {}

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const version = await this.versionOf(this.dataSource.manager, generation);
    if (!version) throw new UnrecoverableError('The document no longer exists.');
    const { model } = replyInputOf(generation);
    return { ...suggestionsPlan({ title: version.title, content: version.content }), ...(model && { model }) };
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const message = await manager.findOneBy(ChatMessageEntity, { generationId: generation.id });
    const step = message?.steps.find((candidate): candidate is ToolStep => candidate.type === 'tool' && candidate.generationId === generation.id);
    if (!message || !step) return;
    const status = replyStatusOf(generation.status);
    const version = await this.versionOf(manager, generation);
    let settled: ToolStep;
    if (status !== 'completed' || !version) {
      settled = { ...step, error: status === 'failed' ? (generation.error ?? 'The suggestions could not be made.') : version ? 'Stopped before the suggestions were made.' : 'The document no longer exists.' };
    } else {
      const made = await this.suggestions.store(manager, version, parseSuggestionReply(generation.text));
      settled = { ...step, suggestions: made, output: { id: version.id, title: version.title, kind: version.kind, content: TOOL_RESULT_FOR_MODEL.requestSuggestions } };
    }
    const steps = message.steps.map((candidate): ReplyStep => (candidate === step ? settled : candidate));
    if (settled.output) steps.push({ type: 'static-text', text: toolConfirmation('requestSuggestions', { title: settled.output.title, suggestions: settled.suggestions?.length ?? 0 }) });
    await endReply(manager, message, steps, status, status === 'failed' ? settled.error : null);
  }

  private versionOf(manager: EntityManager, generation: GenerationEntity): Promise<ChatDocumentEntity | null> {
    const { documentId, documentCreatedAt } = replyInputOf(generation);
    if (!documentId || !documentCreatedAt) return Promise.resolve(null);
    return manager.findOneBy(ChatDocumentEntity, { id: documentId, createdAt: new Date(documentCreatedAt) });
  }
}
