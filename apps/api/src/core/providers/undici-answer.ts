import type { Dispatcher } from 'undici';
import type { ProviderAnswer } from './http-failures';

/** A response header as one value; undici gives a repeated header as an array. */
export function headerOf(headers: Dispatcher.ResponseData['headers'], name: string): string | null {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** An undici `request` answer, read as an error answer is read (its body is consumed by `text`). */
export function undiciAnswer(response: Dispatcher.ResponseData): ProviderAnswer {
  return { status: response.statusCode, headers: { get: (name) => headerOf(response.headers, name) }, text: () => response.body.text() };
}
