import type { UIMessageChunk } from 'ai';
import type { Response } from 'express';

const KEEP_ALIVE_MS = 15_000;

/** The AI SDK's UI message stream protocol (v1) over Server-Sent Events: one JSON chunk per event, then `[DONE]`. */
export const UI_MESSAGE_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
  'x-vercel-ai-ui-message-stream': 'v1',
} as const;

/**
 * Writes chunks to a response as they come, with keep-alive comments while
 * nothing happens. Ends with `[DONE]` when the chunks run out; a client that
 * left only stops the writing (never the reply).
 */
export async function writeUiMessageStream(response: Response, chunks: AsyncIterable<UIMessageChunk>, closed: AbortSignal): Promise<void> {
  response.status(200).set(UI_MESSAGE_STREAM_HEADERS);
  response.flushHeaders();
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  try {
    for await (const chunk of chunks) {
      if (closed.aborted) return;
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
    }
    if (!closed.aborted) response.write('data: [DONE]\n\n');
  } finally {
    clearInterval(keepAlive);
    response.end();
  }
}
