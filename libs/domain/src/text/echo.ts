/** Words an echoed phrase must not end on: "draw the", "walk to", "and". */
const DANGLING = /^(?:the|a|an|and|or|but|to|of|in|on|at|with|for|from|by|into|onto|your|my|his|her|their|its|then|while|because|so|as|that|which|who)$/i;
/** Words a long action is cut before, when no punctuation ends a clause in time. */
const CLAUSE_STARTS = /^(?:and|then|but|while|because|so|before|after|until|when|as|though|although|which|who|where)$/i;

/**
 * At most `maxWords` words of a long action, ending where a phrase ends: at
 * a sentence or clause end if there is one in reach, else before a
 * conjunction, else at a word that leaves nothing dangling ("draw the").
 */
export function echoPhrase(text: string, maxWords = 24): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length <= maxWords) return words.join(' ');
  const reach = words.slice(0, maxWords + 1);
  const sentenceEnd = lastIndex(reach, (word, i) => i < maxWords && /[.!?…]["”’]?$/.test(word) && i >= 2);
  if (sentenceEnd >= 0) return words.slice(0, sentenceEnd + 1).join(' ');
  const clauseEnd = lastIndex(reach, (word, i) => i < maxWords && /[,;:—–-]$/.test(word) && i >= 3);
  if (clauseEnd >= 0) return words.slice(0, clauseEnd + 1).join(' ');
  const conjunction = lastIndex(reach, (word, i) => i >= 4 && CLAUSE_STARTS.test(word.replace(/[^\p{L}]/gu, '')));
  if (conjunction >= 0) return words.slice(0, conjunction).join(' ');
  let end = maxWords;
  while (end > 3 && DANGLING.test(words[end - 1]!.replace(/[^\p{L}]/gu, ''))) end--;
  return words.slice(0, end).join(' ');
}

function lastIndex<T>(items: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}
