import { parseCheckpoint, type Llama2Checkpoint } from './checkpoint';
import type { Sampler } from './sampler';
import { BOS, EOS, Tokenizer } from './tokenizer';
import { Transformer } from './transformer';

export interface GenerateResult {
  /** 'stop' when the model ended its story (EOS/BOS), 'length' at maxTokens or the context end. */
  finishReason: 'stop' | 'length';
  promptTokens: number;
  completionTokens: number;
}

/** A llama2.c model and its tokenizer, loaded from bytes the caller read. Weights are shared by all sessions. */
export class Llama2Model {
  readonly checkpoint: Llama2Checkpoint;
  readonly tokenizer: Tokenizer;
  private defaultSession: Llama2Session | null = null;

  constructor(checkpoint: ArrayBuffer | Uint8Array, tokenizer: ArrayBuffer | Uint8Array) {
    this.checkpoint = parseCheckpoint(checkpoint);
    this.tokenizer = new Tokenizer(tokenizer, this.checkpoint.config.vocabSize);
  }

  get seqLen(): number {
    return this.checkpoint.config.seqLen;
  }

  /** BOS + the text's tokens, the shape of every TinyStories training sample. */
  encodePrompt(text: string): number[] {
    return this.tokenizer.encode(text, { bos: true });
  }

  /**
   * A decoding state of its own (KV cache and buffers, ~0.7 MB for 260K):
   * concurrent streams interleave at await points and must not share one.
   */
  session(): Llama2Session {
    return new Llama2Session(this);
  }

  /** Generates on the model's own session; see Llama2Session.generate. */
  generate(promptTokens: readonly number[], maxTokens: number, sampler: Sampler): Generator<string, GenerateResult, void> {
    this.defaultSession ??= this.session();
    return this.defaultSession.generate(promptTokens, maxTokens, sampler);
  }
}

export class Llama2Session {
  private readonly transformer: Transformer;
  /** The prompt whose KV rows are in the cache, and the logits after it: retries of one prompt skip the prefill. */
  private cachedPrompt: number[] = [];
  private readonly cachedLogits: Float32Array;

  constructor(private readonly model: Llama2Model) {
    this.transformer = new Transformer(model.checkpoint);
    this.cachedLogits = new Float32Array(model.checkpoint.config.vocabSize);
  }

  /**
   * Feeds the prompt, then samples up to maxTokens. Yields exactly one string
   * per sampled token — '' while a multi-byte character is still incomplete —
   * so callers can count tokens and stop between any two of them.
   */
  *generate(promptTokens: readonly number[], maxTokens: number, sampler: Sampler): Generator<string, GenerateResult, void> {
    const prompt = fitPrompt(promptTokens, maxTokens, this.model.seqLen);
    const decoder = new TextDecoder();
    const budget = Math.min(maxTokens, this.model.seqLen - prompt.length);
    let logits = this.prefill(prompt);
    let completion = 0;
    let prev = prompt[prompt.length - 1]!;
    let pos = prompt.length;
    while (completion < budget) {
      const next = sampler.sample(logits);
      if (next === EOS || next === BOS) {
        yield decoder.decode();
        return { finishReason: 'stop', promptTokens: prompt.length, completionTokens: completion };
      }
      completion++;
      yield decoder.decode(this.model.tokenizer.pieceBytes(prev, next), { stream: true });
      prev = next;
      if (completion < budget) logits = this.transformer.forward(next, pos++);
    }
    return { finishReason: 'length', promptTokens: prompt.length, completionTokens: completion };
  }

  private prefill(prompt: number[]): Float32Array {
    // Later positions never overwrite the prompt's KV rows, so a repeated prompt can start from the cache.
    if (sameTokens(prompt, this.cachedPrompt)) return this.cachedLogits;
    let logits = this.cachedLogits;
    for (let pos = 0; pos < prompt.length; pos++) logits = this.transformer.forward(prompt[pos]!, pos);
    this.cachedLogits.set(logits);
    this.cachedPrompt = prompt;
    return this.cachedLogits;
  }
}

/** Keeps the prompt within the context, dropping its oldest tokens (BOS stays first). */
function fitPrompt(tokens: readonly number[], maxTokens: number, seqLen: number): number[] {
  const prompt = tokens.length > 0 ? [...tokens] : [BOS];
  const room = Math.max(1, seqLen - Math.max(1, Math.min(maxTokens, seqLen / 2)));
  if (prompt.length <= room) return prompt;
  const head = prompt[0] === BOS ? [BOS] : [];
  return [...head, ...prompt.slice(prompt.length - (room - head.length))];
}

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((token, i) => token === b[i]);
}
