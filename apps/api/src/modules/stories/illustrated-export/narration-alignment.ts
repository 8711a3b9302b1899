import type { EpubNarrationPiece } from './epub-input';

/** A run of a paragraph: plain text, or the text of one narrated piece. */
export type Run = { kind: 'text'; text: string } | { kind: 'piece'; text: string; piece: number };

/**
 * The scene's paragraphs as runs, each narrated piece its own run so the
 * page can mark it with an id for the overlay. A piece that runs over a
 * paragraph break joins those paragraphs (a `<span>` cannot cross a `<p>`).
 * Null when the pieces do not read the text in order, from the start.
 */
export function alignNarration(text: string, pieces: readonly EpubNarrationPiece[]): Run[][] | null {
  const paragraphs = paragraphsOf(text);
  const joined = paragraphs.join(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    starts.push(offset);
    offset += paragraph.length + 1;
  }
  const ranges: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const said = normalise(piece.text);
    while (joined[cursor] === ' ') cursor++;
    if (!said || !joined.startsWith(said, cursor)) return null;
    ranges.push({ start: cursor, end: cursor + said.length });
    cursor += said.length;
  }
  // Paragraph groups: a paragraph joins the one before when a piece started before it ends inside or after its start.
  const groups: { start: number; end: number }[] = [];
  paragraphs.forEach((paragraph, index) => {
    const start = starts[index]!;
    const end = start + paragraph.length;
    const last = groups.at(-1);
    if (last && ranges.some((r) => r.start < start && r.end > last.end)) last.end = end;
    else groups.push({ start, end });
  });
  return groups.map((group) => runsOf(joined, group, ranges));
}

/** The paragraphs of a text, whitespace made single spaces. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(normalise)
    .filter(Boolean);
}

function runsOf(joined: string, group: { start: number; end: number }, ranges: readonly { start: number; end: number }[]): Run[] {
  const runs: Run[] = [];
  let at = group.start;
  ranges.forEach((range, piece) => {
    if (range.end <= group.start || range.start >= group.end) return;
    if (range.start > at) runs.push({ kind: 'text', text: joined.slice(at, range.start) });
    runs.push({ kind: 'piece', text: joined.slice(range.start, range.end), piece });
    at = range.end;
  });
  if (at < group.end) runs.push({ kind: 'text', text: joined.slice(at, group.end) });
  return runs;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
