import type { OutlineChapter } from '@storyos/contracts';

/** A JSON string's body as far as it has arrived: escapes undone, a half-written escape dropped. */
function unescapePartial(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)?$/, (whole, escape: string | undefined) => (escape && escape.length > 1 ? whole : '')).replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_whole, escape: string) => {
    if (escape.startsWith('u')) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[escape] ?? escape;
  });
}

/**
 * The chapters of an outline reply while it streams as JSON
 * (`{"chapters":[{"title":"…","summary":"…"}, …`): every chapter whose title
 * has begun, the last one's words as far as they came. Empty for a reply
 * that is not (yet) such JSON.
 */
export function chaptersSoFar(reply: string): OutlineChapter[] {
  const chapters: OutlineChapter[] = [];
  const field = /"(title|summary)"\s*:\s*"((?:[^"\\]|\\.)*)("?)/g;
  for (const match of reply.matchAll(field)) {
    const [, name, body = ''] = match;
    const value = unescapePartial(body);
    if (name === 'title') chapters.push({ title: value, summary: '' });
    else if (chapters.length > 0) chapters[chapters.length - 1]!.summary = value;
  }
  return chapters;
}
