import { asBytes } from './checkpoint';

export const BOS = 1;
export const EOS = 2;

const BYTE_TOKEN = /^<0x([0-9A-Fa-f]{2})>$/;

/**
 * llama2.c's SentencePiece-style BPE tokenizer. Pieces are kept as "binary
 * strings" (one char per byte) so merges work on raw bytes, exactly like the C
 * code, even when a piece is only part of a UTF-8 character.
 */
export class Tokenizer {
  readonly vocabSize: number;
  readonly maxTokenLength: number;
  private readonly pieces: Uint8Array[] = [];
  private readonly pieceKeys: string[] = [];
  private readonly scores: Float32Array;
  private readonly lookup = new Map<string, number>();
  /** For `<0xNN>` tokens, the byte they stand for; -1 otherwise. */
  private readonly rawByte: Int16Array;
  private readonly utf8 = new TextEncoder();

  constructor(input: ArrayBuffer | Uint8Array, expectedVocabSize?: number) {
    const bytes = asBytes(input);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 4) throw new Error('Not a llama2.c tokenizer: file too short');
    this.maxTokenLength = view.getInt32(0, true);
    const scores: number[] = [];
    let offset = 4;
    while (offset < bytes.byteLength) {
      if (offset + 8 > bytes.byteLength) throw new Error(`Tokenizer truncated at token ${scores.length}`);
      scores.push(view.getFloat32(offset, true));
      const length = view.getInt32(offset + 4, true);
      offset += 8;
      if (length < 0 || offset + length > bytes.byteLength) throw new Error(`Tokenizer truncated at token ${scores.length - 1}`);
      this.pieces.push(bytes.slice(offset, offset + length));
      offset += length;
    }
    this.vocabSize = this.pieces.length;
    if (expectedVocabSize !== undefined && expectedVocabSize !== this.vocabSize) {
      throw new Error(`Tokenizer has ${this.vocabSize} tokens but the model expects ${expectedVocabSize}`);
    }
    this.scores = Float32Array.from(scores);
    this.rawByte = new Int16Array(this.vocabSize).fill(-1);
    this.pieces.forEach((piece, id) => {
      const text = binaryString(piece);
      this.pieceKeys.push(text);
      const byte = BYTE_TOKEN.exec(text);
      if (byte) {
        this.rawByte[id] = parseInt(byte[1]!, 16);
        return; // byte tokens are reached by fallback, never by matching their spelling
      }
      if (id === BOS || id === EOS || text === '<unk>') return;
      if (!this.lookup.has(text)) this.lookup.set(text, id);
    });
  }

  /**
   * Encodes text like llama2.c: a dummy leading space (SentencePiece's
   * add_dummy_prefix), one token per UTF-8 character or byte-fallback tokens,
   * then greedy merges of the adjacent pair with the highest score.
   */
  encode(text: string, options: { bos?: boolean; eos?: boolean } = {}): number[] {
    const tokens: number[] = [];
    if (options.bos) tokens.push(BOS);
    if (text.length > 0) {
      const symbols: number[] = [];
      const space = this.lookup.get(' ');
      if (space !== undefined) symbols.push(space);
      for (const char of text) {
        const key = binaryString(this.utf8.encode(char));
        const id = this.lookup.get(key);
        if (id !== undefined) {
          symbols.push(id);
        } else {
          // Byte fallback: the first 3 tokens are <unk>, <s>, </s>, then <0x00>..<0xFF>.
          for (let i = 0; i < key.length; i++) symbols.push(key.charCodeAt(i) + 3);
        }
      }
      this.merge(symbols);
      tokens.push(...symbols);
    }
    if (options.eos) tokens.push(EOS);
    return tokens;
  }

  /** The bytes token produces after prev, with the leading space dropped after BOS. */
  pieceBytes(prev: number, token: number): Uint8Array {
    const raw = this.rawByte[token];
    if (raw !== undefined && raw >= 0) return Uint8Array.of(raw);
    const piece = this.pieces[token];
    if (!piece) throw new RangeError(`Token ${token} is outside the vocabulary`);
    if (prev === BOS && piece[0] === 0x20) return piece.subarray(1);
    return piece;
  }

  /** Decodes a whole token sequence; BOS and EOS produce no text. */
  decode(tokens: readonly number[]): string {
    const decoder = new TextDecoder();
    let out = '';
    let prev = -1;
    for (const token of tokens) {
      if (token !== BOS && token !== EOS) out += decoder.decode(this.pieceBytes(prev, token), { stream: true });
      prev = token;
    }
    return out + decoder.decode();
  }

  private merge(symbols: number[]): void {
    for (;;) {
      let bestScore = -Infinity;
      let bestId = -1;
      let bestIndex = -1;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = this.pieceKeys[symbols[i]!]! + this.pieceKeys[symbols[i + 1]!]!;
        const id = this.lookup.get(key);
        if (id !== undefined && this.scores[id]! > bestScore) {
          bestScore = this.scores[id]!;
          bestId = id;
          bestIndex = i;
        }
      }
      if (bestIndex < 0) return;
      symbols.splice(bestIndex, 2, bestId);
    }
  }
}

function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
