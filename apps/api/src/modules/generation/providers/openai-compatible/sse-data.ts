import { createParser } from 'eventsource-parser';

/**
 * The `data` of each server-sent event in a response body, in order. The
 * parser handles comments, multi-line data, CRLF and events split across
 * network chunks; an event cut off by the end of the body is dropped, as the
 * SSE spec says.
 */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string, void, void> {
  const parsed: string[] = [];
  const parser = createParser({ onEvent: (event) => parsed.push(event.data) });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      yield* parsed.splice(0);
    }
    finished = true;
    parser.feed(decoder.decode());
    yield* parsed.splice(0);
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
