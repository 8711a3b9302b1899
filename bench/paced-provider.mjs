// A paced OpenAI-compatible Chat Completions server for the streaming benchmark.
//
// The narrator's replies stream one word per SSE delta at a fixed interval
// (the "script", changed at run time with POST /control); the world-state step
// (a system message asking for a JSON object) gets its JSON answer at once.
// Run as a child process by bench/stream.mjs so its timers never share an
// event loop with the measuring client: `node bench/paced-provider.mjs`
// prints {"port":N} on stdout and listens on 127.0.0.1 only.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const VOCABULARY = (
  'the lantern swung in the wind and the old keeper climbed the stair, counting each step aloud. ' +
  'far below, waves folded over the reef; a bell answered from the dark water, slow and patient. ' +
  'she opened the logbook, read the last line twice, and frowned at the ink still wet on the page. ' +
  'somewhere a door creaked, and the smell of salt and lamp oil drifted up through the iron floor.'
).split(' ');

/** The reply every narrator request gets: `words` words, each sent as one delta (" word"). */
export function replyWords(words) {
  return Array.from({ length: words }, (_, index) => (index === 0 ? '' : ' ') + VOCABULARY[index % VOCABULARY.length]);
}

export const replyText = (words) => replyWords(words).join('');

const WORLD_STATE = JSON.stringify({
  worldState: 'A storm circles the lighthouse; a bell rings from the sea.',
  currentLocation: 'The lamp room',
  characters: [{ name: 'The keeper', summary: 'Counts the stairs aloud.' }],
  event: 'The storm began.',
  act: 1,
  chapter: 1,
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function readBody(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function sse(model, delta, finishReason) {
  const choice = { index: 0, delta, finish_reason: finishReason };
  return `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model, choices: [choice] })}\n\n`;
}

const isWorldStateStep = (body) => (body.messages ?? []).some((message) => message.role === 'system' && /JSON object/i.test(message.content ?? ''));

export function startPacedProvider() {
  /** words per reply, ms between deltas; barrier > 0 holds replies until that many are open (or the timeout). */
  let script = { words: 100, intervalMs: 20, barrier: 0, barrierTimeoutMs: 20_000 };
  let waiting = [];
  const stats = { narrator: 0, worldState: 0, open: 0, peakOpen: 0, clientGone: 0 };

  function releaseBarrier() {
    const released = waiting;
    waiting = [];
    for (const resolve of released) resolve();
  }

  function barrier() {
    if (script.barrier <= 1) return Promise.resolve();
    const passed = new Promise((resolve) => waiting.push(resolve));
    if (waiting.length >= script.barrier) releaseBarrier();
    return Promise.race([passed, sleep(script.barrierTimeoutMs)]);
  }

  async function chat(request, response) {
    const body = JSON.parse((await readBody(request)) || '{}');
    const model = body.model ?? 'paced-bench';
    let closed = false;
    response.on('close', () => (closed = true));
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(sse(model, { role: 'assistant', content: '' }, null));
    if (isWorldStateStep(body)) {
      stats.worldState += 1;
      response.write(sse(model, { content: WORLD_STATE }, null));
    } else {
      stats.narrator += 1;
      stats.open += 1;
      stats.peakOpen = Math.max(stats.peakOpen, stats.open);
      try {
        const { words, intervalMs } = script;
        const held = script.barrier > 1;
        await barrier();
        // Streams released together by the barrier start at a random phase of the interval, as real ones would.
        if (held) await sleep(Math.random() * intervalMs);
        const start = performance.now();
        for (const [index, word] of replyWords(words).entries()) {
          if (closed) return void (stats.clientGone += 1);
          await sleep(start + index * intervalMs - performance.now());
          if (closed) return void (stats.clientGone += 1);
          response.write(sse(model, { content: word }, null));
        }
      } finally {
        stats.open -= 1;
      }
    }
    if (closed) return;
    response.write(sse(model, {}, 'stop'));
    response.write(`data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model, choices: [], usage: { prompt_tokens: 100, completion_tokens: script.words, total_tokens: 100 + script.words } })}\n\n`);
    response.end('data: [DONE]\n\n');
  }

  async function handle(request, response) {
    if (request.method === 'POST' && request.url === '/control') {
      const changes = JSON.parse((await readBody(request)) || '{}');
      releaseBarrier();
      script = { ...script, ...changes };
      Object.assign(stats, { narrator: 0, worldState: 0, peakOpen: stats.open, clientGone: 0 });
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(script));
    }
    if (request.method === 'GET' && request.url === '/stats') {
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...stats, waiting: waiting.length }));
    }
    if (request.method === 'POST' && request.url?.endsWith('/chat/completions')) return chat(request, response);
    response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Not found' } }));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startPacedProvider();
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent's end is ours: never outlive it.
  process.on('disconnect', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}
