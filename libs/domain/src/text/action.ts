import { echoPhrase } from './echo';

/** The player's action, rewritten so the narrator can say it back in second person. */
export interface NormalisedAction {
  /** act: "open the door" (base form); speech: the words said; done: already a past-tense clause. */
  kind: 'act' | 'speech' | 'done';
  phrase: string;
}

const LEADS = /^(?:(?:i|we)\s+(?:want|wanna|would like|'d like|’d like|try|will try|am going|'m going|’m going|decide|choose)\s+to\s+|(?:i|we)\s+(?:will|shall|'ll|’ll)\s+|i'?ll\s+|let['’]?s\s+|let me\s+|(?:i|we)\s+|you\s+|then\s+|please\s+)/i;
const SPEECH = /^(?:say|says|said|shout|shouts|whisper|whispers|ask|asks|tell|tells|call|calls|yell|yells|reply|replies)\b(?:\s+(?:to\s+)?\p{Lu}\p{Ll}+)?\s*[,:]?\s*/iu;
const PRONOUNS: Array<[RegExp, string]> = [
  [/\bI am\b/g, 'you are'],
  [/\bI['’]m\b/g, 'you’re'],
  [/\bI\b/g, 'you'],
  [/\bme\b/gi, 'you'],
  [/\bmy\b/gi, 'your'],
  [/\bmine\b/gi, 'yours'],
  [/\bmyself\b/gi, 'yourself'],
  [/\bwe\b/gi, 'you'],
  [/\bour\b/gi, 'your'],
  [/\bus\b/g, 'you'],
];

export function normaliseAction(action: string, playerName = ''): NormalisedAction {
  let text = action.replace(/\s+/g, ' ').trim();
  const quoted = /^["“'‘](.+?)["”'’]?$/.exec(text);
  if (quoted) return { kind: 'speech', phrase: finishSpeech(quoted[1]!) };
  if (playerName && text.toLowerCase().startsWith(`${playerName.toLowerCase()} `)) text = text.slice(playerName.length + 1);
  for (let i = 0; i < 3 && LEADS.test(text); i++) text = text.replace(LEADS, '');
  // Only quoted words are speech: "ask Wren who lit the lamp" is an action to echo.
  const speech = SPEECH.exec(text);
  const rest = speech ? text.slice(speech[0].length) : '';
  if (speech && /^["“]/.test(rest)) return { kind: 'speech', phrase: finishSpeech(rest) };
  text = firstClause(text).replace(/[.!?…;:,\s]+$/, '');
  for (const [pattern, replacement] of PRONOUNS) text = text.replace(pattern, replacement);
  text = lowerFirstWord(text);
  if (!text) return { kind: 'act', phrase: 'look around' };
  const first = text.split(' ')[0]!.toLowerCase();
  return { kind: /(?:ed|ought|aught)$/.test(first) || ['went', 'ran', 'took', 'said', 'saw', 'made', 'found'].includes(first) ? 'done' : 'act', phrase: text };
}

/** A long action is echoed up to where a phrase ends, never mid-phrase. */
function firstClause(text: string): string {
  return echoPhrase(text);
}

function lowerFirstWord(text: string): string {
  // Keep names ("Wren", "Port Vell") capitalised: only lower a word that is a plain verb-like word.
  const [first, ...rest] = text.split(' ');
  if (!first) return text;
  const lowered = /^[A-Z][a-z]+$/.test(first) && isLikelyVerb(first) ? first.toLowerCase() : first;
  return [lowered, ...rest].join(' ');
}

function isLikelyVerb(word: string): boolean {
  // Actions are imperatives; a capitalised first word is almost always "Open", "Look", "Ask".
  return !/^(?:Mr|Mrs|Dr|Captain|Lady|Lord|Sir)$/.test(word);
}

function finishSpeech(words: string): string {
  const trimmed = words.trim().replace(/^["“'‘]|["”'’]$/g, '');
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
