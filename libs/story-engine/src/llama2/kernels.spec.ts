import { createHash } from 'node:crypto';
import { readModelFile } from '../model-files.spec-helper';
import { parseCheckpoint } from './checkpoint';
import { dot, matmul } from './kernels';
import { Transformer } from './transformer';

/** The loops as they were before the two-row matmul and the unrolled dot: the reference for bit-identity. */
function plainMatmul(out: Float32Array, x: Float32Array, w: Float32Array, n: number, d: number): void {
  const n4 = n - (n % 4);
  for (let i = 0; i < d; i++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const row = i * n;
    let j = 0;
    for (; j < n4; j += 4) {
      s0 += w[row + j]! * x[j]!;
      s1 += w[row + j + 1]! * x[j + 1]!;
      s2 += w[row + j + 2]! * x[j + 2]!;
      s3 += w[row + j + 3]! * x[j + 3]!;
    }
    for (; j < n; j++) s0 += w[row + j]! * x[j]!;
    out[i] = s0 + s1 + s2 + s3;
  }
}

function plainDot(a: Float32Array, b: Float32Array, size: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Deterministic values of mixed sign and magnitude, so rounding differences would show. */
function values(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = ((state / 2 ** 32) * 2 - 1) * 10 ** ((i % 7) - 3);
  }
  return out;
}

describe('forward-pass kernels', () => {
  it.each([
    [64, 64],
    [64, 172],
    [172, 64],
    [7, 5],
    [66, 1],
  ])('matmul of a %i-wide matrix with %i rows equals the one-row-at-a-time loop bit for bit', (n, d) => {
    const x = values(n, 1);
    const w = values(n * d, 2);
    const fast = new Float32Array(d);
    const plain = new Float32Array(d);
    matmul(fast, 0, x, w, 0, n, d);
    plainMatmul(plain, x, w, n, d);
    expect(Buffer.from(fast.buffer)).toEqual(Buffer.from(plain.buffer));
  });

  it.each([1, 3, 8, 13])('dot of %i values equals the plain loop bit for bit', (size) => {
    const a = values(size, 3);
    const b = values(size, 4);
    expect(Object.is(dot(a, 0, b, 0, size), plainDot(a, b, size))).toBe(true);
  });
});

describe('TinyStories 260K forward pass output', () => {
  it('gives, over the whole 512-token context, exactly the logits the unoptimised pass gave', () => {
    const transformer = new Transformer(parseCheckpoint(readModelFile('stories260K.bin')));
    const digest = createHash('sha256');
    let token = 1;
    for (let pos = 0; pos < 512; pos++) {
      const logits = transformer.forward(token, pos);
      digest.update(Buffer.from(logits.buffer, logits.byteOffset, logits.byteLength));
      token = (token * 31 + pos) % 512;
    }
    // Recorded from the forward pass before the kernels were tuned (same token sequence).
    expect(digest.digest('hex')).toBe('6bf21a8c92b99c7d3c772268083355063fe15fcc2cd04ff324ae593fc3b4b7cc');
  });
});
