/**
 * Finds where a sentence says someone goes: "go to the cellar", "enter the
 * Sunken Library", "you arrive at Port Vell". Returns the place as written
 * ("the cellar"), or null. Places need an article, a possessive or a capital,
 * so "go to sleep" and "walk home quickly" are not places.
 */
const MOVE = /\b(?:go|goes|going|went|head|heads|headed|walk|walks|walked|run|runs|ran|climb|climbs|climbed|step|steps|stepped|return|returns|returned|travel|travels|travelled|traveled|sail|sails|sailed|hurry|hurried|move|moves|moved|descend|descended|wander|wandered|follow|followed|ride|rode)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:to|into|inside|toward|towards|through)\s+|\b(?:enter|enters|entered|entering|reach|reaches|reached)\s+|\b(?:arrive|arrives|arrived|arriving)\s+(?:at|in)\s+/giu;

const STOP_WORDS = new Set(['and', 'with', 'to', 'where', 'because', 'but', 'then', 'so', 'while', 'for', 'when', 'before', 'after', 'as', 'until', 'if', 'or', 'that', 'which', 'who', 'carefully', 'quickly', 'slowly', 'quietly', 'again', 'now', 'together', 'alone', 'at', 'in', 'on', 'by']);
const ARTICLES = /^(?:the|a|an|my|your|his|her|their|our)$/i;

export function findDestination(text: string): string | null {
  let found: string | null = null;
  for (const match of text.matchAll(MOVE)) {
    const after = text.slice((match.index ?? 0) + match[0].length);
    const place = readPlace(after);
    if (place) found = place; // the last movement in the text is where one ends up
  }
  return found;
}

function readPlace(text: string): string | null {
  const words = text.split(/\s+/).slice(0, 7);
  const kept: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/[^\p{L}\p{N}'’-]+$/u, '');
    const lower = word.toLowerCase();
    if (!word || (kept.length > 0 && STOP_WORDS.has(lower))) break;
    kept.push(word);
    if (word !== raw) break; // punctuation ends the place
  }
  while (kept.length > 0 && (STOP_WORDS.has(kept[kept.length - 1]!.toLowerCase()) || /^of$/i.test(kept[kept.length - 1]!))) kept.pop();
  const first = kept[0];
  if (!first) return null;
  const hasArticle = ARTICLES.test(first);
  if (hasArticle && kept.length < 2) return null;
  if (!hasArticle && !/^\p{Lu}/u.test(first)) return null;
  if (!hasArticle && /^(?:I|You|He|She|It|We|They)$/.test(first)) return null;
  const place = kept.slice(0, 5).join(' ');
  return place.replace(/^my\b/i, 'your').replace(/^My\b/, 'Your');
}
