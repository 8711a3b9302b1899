#!/usr/bin/env node
// StoryOS builtin engine benchmark: `npm run bench:engine` (after `npm run build`).
//
// Measures, on this process's single JavaScript thread (one core):
//   1. the TinyStories forward pass alone (tokens/s at early and late positions);
//   2. forward pass + sampler, the way replies are decoded;
//   3. whole game turns through BuiltinStoryEngine (planner + model passages).
// Each figure is the median of several rounds; wall time and this process's
// CPU time are both shown, because the machine may be shared (CPU time is what
// the engine itself cost). Options: --rounds=7, --quick, --dist=<engine build>.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --dist=<dir>: measure another build of the engine (e.g. an older commit's libs/story-engine/dist) for a before/after.
const DIST = path.resolve(process.argv.find((arg) => arg.startsWith('--dist='))?.slice('--dist='.length) ?? path.join(ROOT, 'libs/story-engine/dist'));
const MODEL_DIR = path.join(ROOT, 'models');
for (const file of [path.join(DIST, 'index.js'), path.join(MODEL_DIR, 'stories260K.bin'), path.join(MODEL_DIR, 'tok512.bin')]) {
  if (!existsSync(file)) {
    console.error(`bench:engine needs ${file}.\nRun "npm run build" at the workspace root first (the model files ship in models/).`);
    process.exit(1);
  }
}

const load = (relative) => import(pathToFileURL(path.join(DIST, relative)).href);
const { Llama2Model } = await load('llama2/llama2-model.js');
const { Transformer } = await load('llama2/transformer.js');
const { Sampler } = await load('llama2/sampler.js');
const { BuiltinStoryEngine } = await load('index.js');

const args = new Map(process.argv.slice(2).map((arg) => { const [key, value = 'true'] = arg.replace(/^--/, '').split('='); return [key, value]; }));
const QUICK = args.has('quick');
const ROUNDS = Math.max(1, Math.min(Number(args.get('rounds') ?? (QUICK ? 3 : 7)), 50));
const TURNS_PER_ROUND = QUICK ? 3 : 8;

const checkpoint = readFileSync(path.join(MODEL_DIR, 'stories260K.bin'));
const tokenizer = readFileSync(path.join(MODEL_DIR, 'tok512.bin'));
const model = new Llama2Model(checkpoint, tokenizer);
const config = model.checkpoint.config;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs work() `ROUNDS` times after one warm-up; returns the median wall and CPU ms and work()'s own count. */
function measure(work) {
  work();
  const walls = [];
  const cpus = [];
  let count = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const cpu0 = cpuMs();
    const t0 = performance.now();
    count = work();
    walls.push(performance.now() - t0);
    cpus.push(cpuMs() - cpu0);
  }
  return { wallMs: median(walls), cpuMs: median(cpus), count };
}

/** Forward passes over positions [from, to), feeding back a fixed token sequence. */
function forwardOnly(from, to) {
  const transformer = new Transformer(model.checkpoint);
  // Fill the KV cache up to `from` outside the timed part, by running the same passes.
  return () => {
    for (let pos = 0; pos < from; pos++) transformer.forward((pos * 7 + 1) % config.vocabSize, pos);
    const t0 = performance.now();
    const cpu0 = cpuMs();
    for (let pos = from; pos < to; pos++) transformer.forward((pos * 7 + 1) % config.vocabSize, pos);
    forwardOnly.last = { wallMs: performance.now() - t0, cpuMs: cpuMs() - cpu0 };
    return to - from;
  };
}

function measureForward(from, to) {
  const run = forwardOnly(from, to);
  run();
  const walls = [];
  const cpus = [];
  for (let round = 0; round < ROUNDS; round++) {
    run();
    walls.push(forwardOnly.last.wallMs);
    cpus.push(forwardOnly.last.cpuMs);
  }
  return { wallMs: median(walls), cpuMs: median(cpus), count: to - from };
}

/** Decodes `tokens` tokens after a prompt the way a passage is written (sampled, temperature 0.6, top-p 0.9). */
function decode(promptText, tokens, temperature) {
  const prompt = model.encodePrompt(promptText);
  let seed = 1;
  return () => {
    const session = model.session();
    const sampler = new Sampler(config.vocabSize, { temperature, topP: 0.9, seed: seed++ });
    const generator = session.generate(prompt, tokens, sampler);
    let count = 0;
    for (let step = generator.next(); !step.done; step = generator.next()) count++;
    return count + prompt.length;
  };
}

const base = {
  scenarioName: 'The Keeper of the Light',
  setting: 'A storm-battered island where ships vanish in the fog.',
  playerName: 'Mara',
  playerRole: "a lighthouse keeper's apprentice",
  location: 'the Old Lighthouse',
  tone: 'mysterious',
};
const ACTIONS = ['I light the great lamp', 'Go to the sea cave', 'open the door', 'I ask Wren about the bell', 'climb the stair', 'read the logbook', 'I listen to the waves', 'search the shore'];

/** Whole game turns through the engine, as the worker runs them (no pause between tokens, so only engine work is timed). */
async function gameTurns(engine) {
  const walls = [];
  const cpus = [];
  let words = 0;
  let turns = 0;
  for (let round = -1; round < ROUNDS; round++) {
    const cpu0 = cpuMs();
    const t0 = performance.now();
    let roundWords = 0;
    for (let turn = 0; turn < TURNS_PER_ROUND; turn++) {
      const action = ACTIONS[turn % ACTIONS.length];
      const brief = { task: 'game.turn', ...base, characters: ['Mara', 'Wren'], action, turn: turn + 1, recentEvents: [] };
      const stream = engine.stream({ messages: [], brief, seed: 1000 * round + turn }, new AbortController().signal);
      let text = '';
      for (let step = await stream.next(); !step.done; step = await stream.next()) text += step.value;
      roundWords += text.trim().split(/\s+/).length;
    }
    if (round < 0) continue; // warm-up
    walls.push((performance.now() - t0) / TURNS_PER_ROUND);
    cpus.push((cpuMs() - cpu0) / TURNS_PER_ROUND);
    words += roundWords;
    turns += TURNS_PER_ROUND;
  }
  return { wallMs: median(walls), cpuMs: median(cpus), wordsPerTurn: words / turns };
}

const rate = (count, millis) => (count / (millis / 1000)).toFixed(0);

const PASSAGE_PROMPT = 'The storm was loud. Mara climbed the stairs of the lighthouse and';
const rows = [];
const forwardRow = (label, from, to) => {
  const r = measureForward(from, to);
  rows.push([label, r.count, rate(r.count, r.wallMs), rate(r.count, r.cpuMs)]);
};
forwardRow('forward pass, positions 0–63', 0, 64);
forwardRow('forward pass, positions 0–255', 0, 256);
forwardRow(`forward pass, positions 256–${config.seqLen - 1}`, 256, config.seqLen);
for (const [label, work] of [
  [`prompt (${model.encodePrompt(PASSAGE_PROMPT).length} tokens, prefill counted) + 40 sampled tokens, T 0.6, top-p 0.9 (one passage try)`, decode(PASSAGE_PROMPT, 40, 0.6)],
  ['BOS + 255 sampled tokens, T 0.6, top-p 0.9', decode('', 255, 0.6)],
  ['BOS + 255 greedy tokens (T 0)', decode('', 255, 0)],
]) {
  const r = measure(work);
  rows.push([label, r.count, rate(r.count, r.wallMs), rate(r.count, r.cpuMs)]);
}

const noPause = () => Promise.resolve();
const withModel = await gameTurns(new BuiltinStoryEngine({ model: { checkpoint, tokenizer }, yieldToEventLoop: noPause }));
const templatesOnly = await gameTurns(new BuiltinStoryEngine({ yieldToEventLoop: noPause }));

const cpus = os.cpus();
const lines = [];
lines.push(`StoryOS builtin engine benchmark — ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
lines.push(`Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, Node ${process.version}; one JavaScript thread; model ${JSON.stringify(config)}; median of ${ROUNDS} rounds after a warm-up.`);
lines.push(`Load average before/while running: ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} (wall figures carry the machine's other work; CPU figures are this process's own time).`);
lines.push('');
lines.push('| work | tokens | tokens/s (wall) | tokens/s (per CPU second) |');
lines.push('| :--- | ---: | ---: | ---: |');
for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
lines.push('');
lines.push('| game turn (BuiltinStoryEngine.stream, game.turn brief) | words per turn | ms per turn (wall) | CPU ms per turn |');
lines.push('| :--- | ---: | ---: | ---: |');
lines.push(`| TinyStories 260K + planner (4 tries × ≤40 tokens per passage) | ${withModel.wordsPerTurn.toFixed(0)} | ${withModel.wallMs.toFixed(1)} | ${withModel.cpuMs.toFixed(1)} |`);
lines.push(`| planner templates only (no model) | ${templatesOnly.wordsPerTurn.toFixed(0)} | ${templatesOnly.wallMs.toFixed(1)} | ${templatesOnly.cpuMs.toFixed(1)} |`);
console.log(lines.join('\n'));
