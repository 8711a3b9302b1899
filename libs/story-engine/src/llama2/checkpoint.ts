/** Model hyper-parameters from the seven int32 of a llama2.c checkpoint header. */
export interface Llama2Config {
  dim: number;
  hiddenDim: number;
  nLayers: number;
  nHeads: number;
  nKvHeads: number;
  vocabSize: number;
  seqLen: number;
  /** True when the classifier reuses the token embedding (vocab_size > 0 in the file). */
  sharedClassifier: boolean;
}

/** Weights as flat Float32Arrays, laid out exactly as llama2.c's run.c expects. */
export interface Llama2Weights {
  tokenEmbedding: Float32Array; // [vocab, dim]
  rmsAtt: Float32Array; // [layers, dim]
  wq: Float32Array; // [layers, dim, dim]
  wk: Float32Array; // [layers, kvDim, dim]
  wv: Float32Array; // [layers, kvDim, dim]
  wo: Float32Array; // [layers, dim, dim]
  rmsFfn: Float32Array; // [layers, dim]
  w1: Float32Array; // [layers, hidden, dim]
  w2: Float32Array; // [layers, dim, hidden]
  w3: Float32Array; // [layers, hidden, dim]
  rmsFinal: Float32Array; // [dim]
  wcls: Float32Array; // [vocab, dim]
}

export interface Llama2Checkpoint {
  config: Llama2Config;
  weights: Llama2Weights;
}

const HEADER_BYTES = 7 * 4;

export function asBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/**
 * Parses a llama2.c checkpoint. Tensors are copied into their own aligned
 * buffers: a Node Buffer may start at any byte offset, and Float32Array views
 * need 4-byte alignment. The format is little-endian, like every host we run on.
 */
export function parseCheckpoint(input: ArrayBuffer | Uint8Array): Llama2Checkpoint {
  const bytes = asBytes(input);
  if (bytes.byteLength < HEADER_BYTES) {
    throw new Error(`Not a llama2.c checkpoint: ${bytes.byteLength} bytes is shorter than the header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = Array.from({ length: 7 }, (_, i) => view.getInt32(i * 4, true));
  const [dim, hiddenDim, nLayers, nHeads, nKvHeads, rawVocab, seqLen] = header as [number, number, number, number, number, number, number];
  const vocabSize = Math.abs(rawVocab);
  const config: Llama2Config = { dim, hiddenDim, nLayers, nHeads, nKvHeads, vocabSize, seqLen, sharedClassifier: rawVocab > 0 };
  validateConfig(config);

  const headSize = dim / nHeads;
  const kvDim = (dim * nKvHeads) / nHeads;
  let offset = HEADER_BYTES;
  const take = (count: number, name: string): Float32Array => {
    const end = offset + count * 4;
    if (end > bytes.byteLength) {
      throw new Error(`Checkpoint truncated while reading ${name}: needs ${end} bytes, has ${bytes.byteLength}`);
    }
    const tensor = new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + end));
    offset = end;
    return tensor;
  };

  const tokenEmbedding = take(vocabSize * dim, 'token_embedding');
  const rmsAtt = take(nLayers * dim, 'rms_att');
  const wq = take(nLayers * dim * dim, 'wq');
  const wk = take(nLayers * kvDim * dim, 'wk');
  const wv = take(nLayers * kvDim * dim, 'wv');
  const wo = take(nLayers * dim * dim, 'wo');
  const rmsFfn = take(nLayers * dim, 'rms_ffn');
  const w1 = take(nLayers * hiddenDim * dim, 'w1');
  const w2 = take(nLayers * dim * hiddenDim, 'w2');
  const w3 = take(nLayers * hiddenDim * dim, 'w3');
  const rmsFinal = take(dim, 'rms_final');
  // The legacy format stores RoPE tables (real and imaginary); we compute them instead.
  offset += seqLen * headSize * 4;
  const wcls = config.sharedClassifier ? tokenEmbedding : take(vocabSize * dim, 'wcls');

  return { config, weights: { tokenEmbedding, rmsAtt, wq, wk, wv, wo, rmsFfn, w1, w2, w3, rmsFinal, wcls } };
}

function validateConfig(c: Llama2Config): void {
  const positive = [c.dim, c.hiddenDim, c.nLayers, c.nHeads, c.nKvHeads, c.vocabSize, c.seqLen].every((n) => Number.isInteger(n) && n > 0 && n < 1 << 20);
  if (!positive || c.dim % c.nHeads !== 0 || c.nHeads % c.nKvHeads !== 0) {
    throw new Error(`Not a llama2.c checkpoint: implausible header ${JSON.stringify(c)}`);
  }
}
