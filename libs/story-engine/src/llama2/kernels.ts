// The forward pass's inner loops. Their summation order is part of the model's
// output (float rounding), so a faster loop must keep each sum's order: the
// tests compare them with the plain loops and the logits with a recorded digest.

export function rmsnorm(out: Float32Array, x: Float32Array, weight: Float32Array, wOffset: number, size: number): void {
  let ss = 0;
  for (let i = 0; i < size; i++) ss += x[i]! * x[i]!;
  const inv = 1 / Math.sqrt(ss / size + 1e-5);
  for (let i = 0; i < size; i++) out[i] = weight[wOffset + i]! * (inv * x[i]!);
}

/**
 * Sums a[aOff + i] * b[bOff + i] in index order (the order fixes the rounding);
 * unrolled by four without reordering, for the short head vectors of attention.
 */
export function dot(a: Float32Array, aOff: number, b: Float32Array, bOff: number, size: number): number {
  let sum = 0;
  let i = 0;
  for (const size4 = size - (size % 4); i < size4; i += 4) {
    sum += a[aOff + i]! * b[bOff + i]!;
    sum += a[aOff + i + 1]! * b[bOff + i + 1]!;
    sum += a[aOff + i + 2]! * b[bOff + i + 2]!;
    sum += a[aOff + i + 3]! * b[bOff + i + 3]!;
  }
  for (; i < size; i++) sum += a[aOff + i]! * b[bOff + i]!;
  return sum;
}

/**
 * out[outOff + i] = sum_j W[wOff + i*n + j] * x[j], for W of shape [d, n].
 * Two rows per pass share each load of x; each row keeps its own four partial
 * sums in the same order as a row on its own, so the result is bit-identical.
 */
export function matmul(out: Float32Array, outOff: number, x: Float32Array, w: Float32Array, wOff: number, n: number, d: number): void {
  // Four partial sums let the JIT overlap the multiply-adds; n is a multiple of 4 for llama2.c models.
  const n4 = n - (n % 4);
  let i = 0;
  for (; i + 1 < d; i += 2) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    const rowA = wOff + i * n;
    const rowB = rowA + n;
    let j = 0;
    for (; j < n4; j += 4) {
      const x0 = x[j]!;
      const x1 = x[j + 1]!;
      const x2 = x[j + 2]!;
      const x3 = x[j + 3]!;
      a0 += w[rowA + j]! * x0;
      a1 += w[rowA + j + 1]! * x1;
      a2 += w[rowA + j + 2]! * x2;
      a3 += w[rowA + j + 3]! * x3;
      b0 += w[rowB + j]! * x0;
      b1 += w[rowB + j + 1]! * x1;
      b2 += w[rowB + j + 2]! * x2;
      b3 += w[rowB + j + 3]! * x3;
    }
    for (; j < n; j++) {
      a0 += w[rowA + j]! * x[j]!;
      b0 += w[rowB + j]! * x[j]!;
    }
    out[outOff + i] = a0 + a1 + a2 + a3;
    out[outOff + i + 1] = b0 + b1 + b2 + b3;
  }
  for (; i < d; i++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const row = wOff + i * n;
    let j = 0;
    for (; j < n4; j += 4) {
      s0 += w[row + j]! * x[j]!;
      s1 += w[row + j + 1]! * x[j + 1]!;
      s2 += w[row + j + 2]! * x[j + 2]!;
      s3 += w[row + j + 3]! * x[j + 3]!;
    }
    for (; j < n; j++) s0 += w[row + j]! * x[j]!;
    out[outOff + i] = s0 + s1 + s2 + s3;
  }
}
