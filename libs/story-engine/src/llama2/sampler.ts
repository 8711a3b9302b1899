import { Rng } from '../random';

export interface SamplerOptions {
  /** 0 means greedy (argmax). */
  temperature: number;
  /** Nucleus sampling threshold in (0, 1]; 1 (or more) samples from the whole distribution. */
  topP: number;
  seed: number;
}

/**
 * Picks the next token from logits like llama2.c: greedy at temperature 0,
 * otherwise softmax(logits / T) with optional top-p. Buffers are preallocated.
 */
export class Sampler {
  readonly temperature: number;
  readonly topP: number;
  private readonly rng: Rng;
  private readonly probs: Float32Array;
  private readonly order: Uint32Array;
  /** The model's own log-probability (softmax of the raw logits, temperature 1) of the token last sampled: a fluency signal for ranking tries. */
  lastLogProb = 0;

  constructor(vocabSize: number, options: SamplerOptions) {
    this.temperature = Math.max(0, options.temperature);
    this.topP = options.topP;
    this.rng = new Rng(options.seed);
    this.probs = new Float32Array(vocabSize);
    this.order = new Uint32Array(vocabSize);
  }

  sample(logits: Float32Array): number {
    const n = this.probs.length;
    let max = -Infinity;
    for (let i = 0; i < n; i++) if (logits[i]! > max) max = logits[i]!;
    if (this.temperature === 0) {
      const best = argmax(logits, n);
      this.lastLogProb = logProbOf(logits, n, max, best);
      return best;
    }
    const probs = this.probs;
    let sum = 0;
    let sumRaw = 0;
    for (let i = 0; i < n; i++) {
      const d = logits[i]! - max;
      const e = Math.exp(d / this.temperature);
      probs[i] = e;
      sum += e;
      sumRaw += this.temperature === 1 ? e : Math.exp(d);
    }
    for (let i = 0; i < n; i++) probs[i] = probs[i]! / sum;
    const coin = this.rng.next();
    const next = this.topP > 0 && this.topP < 1 ? this.sampleTopP(coin) : this.sampleAll(coin);
    this.lastLogProb = logits[next]! - max - Math.log(sumRaw);
    return next;
  }

  private sampleAll(coin: number): number {
    const probs = this.probs;
    let cdf = 0;
    for (let i = 0; i < probs.length; i++) {
      cdf += probs[i]!;
      if (coin < cdf) return i;
    }
    return probs.length - 1; // rounding
  }

  /** Samples among the smallest set of tokens whose probabilities reach topP. */
  private sampleTopP(coin: number): number {
    const probs = this.probs;
    const order = this.order;
    // Tokens below this cannot be part of the nucleus (llama2.c's cut-off): sorts less.
    const cutoff = (1 - this.topP) / (probs.length - 1);
    let count = 0;
    for (let i = 0; i < probs.length; i++) if (probs[i]! >= cutoff) order[count++] = i;
    const candidates = order.subarray(0, count);
    candidates.sort((a, b) => probs[b]! - probs[a]! || a - b);
    let cumulative = 0;
    let last = count - 1;
    for (let i = 0; i < count; i++) {
      cumulative += probs[candidates[i]!]!;
      if (cumulative > this.topP) {
        last = i;
        break;
      }
    }
    const r = coin * cumulative;
    let cdf = 0;
    for (let i = 0; i <= last; i++) {
      cdf += probs[candidates[i]!]!;
      if (r < cdf) return candidates[i]!;
    }
    return candidates[last]!;
  }
}

function logProbOf(logits: Float32Array, n: number, max: number, token: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(logits[i]! - max);
  return logits[token]! - max - Math.log(sum);
}

function argmax(values: Float32Array, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
