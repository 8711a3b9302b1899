import type { UploadContentType } from '@storyos/contracts';

const EXTENSION: Record<UploadContentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const MAX_NAME = 100;

/**
 * A display name for an upload: the last path segment only (so `../../etc/passwd`
 * names nothing), no control, bidi or reserved characters, and the extension of
 * the type the bytes really are, so a `.html` name never travels with a picture.
 */
export function safeFileName(raw: string | undefined, type: UploadContentType): string {
  const lastSegment = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    // Control characters, bidi overrides and isolates, lone surrogates, and characters file systems reserve.
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"|?*]|[\ud800-\udfff]/g, (char, offset: number, whole: string) =>
      isPairedSurrogate(whole, offset) ? char : '',
    )
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const stem = cleaned.replace(/\.[^.]*$/, '').trim().slice(0, MAX_NAME) || 'picture';
  return `${stem}.${EXTENSION[type]}`;
}

function isPairedSurrogate(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code >= 0xd800 && code <= 0xdbff) return (text.charCodeAt(offset + 1) & 0xfc00) === 0xdc00;
  if (code >= 0xdc00 && code <= 0xdfff) return (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800;
  return false;
}
