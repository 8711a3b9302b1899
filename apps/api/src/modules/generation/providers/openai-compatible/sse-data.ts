import { createParser } from 'eventsource-parser';

/**
 * The `data` of each server-sent event in a response body, in order. The
 * parser handles comments, multi-line data, CRLF and events split across
 * network chunks; an event cut off by the end of the body is dropped, as the
 * SSE spec says. Leaving early (a stop, an error) ends the body's iteration,
 * which closes it.
 */
export async function* sseData(body: AsyncIterable<Uint8Array>): AsyncGenerator<string, void, void> {
  const parsed: string[] = [];
  const parser = createParser({ onEvent: (event) => parsed.push(event.data) });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    yield* parsed.splice(0);
  }
  parser.feed(decoder.decode());
  yield* parsed.splice(0);
}
