import type { Llama2Session } from './llama2/llama2-model';
import { Sampler } from './llama2/sampler';
import type { Tokenizer } from './llama2/tokenizer';
import { passageComplete, pickPassage, type Candidate, type PassageContext } from './planner/passage/passage-picker';

export interface PassageOptions {
  seed: number;
  temperature: number;
  /** Short tries to choose from: the tiny model's first try is often off. */
  tries: number;
  /** Token budget per try: a sentence or two. */
  maxTokens: number;
  /** Words the prompt ends with and every passage starts with ("Dana"): the planner chooses who the sentence is about. */
  lead?: string;
}

export interface PassageResult {
  text: string | null;
  promptTokens: number;
  completionTokens: number;
}

/**
 * Samples a few short continuations of prompt and keeps the best-formed one.
 * Yields once per sampled token (the retries share the prompt's prefill) so the caller can stop or pause between tokens.
 */
export function* writePassage(session: Llama2Session, tokenizer: Tokenizer, prompt: string, options: PassageOptions, context: PassageContext): Generator<void, PassageResult, void> {
  const lead = options.lead?.trim() ?? '';
  const promptTokens = tokenizer.encode(lead ? `${prompt.trimEnd()} ${lead}` : prompt, { bos: true });
  const candidates: Candidate[] = [];
  let completionTokens = 0;
  for (let attempt = 0; attempt < options.tries; attempt++) {
    const sampler = new Sampler(tokenizer.vocabSize, { temperature: options.temperature, topP: 0.9, seed: (options.seed + attempt * 0x9e3779b1) >>> 0 });
    let raw = lead;
    let logProb = 0;
    let tokens = 0;
    for (const piece of session.generate(promptTokens, options.maxTokens, sampler)) {
      raw += piece;
      completionTokens++;
      logProb += sampler.lastLogProb;
      tokens++;
      yield;
      if (passageComplete(raw)) break;
    }
    candidates.push({ raw, meanLogProb: tokens > 0 ? logProb / tokens : -Infinity });
  }
  return { text: pickPassage(candidates, context), promptTokens: promptTokens.length * options.tries, completionTokens };
}
