/** Word helpers of the engine's own templates and model prose. */

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Runs of non-space characters: how the engine measures its replies and
 * passages (a dash or a heading mark counts). Not domain's wordCount, which
 * counts the prose words a reader sees.
 */
export function whitespaceWordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
