import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CHAT_DATA_PARTS, DISCARDED_TEXT_METADATA, type ChatMessageMetadata } from '@storyos/contracts';
import type { FinishReason, UIMessageChunk } from 'ai';
import type { Repository } from 'typeorm';
import { ChatMessageEntity } from '../entities/chat-message.entity';
import type { ReplyStep, ToolStep } from '../replies/reply-steps';
import { GenerationFollower } from './generation-follower';

type Chunk = UIMessageChunk<ChatMessageMetadata>;

/** What the chunks are made from: the stored reply, or what the request that just stored it knows of it. */
export type ReplyRecord = Pick<ChatMessageEntity, 'id' | 'steps' | 'status' | 'error' | 'createdAt'>;

/**
 * Renders a reply as the AI SDK's UI message chunks: its steps in order,
 * the generation among them followed live from its first entry. The chunks
 * depend only on the stored steps and the generation's stream, so every
 * reader of the same reply, early or late, gets the same chunks.
 */
@Injectable()
export class ReplyStream {
  constructor(
    @InjectRepository(ChatMessageEntity) private readonly messages: Repository<ChatMessageEntity>,
    private readonly follower: GenerationFollower,
  ) {}

  /** `started`: the reply as the request that stored it just now wrote it; nothing is read first, and its generations' streams are followed from their start. */
  async *chunks(messageId: string, closed: AbortSignal, started?: ReplyRecord): AsyncGenerator<Chunk, void, void> {
    let message: ReplyRecord | null = started ?? (await this.messages.findOneBy({ id: messageId }));
    if (!message) return;
    yield { type: 'start', messageId, messageMetadata: metadataOf(message) };
    for (let index = 0; index < message.steps.length; index++) {
      const step: ReplyStep = message.steps[index]!;
      const fresh = started !== undefined && index < started.steps.length;
      yield { type: 'start-step' };
      if (step.type === 'static-text') {
        yield* textChunks(`${messageId}:${index}`, step.text);
      } else if (step.type === 'text') {
        yield* this.liveText(step.generationId, closed, fresh);
        message = (await this.messages.findOneBy({ id: messageId })) ?? message;
      } else {
        yield* toolOpening(step);
        let settled: ReplyStep = step;
        if (step.generationId && !step.output && step.error === null) {
          yield* this.liveTool(step, step.generationId, closed, fresh);
          // The generation's rows commit before its end entry is written, so the step's outcome is stored by now.
          message = (await this.messages.findOneBy({ id: messageId })) ?? message;
          settled = message.steps[index] ?? step;
        }
        if (settled.type === 'tool') yield* toolClosing(settled);
      }
      if (closed.aborted) return;
      yield { type: 'finish-step' };
    }
    if (message.status === 'failed' && message.error) yield { type: 'error', errorText: message.error };
    yield { type: 'finish', finishReason: finishReasonOf(message), messageMetadata: metadataOf(message) };
  }

  /** The model's text; a retried attempt closes the given-up text as discarded and starts again. */
  private async *liveText(generationId: string, closed: AbortSignal, fresh: boolean): AsyncGenerator<Chunk, void, void> {
    let attempt = 0;
    let open = false;
    const id = (): string => `${generationId}:${attempt}`;
    for await (const entry of this.follower.entries(generationId, closed, fresh)) {
      if (entry.type === 'delta') {
        if (!open) yield { type: 'text-start', id: id() };
        open = true;
        yield { type: 'text-delta', id: id(), delta: entry.text };
      } else if (entry.type === 'reset') {
        if (open) yield { type: 'text-end', id: id(), providerMetadata: DISCARDED_TEXT_METADATA };
        open = false;
        attempt += 1;
      } else if (entry.type === 'notice') {
        yield noticeChunk(entry.message);
      } else if (open) {
        yield { type: 'text-end', id: id() };
      }
    }
  }

  /** A document being written streams into the artifact; a suggestions step's JSON is read when it ends. */
  private async *liveTool(step: ToolStep, generationId: string, closed: AbortSignal, fresh: boolean): AsyncGenerator<Chunk, void, void> {
    const writesDocument = step.toolName !== 'requestSuggestions';
    for await (const entry of this.follower.entries(generationId, closed, fresh)) {
      if (entry.type === 'notice') yield noticeChunk(entry.message);
      if (!writesDocument) continue;
      if (entry.type === 'delta') yield { type: CHAT_DATA_PARTS.textDelta, data: entry.text, transient: true };
      else if (entry.type === 'reset') yield { type: CHAT_DATA_PARTS.clear, data: null, transient: true };
    }
  }
}

function* textChunks(id: string, text: string): Generator<Chunk, void, void> {
  yield { type: 'text-start', id };
  yield { type: 'text-delta', id, delta: text };
  yield { type: 'text-end', id };
}

function noticeChunk(message: string): Chunk {
  return { type: 'data-notice', data: { message }, transient: true };
}

function* toolOpening(step: ToolStep): Generator<Chunk, void, void> {
  yield { type: 'tool-input-start', toolCallId: step.toolCallId, toolName: step.toolName };
  yield { type: 'tool-input-available', toolCallId: step.toolCallId, toolName: step.toolName, input: step.input };
  if (step.toolName === 'requestSuggestions') return;
  const title = typeof step.input['title'] === 'string' ? step.input['title'] : null;
  yield { type: CHAT_DATA_PARTS.kind, data: 'text', transient: true };
  yield { type: CHAT_DATA_PARTS.id, data: step.documentId, transient: true };
  if (title) yield { type: CHAT_DATA_PARTS.title, data: title, transient: true };
  yield { type: CHAT_DATA_PARTS.clear, data: null, transient: true };
}

function* toolClosing(step: ToolStep): Generator<Chunk, void, void> {
  for (const suggestion of step.suggestions ?? []) yield { type: CHAT_DATA_PARTS.suggestion, data: suggestion, transient: true };
  if (step.toolName !== 'requestSuggestions') yield { type: CHAT_DATA_PARTS.finish, data: null, transient: true };
  if (step.error !== null) yield { type: 'tool-output-error', toolCallId: step.toolCallId, errorText: step.error };
  else if (step.output) yield { type: 'tool-output-available', toolCallId: step.toolCallId, output: step.output };
}

function metadataOf(message: ReplyRecord): ChatMessageMetadata {
  return { createdAt: message.createdAt.toISOString(), status: message.status, error: message.error };
}

function finishReasonOf(message: ReplyRecord): FinishReason {
  if (message.status === 'failed') return 'error';
  if (message.status === 'stopped') return 'other';
  return 'stop';
}
