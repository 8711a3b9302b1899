import { IMAGE_PROMPT_TOKENS } from './prompt-plan';
import type { ChatMessage } from './text-provider';

/** Counts text in a model's tokens, exactly with its tokenizer or by estimate. */
export interface TokenCounter {
  /** What counts, for logs and docs, e.g. "cl100k_base" or "estimate". */
  readonly name: string;
  /** True when it is the model family's own tokenizer. */
  readonly exact: boolean;
  count(text: string): number;
}

/**
 * ASCII characters per token with the densest tokenizers in common local use
 * (Llama 2 and Mistral, 32k SentencePiece), measured on StoryOS prompts:
 * prose 3.40–3.85, instructions 3.72–3.83, world-state JSON 3.28, German
 * 3.06–3.20. cl100k, o200k and Llama 3 give 3.8–4.3 on the same text, so
 * this over-counts them by about a quarter: safe, if wasteful.
 */
export const ASCII_CHARS_PER_TOKEN = 3.2;
/** UTF-8 bytes per token outside ASCII: the same tokenizers spend about two tokens on a Chinese character (three bytes). */
export const NON_ASCII_BYTES_PER_TOKEN = 1.5;

/** Chat templates wrap each message in special tokens: 5 for Llama 3, ChatML and Gemma, up to 8 for Mistral's. */
export const MESSAGE_OVERHEAD_TOKENS = 8;
/** BOS, the assistant header the template appends, and preambles some templates add (Llama 3.1 writes its knowledge-cutoff dates, ~25 tokens). */
export const PROMPT_OVERHEAD_TOKENS = 32;

/** The calibrated estimate for text in a tokenizer we do not have. */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let otherBytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) ascii += 1;
    else otherBytes += code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return Math.ceil(ascii / ASCII_CHARS_PER_TOKEN + otherBytes / NON_ASCII_BYTES_PER_TOKEN);
}

/** Calibration never moves the estimate further than this from its measured base. */
const MIN_FACTOR = 0.5;
const MAX_FACTOR = 2;
const CALIBRATION_HEADROOM = 1.1;

/**
 * The estimate for models whose tokenizer we do not have. It learns from the
 * prompt sizes the server reports: an under-count is corrected at once (the
 * next prompt must fit), an over-count only slowly.
 */
export class EstimatingTokenCounter implements TokenCounter {
  readonly name = 'estimate';
  readonly exact = false;
  private factor = 1;

  count(text: string): number {
    return Math.ceil(estimateTokens(text) * this.factor);
  }

  /** How far the estimate is scaled now (1: as measured). */
  get calibration(): number {
    return this.factor;
  }

  /** `estimated` was this counter's figure for a prompt the server counted as `actual`. */
  calibrate(estimated: number, actual: number): void {
    if (estimated <= 0 || actual <= 0) return;
    const exact = this.factor * (actual / estimated);
    if (exact > this.factor) {
      this.factor = Math.min(MAX_FACTOR, exact);
      return;
    }
    // Down only slowly, and only to a tenth above the server's count: prompts differ, and an under-count is the costly error.
    const goal = exact * CALIBRATION_HEADROOM;
    if (goal < this.factor) this.factor = Math.max(MIN_FACTOR, this.factor * 0.8 + goal * 0.2);
  }
}

/** A whole prompt as the server will count it: the messages and the template around them. */
export function countPrompt(messages: readonly ChatMessage[], counter: TokenCounter): number {
  return messages.reduce((sum, message) => sum + counter.count(message.content) + (message.images?.length ?? 0) * IMAGE_PROMPT_TOKENS + MESSAGE_OVERHEAD_TOKENS, PROMPT_OVERHEAD_TOKENS);
}
