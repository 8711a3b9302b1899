import type { StoryCardKind } from '@storyos/contracts';
import type { TokenCounter } from '../generation/token-count';
import type { TranscriptEntry } from './game-scenario';

/** The card fields the prompt rules read. */
export interface PromptCard {
  id: string;
  kind: StoryCardKind;
  title: string;
  keywords: readonly string[];
  content: string;
}

/** Cards whose keywords appear in the newest messages and the player's input: how far back a mention still counts. */
export const CARD_SCAN_MESSAGES = 4;
/** At most this many cards enter one prompt, however large the context. */
export const MAX_CARDS_PER_PROMPT = 8;
/** Of a model's context, the share story cards may take; they are sent whole or not at all. */
export const CARD_CONTEXT_SHARE = 0.15;

/** The text a card's keywords are looked for in: the player's input this turn and the newest messages before it. */
export function cardScanText(transcript: readonly TranscriptEntry[], input: string | undefined): string {
  return [...transcript.slice(-CARD_SCAN_MESSAGES).map((entry) => entry.content), input ?? ''].join('\n');
}

/** Whether `keyword` appears in `text` as a word or phrase, in any case ("Maren" in "maren's boat", not in "Marenko"). */
export function mentionsKeyword(text: string, keyword: string): boolean {
  const phrase = keyword.trim();
  if (!phrase) return false;
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * The cards a prompt carries: those with a keyword in `text`, the most
 * recently mentioned first, as many as fit `budgetTokens` (null: no model
 * context to share, so up to the cap). They are sent as required parts, so
 * what is chosen here is exactly what the model reads.
 */
export function chooseStoryCards(cards: readonly PromptCard[], text: string, budgetTokens: number | null, counter: TokenCounter): PromptCard[] {
  const mentioned = cards
    .map((card) => ({ card, at: Math.max(...card.keywords.map((keyword) => lastMention(text, keyword))) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => b.at - a.at)
    .map(({ card }) => card);
  const chosen: PromptCard[] = [];
  let used = 0;
  for (const card of mentioned) {
    if (chosen.length >= MAX_CARDS_PER_PROMPT) break;
    const cost = counter.count(storyCardLine(card)) + 1;
    if (budgetTokens !== null && used + cost > budgetTokens) continue;
    chosen.push(card);
    used += cost;
  }
  return chosen;
}

export function storyCardLine(card: Pick<PromptCard, 'kind' | 'title' | 'content'>): string {
  return `- ${card.title} (${card.kind}): ${card.content}`;
}

function lastMention(text: string, keyword: string): number {
  if (!mentionsKeyword(text, keyword)) return -1;
  const lower = text.toLowerCase();
  return lower.lastIndexOf(keyword.trim().toLowerCase().split(/\s+/)[0]!);
}
