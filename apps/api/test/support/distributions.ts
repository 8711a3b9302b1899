/**
 * Rank statistics for comparing two sets of timings without assuming a
 * distribution or any absolute speed, so a loaded machine slows both alike.
 */

/**
 * The Mann-Whitney U statistic as a probability: how likely a value drawn
 * from `a` is larger than one drawn from `b` (ties count half). 0.5 means
 * indistinguishable; 1 means every `a` is larger than every `b`.
 */
export function probabilityOfSuperiority(a: number[], b: number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

/**
 * How far `probabilityOfSuperiority` strays from 0.5 by chance alone for
 * samples of these sizes drawn from one distribution (its standard deviation
 * under the null hypothesis of the Mann-Whitney test).
 */
export function chanceSpread(sizeA: number, sizeB: number): number {
  return Math.sqrt((sizeA + sizeB + 1) / (12 * sizeA * sizeB));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
