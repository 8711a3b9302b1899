/**
 * Joins text the cap cut off with the model's continuation of it. Models
 * asked to go on may drop the space between the two or repeat it; a new
 * paragraph stays one, and punctuation that closes the sentence attaches
 * directly.
 */
export function joinContinuation(before: string, after: string): string {
  if (!before.trim()) return after.trimStart();
  if (!after.trim()) return before;
  const boundary = `${/\s*$/.exec(before)?.[0] ?? ''}${/^\s*/.exec(after)?.[0] ?? ''}`;
  const head = before.trimEnd();
  const tail = after.trimStart();
  if (boundary.includes('\n\n')) return `${head}\n\n${tail}`;
  if (boundary.includes('\n')) return `${head}\n${tail}`;
  if (!boundary && /^[.,;:!?…'’"”)\]]/.test(tail)) return `${head}${tail}`;
  return `${head} ${tail}`;
}
