import type { Llama2Checkpoint, Llama2Config, Llama2Weights } from './checkpoint';
import { dot, matmul, rmsnorm } from './kernels';

/**
 * The llama2.c forward pass (RMSNorm, RoPE, grouped-query attention, SwiGLU)
 * over one token at a time with a KV cache. Every buffer is allocated once in
 * the constructor so decoding allocates nothing per token.
 */
export class Transformer {
  readonly config: Llama2Config;
  private readonly w: Llama2Weights;
  private readonly headSize: number;
  private readonly kvDim: number;
  private readonly kvMul: number;
  private readonly x: Float32Array;
  private readonly xb: Float32Array;
  private readonly xb2: Float32Array;
  private readonly hb: Float32Array;
  private readonly hb2: Float32Array;
  private readonly q: Float32Array;
  private readonly att: Float32Array;
  private readonly logits: Float32Array;
  private readonly keyCache: Float32Array;
  private readonly valueCache: Float32Array;
  /** Inverse RoPE frequencies per pair within a head, computed once. */
  private readonly invFreq: Float32Array;
  private readonly ropeCos: Float32Array;
  private readonly ropeSin: Float32Array;

  constructor(checkpoint: Llama2Checkpoint) {
    const c = checkpoint.config;
    this.config = c;
    this.w = checkpoint.weights;
    this.headSize = c.dim / c.nHeads;
    this.kvDim = (c.dim * c.nKvHeads) / c.nHeads;
    this.kvMul = c.nHeads / c.nKvHeads;
    this.x = new Float32Array(c.dim);
    this.xb = new Float32Array(c.dim);
    this.xb2 = new Float32Array(c.dim);
    this.hb = new Float32Array(c.hiddenDim);
    this.hb2 = new Float32Array(c.hiddenDim);
    this.q = new Float32Array(c.dim);
    this.att = new Float32Array(c.nHeads * c.seqLen);
    this.logits = new Float32Array(c.vocabSize);
    this.keyCache = new Float32Array(c.nLayers * c.seqLen * this.kvDim);
    this.valueCache = new Float32Array(c.nLayers * c.seqLen * this.kvDim);
    const half = this.headSize / 2;
    this.invFreq = new Float32Array(half);
    for (let i = 0; i < half; i++) this.invFreq[i] = 1 / Math.pow(10000, (2 * i) / this.headSize);
    this.ropeCos = new Float32Array(half);
    this.ropeSin = new Float32Array(half);
  }

  /** Runs token at position pos and returns the logits (a reused buffer: copy it to keep it). */
  forward(token: number, pos: number): Float32Array {
    const c = this.config;
    const w = this.w;
    const { dim, hiddenDim, nLayers, nHeads, seqLen } = c;
    const { x, xb, xb2, hb, hb2, q, att, keyCache, valueCache, headSize, kvDim, kvMul } = this;
    if (token < 0 || token >= c.vocabSize) throw new RangeError(`Token ${token} is outside the vocabulary`);
    if (pos < 0 || pos >= seqLen) throw new RangeError(`Position ${pos} is outside the context of ${seqLen}`);

    x.set(w.tokenEmbedding.subarray(token * dim, (token + 1) * dim));
    this.prepareRope(pos);
    const scale = 1 / Math.sqrt(headSize);

    for (let l = 0; l < nLayers; l++) {
      rmsnorm(xb, x, w.rmsAtt, l * dim, dim);

      // q for this token; k and v go straight into the cache at pos.
      const cacheOffset = l * seqLen * kvDim + pos * kvDim;
      matmul(q, 0, xb, w.wq, l * dim * dim, dim, dim);
      matmul(keyCache, cacheOffset, xb, w.wk, l * kvDim * dim, dim, kvDim);
      matmul(valueCache, cacheOffset, xb, w.wv, l * kvDim * dim, dim, kvDim);
      this.rotate(q, 0, dim);
      this.rotate(keyCache, cacheOffset, kvDim);

      // Grouped-query attention: kvMul query heads share one key/value head.
      const layerCache = l * seqLen * kvDim;
      for (let h = 0; h < nHeads; h++) {
        const qOff = h * headSize;
        const attOff = h * seqLen;
        const kvHeadOff = ((h / kvMul) | 0) * headSize;
        let max = -Infinity;
        for (let t = 0; t <= pos; t++) {
          const score = dot(q, qOff, keyCache, layerCache + t * kvDim + kvHeadOff, headSize) * scale;
          att[attOff + t] = score;
          if (score > max) max = score;
        }
        let sum = 0;
        for (let t = 0; t <= pos; t++) {
          const e = Math.exp(att[attOff + t]! - max);
          att[attOff + t] = e;
          sum += e;
        }
        const inv = 1 / sum;
        for (let i = 0; i < headSize; i++) xb[qOff + i] = 0;
        for (let t = 0; t <= pos; t++) {
          const a = att[attOff + t]! * inv;
          const vOff = layerCache + t * kvDim + kvHeadOff;
          for (let i = 0; i < headSize; i++) xb[qOff + i] = xb[qOff + i]! + a * valueCache[vOff + i]!;
        }
      }

      matmul(xb2, 0, xb, w.wo, l * dim * dim, dim, dim);
      for (let i = 0; i < dim; i++) x[i] = x[i]! + xb2[i]!;

      // SwiGLU feed-forward: w2(silu(w1 x) * w3 x).
      rmsnorm(xb, x, w.rmsFfn, l * dim, dim);
      matmul(hb, 0, xb, w.w1, l * hiddenDim * dim, dim, hiddenDim);
      matmul(hb2, 0, xb, w.w3, l * hiddenDim * dim, dim, hiddenDim);
      for (let i = 0; i < hiddenDim; i++) {
        const v = hb[i]!;
        hb[i] = (v / (1 + Math.exp(-v))) * hb2[i]!;
      }
      matmul(xb, 0, hb, w.w2, l * dim * hiddenDim, hiddenDim, dim);
      for (let i = 0; i < dim; i++) x[i] = x[i]! + xb[i]!;
    }

    rmsnorm(x, x, w.rmsFinal, 0, dim);
    matmul(this.logits, 0, x, w.wcls, 0, dim, c.vocabSize);
    return this.logits;
  }

  private prepareRope(pos: number): void {
    for (let i = 0; i < this.invFreq.length; i++) {
      const angle = pos * this.invFreq[i]!;
      this.ropeCos[i] = Math.cos(angle);
      this.ropeSin[i] = Math.sin(angle);
    }
  }

  /** Rotates consecutive pairs of every head in vec[offset .. offset+size). */
  private rotate(vec: Float32Array, offset: number, size: number): void {
    for (let i = 0; i < size; i += 2) {
      const pair = (i % this.headSize) >> 1;
      const cos = this.ropeCos[pair]!;
      const sin = this.ropeSin[pair]!;
      const a = vec[offset + i]!;
      const b = vec[offset + i + 1]!;
      vec[offset + i] = a * cos - b * sin;
      vec[offset + i + 1] = a * sin + b * cos;
    }
  }
}
