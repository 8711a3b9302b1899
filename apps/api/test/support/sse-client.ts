import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

/**
 * Reads a Server-Sent Events response until `until` says stop (or the server
 * ends it), then closes the connection.
 */
export async function readSse(url: string, options: { token: string; lastEventId?: number; until?: (event: SseEvent) => boolean }): Promise<{ status: number; events: SseEvent[] }> {
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' };
  if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  if (!response.ok || !response.body) return { status: response.status, events };
  let done = false;
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => {
      if (done) return;
      const event = { id: message.id, event: message.event, data: message.data };
      events.push(event);
      if (options.until?.(event)) done = true;
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    controller.abort();
  }
  return { status: response.status, events };
}

export interface OpenSse {
  status: number;
  events: SseEvent[];
  /** Resolves once the server has ended the response. */
  ended: Promise<void>;
  close(): void;
}

/** Opens a Server-Sent Events response and keeps collecting its events in the background until closed or ended. */
export async function openSse(url: string, options: { token: string; lastEventId?: string }): Promise<OpenSse> {
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' };
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const parser = createParser({ onEvent: (message) => events.push({ id: message.id, event: message.event, data: message.data }) });
  const decoder = new TextDecoder();
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Closed by us.
    }
  })();
  return { status: response.status, events, ended, close: () => controller.abort() };
}
