import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible Chat Completions server for the browser journeys. The
 * narrator's replies stream word by word at a human reading pace, so a test
 * can stop one or reload the page while it is still being written; the
 * world-state step gets a JSON answer at once. The real API and worker talk
 * to it exactly as they would to any provider.
 */
export interface PacedStoryServer {
  /** The API root to configure as LLM_BASE_URL, ending in /v1. */
  baseUrl: string;
  /**
   * Where a test holds the next chat reply part-way (`POST <controlUrl>/hold`)
   * and lets it go on (`POST <controlUrl>/release`), to act while it is
   * certainly still being written.
   */
  controlUrl: string;
  close(): Promise<void>;
}

/** One Chat Completions request as the stub received it, for tests that check what the model was asked. */
export interface RecordedRequest {
  messages: { role: string; content: string }[];
  temperature?: number;
  seed?: number;
}

/** Where the stub lists what it was asked (`GET`), newest last; tests read it over HTTP from their own processes. */
export const RECORDED_REQUESTS_PATH = '/__recorded-requests';

/** About 3.5 s per reply: long enough to act mid-stream, short enough for a quick journey. */
const WORD_DELAY_MS = 35;

const SENTENCES = [
  'The wind pressed against the tower and the old glass hummed with it.',
  'Far below, the sea rolled in long black ridges, silver where the beam touched them.',
  'A bell rang somewhere out in the dark, slow and patient, where no buoy had ever been charted.',
  'You caught the smell of lamp oil and salt, and under it something colder, like iron left in the rain.',
  'On the stair a lantern swung by itself, throwing your shadow up the curved wall and back again.',
  'The keeper\'s logbook lay open on the desk, its last entry broken off in the middle of a word.',
  'Out past the reef a light answered yours, blinking twice, then once, then not at all.',
  'The floor shivered as a wave struck the rocks, and dust sifted down from the iron beams.',
];

interface ChatRequest {
  messages?: { role: string; content: string }[];
  model?: string;
  /** Offered functions (OpenAI `tools`), when the step lets the model call them. */
  tools?: { type: 'function'; function: { name: string } }[];
  temperature?: number;
  seed?: number;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

/** What a tool-calling model would call for the last message, as a small instruction-tuned model decides; null to answer in words. */
function toolCallFor(request: ChatRequest): { name: string; arguments: string } | null {
  const offered = new Set((request.tools ?? []).map((tool) => tool.function.name));
  const last = [...(request.messages ?? [])].reverse().find((message) => message.role === 'user')?.content ?? '';
  const hasDocument = (request.messages ?? []).some((message) => message.role === 'system' && message.content.includes('The document open beside the chat'));
  if (offered.has('requestSuggestions') && hasDocument && /\b(suggest\w*|better|feedback)\b/i.test(last)) return { name: 'requestSuggestions', arguments: '{"documentId":"open"}' };
  if (offered.has('updateDocument') && hasDocument && /^(make|revise|rewrite|shorten)\b/i.test(last)) return { name: 'updateDocument', arguments: JSON.stringify({ description: last }) };
  const asked = /\b(?:write|tell|compose)\b.*?\b(story|poem|scene)\b(?:\s+about\s+(.+?))?[.!?]*$/i.exec(last);
  const subject = asked?.[2]?.replace(/^(a|an|the)\s+/i, '').replace(/\b\w/g, (letter) => letter.toUpperCase());
  if (offered.has('createDocument') && asked) return { name: 'createDocument', arguments: JSON.stringify({ title: subject ? `The ${subject}` : 'A Story', kind: 'text' }) };
  return null;
}

/** A tool call as llama-server streams it: id and name first, then the arguments in small pieces. */
function toolCallChunks(model: string, call: { name: string; arguments: string }): string[] {
  const pieces = call.arguments.match(/[\s\S]{1,6}/g) ?? [];
  const event = (delta: Record<string, unknown>, finishReason: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
  return [
    event({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: `call_${Date.now()}`, type: 'function', function: { name: call.name, arguments: '' } }] }, null),
    ...pieces.map((piece) => event({ tool_calls: [{ index: 0, function: { arguments: piece } }] }, null)),
    event({}, 'tool_calls'),
  ];
}

function chunk(model: string, content: string | null, finishReason: string | null): string {
  const choice = { index: 0, delta: content === null ? {} : { content }, finish_reason: finishReason };
  return `data: ${JSON.stringify({ id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: 0, model, choices: [choice] })}\n\n`;
}

function isWorldStateStep(request: ChatRequest): boolean {
  return (request.messages ?? []).some((message) => message.role === 'system' && /JSON object/i.test(message.content));
}

/** The chat's suggestions step: an editor asked for JSON about a document. */
function isSuggestionsStep(request: ChatRequest): boolean {
  return (request.messages ?? []).some((message) => message.role === 'system' && message.content.startsWith('You are an editor'));
}

/** One suggestion for the first of our sentences the document holds, copied exactly, as the step asks. */
function suggestionsAnswer(request: ChatRequest): string {
  const document = (request.messages ?? []).map((message) => message.content).join('\n');
  const sentence = SENTENCES.find((candidate) => document.includes(candidate));
  const suggestions = sentence ? [{ originalSentence: sentence, suggestedSentence: sentence.replace(/\.$/, ', and the night held its breath.'), description: 'A stronger close to the sentence' }] : [];
  return JSON.stringify({ suggestions });
}

/** A new chat's title step. */
function isTitleStep(request: ChatRequest): boolean {
  return (request.messages ?? []).some((message) => message.role === 'system' && message.content.startsWith('You write short titles'));
}

/** The turn's changes, in the shape the world-state step asks for (WorldStateUpdateSchema), told to the player. */
function worldStateAnswer(replyNumber: number): string {
  return JSON.stringify({
    worldState: 'A storm circles the lighthouse on Saltglass. A strange light answers your lamp from beyond the reef.',
    currentLocation: 'the lamp room at the top of the tower',
    characters: [{ name: 'Old Tobin', summary: 'The previous keeper, gruff and secretive about the night the lamp failed.' }],
    event: `You kept the lamp burning through the storm (reply ${replyNumber}).`,
    act: 1,
    chapter: 1,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Words of a held chat reply written before it waits. */
const WORDS_BEFORE_HOLD = 12;
/** A hold nobody releases ends by itself, so a failed test cannot leave a reply hanging. */
const HOLD_LIMIT_MS = 60_000;

function isChatReply(request: ChatRequest): boolean {
  return (request.messages ?? []).some((message) => message.role === 'system' && message.content.startsWith('You are the StoryOS assistant'));
}

export async function startPacedStoryServer(): Promise<PacedStoryServer> {
  let replies = 0;
  const recorded: RecordedRequest[] = [];
  let holdNext = false;
  let release: (() => void) | null = null;

  async function control(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.url === '/control/hold') holdNext = true;
    if (request.url === '/control/release') {
      holdNext = false;
      release?.();
    }
    response.writeHead(204).end();
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === 'GET' && request.url === RECORDED_REQUESTS_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded));
      return;
    }
    if (request.method === 'POST' && request.url?.startsWith('/control/')) return control(request, response);
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Not found' } }));
      return;
    }
    const body = JSON.parse((await readBody(request)) || '{}') as ChatRequest;
    recorded.push({ messages: body.messages ?? [], ...(body.temperature !== undefined && { temperature: body.temperature }), ...(body.seed !== undefined && { seed: body.seed }) });
    const model = body.model ?? 'paced-story';
    let closed = false;
    response.on('close', () => (closed = true));
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });

    replies += 1;
    const call = toolCallFor(body);
    if (call) {
      for (const event of toolCallChunks(model, call)) response.write(event);
      response.end('data: [DONE]\n\n');
      return;
    }
    if (isSuggestionsStep(body)) {
      response.write(chunk(model, suggestionsAnswer(body), null));
    } else if (isTitleStep(body)) {
      response.write(chunk(model, 'The Lighthouse Chat', null));
    } else if (isWorldStateStep(body)) {
      response.write(chunk(model, worldStateAnswer(replies), null));
    } else {
      // Each reply starts at a different sentence, so a regenerated reply reads differently.
      const text = Array.from({ length: 7 }, (_, index) => SENTENCES[(replies + index) % SENTENCES.length]).join(' ');
      const hold = holdNext && isChatReply(body);
      if (hold) holdNext = false;
      for (const [index, word] of (text.match(/\s*\S+/g) ?? []).entries()) {
        if (closed) return;
        response.write(chunk(model, word, null));
        await sleep(WORD_DELAY_MS);
        if (hold && index === WORDS_BEFORE_HOLD) await new Promise<void>((resolve) => ((release = resolve), setTimeout(resolve, HOLD_LIMIT_MS)));
      }
    }
    if (closed) return;
    response.write(chunk(model, null, 'stop'));
    response.end('data: [DONE]\n\n');
  }

  const server: Server = createServer((request, response) => {
    answer(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    controlUrl: `http://127.0.0.1:${port}/control`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
