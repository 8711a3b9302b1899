/** Sentence utilities shared by the game rules and the story engine. */

const ABBREVIATIONS = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St)\.$/;

/**
 * Index just after the first sentence end at or after `from` (terminal
 * punctuation plus any closing quotes), or -1. A sentence end must be followed
 * by whitespace or the end of the text, so "3.5" or "Mr. Brown" do not cut.
 */
export function sentenceEnd(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && /["”’')]/.test(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    if (ch === '.' && ABBREVIATIONS.test(text.slice(0, i + 1))) continue;
    return end;
  }
  return -1;
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const end = sentenceEnd(rest);
    if (end < 0) {
      sentences.push(rest);
      break;
    }
    sentences.push(rest.slice(0, end).trim());
    rest = rest.slice(end).trim();
  }
  return sentences;
}

/** Trims text to at most maxChars, at a word boundary, with an ellipsis. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
