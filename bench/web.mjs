#!/usr/bin/env node
// StoryOS web main-thread benchmark: `npm run bench:web` (after `npm run build`).
//
// A long game (300 messages) is open in headless Chromium while a new reply
// streams in at 100 tokens/s (the paced fake provider: one word per delta
// every 10 ms), through the real stack: the built API serving the built web
// app, a worker, a throwaway database and Redis prefix. A Chromium
// performance trace (devtools.timeline) is recorded from the action to the
// reply's end, and the renderer main thread's longest tasks are reported:
// the target is none over 50 ms. A measurement, not a test: it never fails
// on a figure. Options: --messages=300, --words=300, --interval=10 (ms per word), --cpu-prof.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { args, call, describeMachine, log, ROOT, requireBuiltApi, sleep, startApiStack, startNode, until, withPg, stopChildren } from './lib/stack.mjs';

requireBuiltApi('bench:web');
const WEB_DIST = path.join(ROOT, 'apps/web/dist');
if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
  console.error(`bench:web needs the built web app (${WEB_DIST}); run "npm run build" first.`);
  process.exit(1);
}
const { chromium } = await import('playwright-core');
mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });

const MESSAGES = Math.max(2, Math.min(Number(args.get('messages') ?? 300), 2000));
const WORDS = Math.max(10, Math.min(Number(args.get('words') ?? 300), 3000));
const INTERVAL_MS = Math.max(1, Math.min(Number(args.get('interval') ?? 10), 1000));
const LONG_TASK_MS = 50;
const PASSWORD = 'play-the-game-1';

const SCENARIO = {
  name: 'The Lighthouse Bench',
  description: 'A keeper, a storm and a bell where no buoy was ever charted.',
  setting: 'A lighthouse on Saltglass Reef during an autumn storm.',
  narratorBehavior: 'Atmospheric and patient.',
  playerName: 'Mara',
  playerRole: 'the new keeper',
  initialLocation: 'the lamp room',
  tone: 'mysterious',
  contentRating: 'all-ages',
  visibility: 'public',
};

const NARRATION = 'The lantern swung in the wind and the old keeper climbed the stair, counting each step aloud. Far below, waves folded over the reef; a bell answered from the dark water, slow and patient. She opened the logbook, read the last line twice, and frowned at the ink still wet on the page.';

/** Fills the game with finished turns (a player action and a narrator reply each) after its opening. */
async function seedTranscript(databaseUrl, sessionId) {
  const turns = Math.ceil((MESSAGES - 1) / 2);
  await withPg(databaseUrl, async (client) => {
    await client.query(
      `INSERT INTO game_messages (session_id, role, content, turn, status, mode)
       SELECT $1, 'player', 'I look around the lamp room, turn ' || n || '.', n, 'completed', 'do' FROM generate_series(1, $2) AS n`,
      [sessionId, turns],
    );
    await client.query(
      `INSERT INTO game_messages (session_id, role, content, turn, status)
       SELECT $1, 'narrator', 'Turn ' || n || '. ' || $3, n, 'completed' FROM generate_series(1, $2) AS n`,
      [sessionId, turns, NARRATION],
    );
    await client.query('UPDATE game_sessions SET turn_count = $2, active_generation_id = NULL WHERE id = $1', [sessionId, turns]);
  });
  return 1 + turns * 2;
}

/** Renderer main-thread tasks (RunTask) from a devtools.timeline trace, longest first. */
function mainThreadTasks(events) {
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  if (!main) return [];
  return events
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.name === 'RunTask')
    .map((task) => {
      // What the task mostly did: its longest direct child event.
      const inside = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event !== task && event.ts >= task.ts && event.ts < task.ts + task.dur && event.dur > 0);
      const top = inside.sort((a, b) => b.dur - a.dur)[0];
      return { ms: task.dur / 1000, what: top ? `${top.name}${top.args?.data?.functionName ? ` ${top.args.data.functionName}` : ''}${top.args?.data?.type ? ` (${top.args.data.type})` : ''}` : '' };
    })
    .sort((a, b) => b.ms - a.ms);
}

async function main() {
  const provider = await startNode('provider', path.join(ROOT, 'bench/paced-provider.mjs'), { env: { ...process.env }, logDir: path.join(ROOT, 'tmp'), ready: /\{"port":(\d+)\}/ });
  const providerUrl = `http://127.0.0.1:${provider.ready[1]}`;
  log('starting the API (serving the built web app) and a worker on a throwaway database…');
  const stack = (started = await startApiStack('bench-web', {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: WEB_DIST,
    LLM_BASE_URL: `${providerUrl}/v1`,
    LLM_API_KEY: 'bench',
    LLM_MODEL: 'paced-bench',
  }));
  await startNode('worker', path.join(ROOT, 'apps/api/dist/worker.js'), { env: { ...stack.env, LOG_LEVEL: 'info' }, logDir: stack.logDir, ready: /is processing jobs/ });
  await call(providerUrl, 'POST', '/control', { body: { words: 20, intervalMs: 1, barrier: 0 } });

  const admin = await call(stack.baseUrl, 'POST', '/api/auth/login', { body: stack.admin, expect: 200 });
  const scenario = await call(stack.baseUrl, 'POST', '/api/scenarios', { token: admin.accessToken, body: SCENARIO, expect: 201 });

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    const email = `web-${stack.id}@bench.test`;
    const registered = await page.request.post('/api/auth/register', { headers: { 'x-refresh-transport': 'cookie' }, data: { email, password: PASSWORD, displayName: 'Bench' } });
    if (registered.status() !== 201) throw new Error(`register: ${registered.status()} ${await registered.text()}`);
    const { accessToken } = await registered.json();
    const game = await call(stack.baseUrl, 'POST', '/api/game/sessions', { token: accessToken, body: { scenarioId: scenario.id }, expect: 201 });
    await until(async () => (await call(stack.baseUrl, 'GET', `/api/game/sessions/${game.id}`, { token: accessToken, expect: 200 })).activeGenerationId === null, { tries: 240, intervalMs: 500, what: 'the opening to finish' });
    const messages = await seedTranscript(stack.databaseUrl, game.id);
    log(`a game of ${messages} messages is ready; opening it in Chromium…`);

    await page.goto(`/play/${game.id}`);
    const input = page.getByRole('textbox', { name: 'What do you do?' });
    await input.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('textarea[name="action"]')?.hasAttribute('disabled'), undefined, { timeout: 60_000 });
    await sleep(1000);

    await call(providerUrl, 'POST', '/control', { body: { words: WORDS, intervalMs: INTERVAL_MS, barrier: 0 } });
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    // --cpu-prof: also a JavaScript CPU profile of the page, written to tmp/ for finding what the long tasks run.
    if (args.has('cpu-prof')) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    const t0 = performance.now();
    await input.fill('I climb to the lamp and look out to sea');
    await input.press('Enter');
    // The reply is streaming, then done and the game takes a new action.
    await page.waitForFunction(() => document.querySelector('article[aria-label="Narrator"][aria-busy="true"]'), undefined, { timeout: 60_000 });
    await page.waitForFunction(() => {
      const replies = document.querySelectorAll('article[aria-label="Narrator"]');
      const last = replies[replies.length - 1];
      const action = document.querySelector('textarea[name="action"]');
      return Boolean(last && last.getAttribute('aria-busy') === 'false' && action && !action.disabled);
    }, undefined, { timeout: 120_000 });
    const seconds = (performance.now() - t0) / 1000;
    await cdp.send('Tracing.end');
    await complete;
    if (args.has('cpu-prof')) {
      const { profile } = await cdp.send('Profiler.stop');
      const file = path.join(ROOT, 'tmp', `web-${stack.id}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      log(`the page's CPU profile is in ${file}`);
    }

    const tasks = mainThreadTasks(events);
    const long = tasks.filter((task) => task.ms > LONG_TASK_MS);
    const busy = tasks.reduce((sum, task) => sum + task.ms, 0);
    const lines = [];
    lines.push(`StoryOS web main-thread benchmark — ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
    lines.push(`Machine: ${describeMachine()}; Chromium headless, 1280×800.`);
    lines.push(`A game of ${messages} messages; a reply of ${WORDS} words streamed at one word per ${INTERVAL_MS} ms (${(1000 / INTERVAL_MS).toFixed(0)} tokens/s); trace from the action to the reply's end: ${seconds.toFixed(1)} s.`);
    lines.push('');
    lines.push(`Renderer main thread: ${tasks.length} tasks, ${busy.toFixed(0)} ms busy (${((100 * busy) / (seconds * 1000)).toFixed(0)}% of the time); tasks over ${LONG_TASK_MS} ms: ${long.length}.`);
    lines.push('');
    lines.push('| longest tasks | ms | mostly |');
    lines.push('| ---: | ---: | :--- |');
    tasks.slice(0, 10).forEach((task, index) => lines.push(`| ${index + 1} | ${task.ms.toFixed(1)} | ${task.what} |`));
    console.log(`\n${lines.join('\n')}\n`);
  } finally {
    await browser.close();
  }
}

/** The stack once started, so a failure after that still removes it. */
let started = null;
let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`bench:web failed: ${error.stack ?? error}`);
}
if (started) {
  if (failed) started.markFailed();
  await started.cleanup();
}
await stopChildren();
process.exit(failed ? 1 : 0);
