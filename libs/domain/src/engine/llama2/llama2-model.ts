import { parseCheckpoint } from './checkpoint';
import type { Sampler } from './sampler';
import { BOS, EOS, Tokenizer } from './tokenizer';
import { Transformer } from './transformer';

export interface GenerateResult {
  /** 'stop' when the model ended its story (EOS/BOS), 'length' at maxTokens or the context end. */
  finishReason: 'stop' | 'length';
  promptTokens: number;
  completionTokens: number;
}

/** A llama2.c model and its tokenizer, loaded from bytes the caller read. */
export class Llama2Model {
  readonly transformer: Transformer;
  readonly tokenizer: Tokenizer;

  constructor(checkpoint: ArrayBuffer | Uint8Array, tokenizer: ArrayBuffer | Uint8Array) {
    this.transformer = new Transformer(parseCheckpoint(checkpoint));
    this.tokenizer = new Tokenizer(tokenizer, this.transformer.config.vocabSize);
  }

  get seqLen(): number {
    return this.transformer.config.seqLen;
  }

  /** BOS + the text's tokens, the shape of every TinyStories training sample. */
  encodePrompt(text: string): number[] {
    return this.tokenizer.encode(text, { bos: true });
  }

  /**
   * Feeds the prompt, then samples up to maxTokens. Yields exactly one string
   * per sampled token — '' while a multi-byte character is still incomplete —
   * so callers can count tokens and stop between any two of them.
   */
  *generate(promptTokens: readonly number[], maxTokens: number, sampler: Sampler): Generator<string, GenerateResult, void> {
    const prompt = this.fitPrompt(promptTokens, maxTokens);
    const decoder = new TextDecoder();
    const budget = Math.min(maxTokens, this.seqLen - prompt.length);
    let completion = 0;
    let logits: Float32Array | undefined;
    for (let pos = 0; pos < prompt.length; pos++) logits = this.transformer.forward(prompt[pos]!, pos);
    let prev = prompt[prompt.length - 1]!;
    let pos = prompt.length;
    while (completion < budget && logits) {
      const next = sampler.sample(logits);
      if (next === EOS || next === BOS) {
        yield decoder.decode();
        return { finishReason: 'stop', promptTokens: prompt.length, completionTokens: completion };
      }
      completion++;
      yield decoder.decode(this.tokenizer.pieceBytes(prev, next), { stream: true });
      prev = next;
      if (completion < budget) logits = this.transformer.forward(next, pos++);
    }
    return { finishReason: 'length', promptTokens: prompt.length, completionTokens: completion };
  }

  /** Keeps the prompt within the context, dropping its oldest tokens (BOS stays first). */
  private fitPrompt(tokens: readonly number[], maxTokens: number): number[] {
    const prompt = tokens.length > 0 ? [...tokens] : [BOS];
    const room = Math.max(1, this.seqLen - Math.max(1, Math.min(maxTokens, this.seqLen / 2)));
    if (prompt.length <= room) return prompt;
    const head = prompt[0] === BOS ? [BOS] : [];
    return [...head, ...prompt.slice(prompt.length - (room - head.length))];
  }
}
