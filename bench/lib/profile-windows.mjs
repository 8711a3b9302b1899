// Where a process spent its CPU inside chosen stretches of time (a game
// opening's request to its first delta, say), from a V8 `.cpuprofile`.
// Whole-run profiles are dominated by what happens between the stretches
// (the rest of each reply, the bench's own requests); this keeps only the
// samples inside them.
import { readFileSync } from 'node:fs';

/** The monotonic clock in µs: what V8's profiler stamps its samples with (process.hrtime, CLOCK_MONOTONIC). */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** `file:line` without the path up to node_modules or dist. */
function whereOf(callFrame) {
  const file = callFrame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\//, 'dist/').replace(/^file:\/\//, '');
  return file ? `${file}:${callFrame.lineNumber + 1}` : '';
}

/**
 * Self time per function over the samples that fall inside `windows`
 * ([startUs, endUs] pairs, sorted by start, on the monotonic clock), in µs.
 * A sample counts for the time until the next one; idle samples are left out.
 */
export function selfTimeInWindows(profile, windows) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  let busyUs = 0;
  let at = profile.startTime;
  let window = 0;
  for (let index = 0; index < profile.samples.length && window < windows.length; index += 1) {
    at += profile.timeDeltas[index];
    while (window < windows.length && windows[window][1] < at) window += 1;
    if (window >= windows.length || at < windows[window][0]) continue;
    const { callFrame } = nodes.get(profile.samples[index]);
    if (callFrame.functionName === '(idle)') continue;
    const spentUs = profile.timeDeltas[index + 1] ?? 0;
    const name = `${callFrame.functionName || '(anonymous)'} ${whereOf(callFrame)}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + spentUs);
    busyUs += spentUs;
  }
  return { windows: windows.length, busyUs, byFunction };
}

/** Markdown lines: the busiest functions of each process, in ms per window. */
export function profileTables(results, top = 12) {
  const lines = [];
  for (const { name, file, result } of results) {
    const perWindow = (us) => (us / Math.max(result.windows, 1) / 1000).toFixed(3);
    lines.push(`   ${name}: ${perWindow(result.busyUs)} ms busy per window under the profiler (${file})`);
    lines.push('');
    lines.push('| self ms per window | function |');
    lines.push('| ---: | :--- |');
    for (const [fn, us] of [...result.byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| ${perWindow(us)} | \`${fn}\` |`);
    lines.push('');
  }
  return lines;
}

/** Reads a profile written by `node --cpu-prof`. */
export function readProfile(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
