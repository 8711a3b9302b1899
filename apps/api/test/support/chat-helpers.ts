import type { PostChatRequest } from '@storyos/contracts';
import type { UIMessageChunk } from 'ai';
import { randomUUID } from 'node:crypto';
import type { HttpClient } from './http';

export interface UiStream {
  status: number;
  headers: Headers;
  /** Parsed `data:` payloads, in order; `[DONE]` is not among them. */
  chunks: UIMessageChunk[];
  /** True when the stream ended with `data: [DONE]`. */
  done: boolean;
  /** The body as text, for error answers. */
  text: string;
}

/** A chat request as the chatbot's client sends it. */
export function chatRequest(chatId: string, text: string, extra: { messageId?: string; model?: string; visibility?: 'private' | 'public'; files?: { url: string; mediaType: string }[] } = {}): PostChatRequest {
  return {
    id: chatId,
    message: {
      id: extra.messageId ?? randomUUID(),
      role: 'user',
      parts: [{ type: 'text', text }, ...(extra.files ?? []).map((file) => ({ type: 'file' as const, url: file.url, mediaType: file.mediaType as 'image/png' }))],
    },
    selectedChatModel: extra.model ?? 'builtin',
    selectedVisibilityType: extra.visibility ?? 'private',
  };
}

function parseStream(text: string): { chunks: UIMessageChunk[]; done: boolean } {
  const chunks: UIMessageChunk[] = [];
  let done = false;
  for (const event of text.split('\n\n')) {
    const data = event
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    if (!data) continue;
    if (data === '[DONE]') done = true;
    else chunks.push(JSON.parse(data) as UIMessageChunk);
  }
  return { chunks, done };
}

/** Sends a request and reads its whole answer (a UI message stream, or an error body). */
export async function readUiStream(url: string, init: RequestInit & { token: string }): Promise<UiStream> {
  const response = await fetch(url, { ...init, headers: { authorization: `Bearer ${init.token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  const isStream = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  return { status: response.status, headers: response.headers, text, ...(isStream ? parseStream(text) : { chunks: [], done: false }) };
}

export function postChat(baseUrl: string, token: string, body: unknown): Promise<UiStream> {
  return readUiStream(`${baseUrl}/api/chat`, { method: 'POST', token, body: JSON.stringify(body) });
}

export function resumeChat(baseUrl: string, token: string, chatId: string): Promise<UiStream> {
  return readUiStream(`${baseUrl}/api/chat/${chatId}/stream`, { method: 'GET', token });
}

/** The text the stream's text parts carry, discarded attempts left out. */
export function textOf(chunks: readonly UIMessageChunk[]): string {
  const discarded = new Set(chunks.flatMap((chunk) => (chunk.type === 'text-end' && chunk.providerMetadata?.['storyos'] ? [chunk.id] : [])));
  return chunks.flatMap((chunk) => (chunk.type === 'text-delta' && !discarded.has(chunk.id) ? [chunk.delta] : [])).join('');
}

/** The chunk types in order, for asserting the protocol's shape. */
export const typesOf = (chunks: readonly UIMessageChunk[]): string[] => chunks.map((chunk) => chunk.type);

/** The error body of a refused chat request, parsed. */
export function errorOf(stream: UiStream): { code: string; message: string; details?: unknown } {
  return JSON.parse(stream.text) as { code: string; message: string; details?: unknown };
}

/** Waits until the chat has no reply being written. */
export async function waitUntilIdle(http: HttpClient, token: string, chatId: string): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    const detail = await http.get(`/api/chat/${chatId}`, { token });
    if (detail.status === 200 && !detail.body.chat.isReplying) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`chat ${chatId} kept replying`);
}
