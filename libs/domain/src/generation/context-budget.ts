import { IMAGE_PROMPT_TOKENS, type DropRank, type PromptPart } from './prompt-plan';
import type { ChatMessage } from './text-provider';
import { countPrompt, MESSAGE_OVERHEAD_TOKENS, PROMPT_OVERHEAD_TOKENS, type TokenCounter } from './token-count';

export interface ContextBudget {
  /** The model's context window; null when the provider does not read the messages (the builtin engine). */
  contextTokens: number | null;
  /** The longest reply to leave room for: max_tokens when the prompt is small enough. */
  maxOutputTokens: number;
  /** The shortest reply worth asking for: below this the prompt is refused. */
  minOutputTokens: number;
}

export interface FittedPrompt {
  messages: ChatMessage[];
  /** The prompt's size as counted (exact or estimated), template included. */
  promptTokens: number;
  /** The reply's cap, sent as max_tokens. */
  maxTokens: number;
  /** Optional parts left out to fit. */
  droppedParts: number;
}

/** Even the parts that must be sent leave too little room for a reply. */
export class PromptTooLongError extends Error {
  constructor(
    readonly requiredTokens: number,
    readonly contextTokens: number,
  ) {
    super(`The prompt needs about ${requiredTokens} tokens of a ${contextTokens}-token context, too little room for a reply.`);
    this.name = 'PromptTooLongError';
  }
}

/**
 * Tokens kept free of what we count: counts are estimates for most local
 * models, and servers count the template their own way. 5% of the context
 * plus a little.
 */
export function safetyMarginTokens(contextTokens: number): number {
  return Math.ceil(contextTokens * 0.05) + 16;
}

/**
 * Fits a prompt to the context: every required part is sent; optional parts
 * are dropped lowest rank first (older turns before the summaries that stand
 * in for them) until the prompt leaves the reply its full cap. The reply
 * then gets what room is left, never less than the minimum.
 */
export function fitPrompt(parts: readonly PromptPart[], budget: ContextBudget, counter: TokenCounter): FittedPrompt {
  const partTokens = parts.map((part) => counter.count(part.text) + 1 + (part.images?.length ?? 0) * IMAGE_PROMPT_TOKENS);
  const kept = parts.map(() => true);
  const dropOrder = rankedGroups(parts);

  if (budget.contextTokens === null) {
    const messages = assemble(parts, kept);
    return { messages, promptTokens: countPrompt(messages, counter), maxTokens: budget.maxOutputTokens, droppedParts: 0 };
  }

  const available = budget.contextTokens - safetyMarginTokens(budget.contextTokens);
  const promptRoom = available - budget.maxOutputTokens;
  const required = estimate(parts, partTokens, parts.map((part) => !part.optional));
  if (required + budget.minOutputTokens > available) throw new PromptTooLongError(required + budget.minOutputTokens, budget.contextTokens);

  let dropped = 0;
  let next = 0;
  while (next < dropOrder.length && estimate(parts, partTokens, kept) > promptRoom) {
    for (const index of dropOrder[next]!) kept[index] = false;
    dropped += dropOrder[next]!.length;
    next += 1;
  }
  // The joined text can count a little differently from its parts: settle on the real count.
  for (;;) {
    const messages = assemble(parts, kept);
    const promptTokens = countPrompt(messages, counter);
    const room = available - promptTokens;
    if (room >= budget.minOutputTokens) return { messages, promptTokens, maxTokens: Math.min(budget.maxOutputTokens, room), droppedParts: dropped };
    const group = dropOrder[next];
    if (!group) throw new PromptTooLongError(promptTokens + budget.minOutputTokens, budget.contextTokens);
    for (const index of group) kept[index] = false;
    dropped += group.length;
    next += 1;
  }
}

/** Consecutive kept parts of one role become one message. */
export function assemble(parts: readonly PromptPart[], kept: readonly boolean[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  parts.forEach((part, index) => {
    if (!kept[index]) return;
    const last = messages.at(-1);
    const images = part.images?.length ? part.images : null;
    if (last && last.role === part.role) {
      last.content += `${part.joinWith ?? '\n\n'}${part.text}`;
      if (images) last.images = [...(last.images ?? []), ...images];
    } else messages.push({ role: part.role, content: part.text, ...(images && { images: [...images] }) });
  });
  return messages;
}

/** The kept parts' tokens and the template around the messages they make. */
function estimate(parts: readonly PromptPart[], partTokens: readonly number[], kept: readonly boolean[]): number {
  let tokens = PROMPT_OVERHEAD_TOKENS;
  let role: string | null = null;
  parts.forEach((part, index) => {
    if (!kept[index]) return;
    if (part.role !== role) tokens += MESSAGE_OVERHEAD_TOKENS;
    role = part.role;
    tokens += partTokens[index]!;
  });
  return tokens;
}

/** Indexes of optional parts, grouped by rank, in the order they are dropped. */
function rankedGroups(parts: readonly PromptPart[]): number[][] {
  const groups = new Map<string, { rank: DropRank; indexes: number[] }>();
  parts.forEach((part, index) => {
    if (!part.optional) return;
    const key = `${part.optional.tier}:${part.optional.order}`;
    const group = groups.get(key) ?? { rank: part.optional, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });
  return [...groups.values()].sort((a, b) => a.rank.tier - b.rank.tier || a.rank.order - b.rank.order).map((group) => group.indexes);
}
