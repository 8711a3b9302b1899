import type { ChatMessagePart, ChatToolName, DocumentToolOutput, Suggestion } from '@storyos/contracts';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * The parts a reply is made of, in order. The reply's stream is rendered
 * from these (and the live stream of the one generation among them), so a
 * client that resumes gets exactly what the first reader got.
 */
export type ReplyStep =
  /** Words from StoryOS rather than the model: a notice before the reply, a confirmation after a tool. */
  | { type: 'static-text'; text: string }
  /** The model's reply; `text` is set once the generation ends. */
  | { type: 'text'; generationId: string; text: string | null }
  | ToolStep;

export interface ToolStep {
  type: 'tool';
  toolCallId: string;
  toolName: ChatToolName;
  input: Record<string, unknown>;
  /** The document the tool acts on. */
  documentId: string;
  /** The generation writing the document or the suggestions; null when the tool ran without one (the builtin editor). */
  generationId: string | null;
  output: DocumentToolOutput | null;
  error: string | null;
  /** The suggestions it made (requestSuggestions). */
  suggestions?: Suggestion[];
}

/** The message parts of a reply's steps: a step-start before each, then its text or tool part. */
export function partsOfSteps(steps: readonly ReplyStep[]): ChatMessagePart[] {
  return steps.flatMap((step): ChatMessagePart[] => {
    if (step.type === 'static-text') return [{ type: 'step-start' }, { type: 'text', text: step.text }];
    if (step.type === 'text') return step.text ? [{ type: 'step-start' }, { type: 'text', text: step.text }] : [];
    const base = { toolCallId: step.toolCallId, input: step.input };
    const state = step.error !== null ? 'output-error' : step.output ? 'output-available' : 'input-available';
    const part = { type: `tool-${step.toolName}`, ...base, state, ...(step.output && { output: step.output }), ...(step.error !== null && { errorText: step.error }) };
    return [{ type: 'step-start' }, part as ChatMessagePart];
  });
}

/** Steps as a column value: TypeORM's partial-entity type cannot follow the union, the jsonb column takes it as it is. */
export function stepsValue(steps: ReplyStep[]): QueryDeepPartialEntity<ReplyStep>[] {
  return steps as unknown as QueryDeepPartialEntity<ReplyStep>[];
}
