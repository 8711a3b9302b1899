// Where a process spent its CPU inside chosen stretches of time (a game
// opening's request to its first delta, say), from a V8 `.cpuprofile`.
// Whole-run profiles are dominated by what happens between the stretches
// (the rest of each reply, the bench's own requests); this keeps only the
// samples inside them.
import { readFileSync } from 'node:fs';

/** The monotonic clock in µs: what V8's profiler stamps its samples with (process.hrtime, CLOCK_MONOTONIC). */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** `file:line` from the package's name (node_modules) or from our dist folder. */
function whereOf(callFrame) {
  const { url } = callFrame;
  const file = url.includes('/node_modules/') ? url.replace(/^.*\/node_modules\//, '') : url.replace(/^.*\/dist\//, 'dist/').replace(/^file:\/\//, '');
  return file ? `${file}:${callFrame.lineNumber + 1}` : '';
}

/** Where a frame's code lives: a package (node_modules) or our own build output (dist); Node's own code and V8's pseudo-frames are neither. */
const isApplicationFrame = (callFrame) => /\/(node_modules|dist)\//.test(callFrame.url);

/**
 * The frame where a sample's work began: the first frame from the root that
 * is a package's or ours (the event's handler: a pg reply, an HTTP request,
 * a job being added), or the sample's own function when none is (the
 * garbage collector, Node's streams alone).
 */
function entryOf(stack) {
  return stack.find(isApplicationFrame) ?? stack[stack.length - 1];
}

const labelOf = (callFrame) => `${callFrame.functionName || '(anonymous)'} ${whereOf(callFrame)}`.trim();

/**
 * Self time per function, and time per entry (see `entryOf`), over the
 * samples that fall inside `windows` ([startUs, endUs] pairs, sorted by
 * start, on the monotonic clock), in µs. A sample counts for the time until
 * the next one; idle samples are left out.
 */
export function timeInWindows(profile, windows) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
  /** Root first, the root itself left out. */
  const stackOf = (id) => {
    const frames = [];
    for (let at = id; at !== undefined; at = parents.get(at)) frames.push(nodes.get(at).callFrame);
    return frames.reverse().filter((frame) => frame.functionName !== '(root)');
  };
  const byFunction = new Map();
  const byEntry = new Map();
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
    const name = labelOf(callFrame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + spentUs);
    const entry = labelOf(entryOf(stackOf(profile.samples[index])));
    byEntry.set(entry, (byEntry.get(entry) ?? 0) + spentUs);
    busyUs += spentUs;
  }
  return { windows: windows.length, busyUs, byFunction, byEntry };
}

/** Markdown lines: each process's busiest functions, then where its work began, in ms per window. */
export function profileTables(results, top = 12) {
  const lines = [];
  for (const { name, file, result } of results) {
    const perWindow = (us) => (us / Math.max(result.windows, 1) / 1000).toFixed(3);
    const table = (heading, byName) => [
      `| ${heading} | function |`,
      '| ---: | :--- |',
      ...[...byName].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, us]) => `| ${perWindow(us)} | \`${fn}\` |`),
      '',
    ];
    lines.push(`   ${name}: ${perWindow(result.busyUs)} ms busy per window under the profiler (${file})`);
    lines.push('');
    lines.push(...table('self ms per window', result.byFunction));
    lines.push(...table('ms per window under the entry (the first package or dist frame from the root: the event being handled)', result.byEntry));
  }
  return lines;
}

/** Reads a profile written by `node --cpu-prof`. */
export function readProfile(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
