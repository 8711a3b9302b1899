const MAX_CHAT_TITLE = 80;
const MAX_DOCUMENT_TITLE = 80;

/** Cuts at a word boundary and says so with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** A chat's title from its first message, until (or instead of) a generated one: its first line, clipped. */
export function titleFromMessage(message: string): string {
  const line = message.split('\n').map((part) => part.trim()).find((part) => part.length > 0) ?? '';
  const plain = line.replace(/[*_`#>]+/g, '').replace(/\s+/g, ' ').trim();
  return plain ? clip(plain, MAX_CHAT_TITLE) : 'New chat';
}

/**
 * A title as a model wrote it, made fit for the sidebar: the first line,
 * without a "Title:" label, quotes or Markdown; null when nothing is left.
 */
export function cleanGeneratedTitle(reply: string): string | null {
  const line = reply.split('\n').map((part) => part.trim()).find((part) => part.length > 0);
  if (!line) return null;
  const plain = line
    .replace(/^\s*(?:title|chat title)\s*:\s*/i, '')
    .replace(/[*_`#>]+/g, '')
    .replace(/[.:;,]+$/, '')
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]+$/, '');
  return plain ? clip(plain, MAX_CHAT_TITLE) : null;
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'who', 'that', 'by', 'from']);

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/**
 * A document's title from the request that asked for it: a name it gives
 * ("called The Last Lantern"), else what it is about ("about a shy dragon"
 * → "A Shy Dragon"), else the kind of piece ("A Poem").
 */
export function documentTitleFromRequest(message: string): string {
  const named = /\b(?:called|titled|entitled|named)\s+["“']?([^"”'.!?\n]{2,80})/i.exec(message);
  if (named?.[1]) return clip(titleCase(named[1].trim()), MAX_DOCUMENT_TITLE);
  const about = /\b(?:about|of|on)\s+([^.!?\n]{2,120})/i.exec(message);
  if (about?.[1]) {
    const subject = about[1].replace(/\b(?:please|thanks?|thank you)\b.*$/i, '').replace(/[,;:]+.*$/, '').trim();
    if (subject) return clip(titleCase(subject), MAX_DOCUMENT_TITLE);
  }
  const kind = /\b(story|poem|scene|tale|fable|chapter|limerick|haiku|sonnet|ballad|legend|myth|letter|song|lullaby)\b/i.exec(message)?.[1];
  return kind ? `A ${titleCase(kind.toLowerCase())}` : 'Untitled';
}
