import type { ChatToolName } from '@storyos/contracts';

/** What the builtin engine's router decides a message asks for: a tool, or a plain reply. */
export type ChatIntent = ChatToolName | 'reply';

export interface IntentContext {
  /** A document is open in this chat (the latest one it made). */
  hasDocument: boolean;
}

interface IntentRule {
  name: string;
  /** Why the rule exists: what a user means by such a message. */
  reason: string;
  intent: ChatIntent;
  /** Only when the chat has a document to act on. */
  needsDocument: boolean;
  matches(message: string): boolean;
}

const PROSE = '(?:story|stories|poem|poems|scene|scenes|tale|tales|fable|fables|chapter|chapters|limerick|haiku|sonnet|ballad|legend|myth|fairy ?tale|bedtime story|short story|opening|prologue|epilogue|monologue|dialogue|letter|song|lullaby|rhyme|verse)';
const WRITE_VERB = '(?:write|compose|draft|create|make|tell|pen|give|craft|spin|invent)';
const REVISE_VERB = '(?:revise|rewrite|re-write|redo|edit|shorten|lengthen|expand|extend|trim|tighten|polish|simplify|continue|change|improve|fix|rework|rephrase|translate|add|remove|cut|turn)';
const REFERS_TO_DOCUMENT = `(?:\\b(?:it|this|that|the (?:document|draft|text|piece|ending|beginning|opening|title)|the ${PROSE}|my ${PROSE}|your ${PROSE})\\b)`;

/**
 * The router's rules, tried in order; the first that matches decides. A
 * table so that each decision has its reason and its test, rather than a
 * chain of conditions that grows one case at a time.
 */
export const INTENT_RULES: readonly IntentRule[] = [
  {
    name: 'asks-for-feedback',
    reason: 'Asking how a piece could be better, or for suggestions or feedback on it, wants suggestions shown in the document, not a rewrite.',
    intent: 'requestSuggestions',
    needsDocument: true,
    matches: (m) =>
      /\bhow (?:could|can|would|might|do) (?:i|we|you)? ?(?:make )?(?:it|this|that|the \w+)? ?(?:be )?(?:better|improve|stronger)/i.test(m) ||
      /\b(?:suggestions?|feedback|critique|review|notes)\b/i.test(m) ||
      /\bwhat (?:would|could|should) (?:you|i|we) (?:change|improve)/i.test(m),
  },
  {
    name: 'revises-the-document',
    reason: 'An instruction to change the open piece ("make it darker", "shorten the ending") revises that document rather than starting a new one.',
    intent: 'updateDocument',
    needsDocument: true,
    matches: (m) =>
      new RegExp(`^\\s*(?:please |can you |could you |now )?${REVISE_VERB}\\b`, 'i').test(m) ||
      new RegExp(`\\b(?:make|turn) ${REFERS_TO_DOCUMENT}\\s+(?:\\w+er|more|less|into|a bit|much|funnier|scarier|happier|sadder)`, 'i').test(m) ||
      new RegExp(`\\b${REVISE_VERB}\\b.*${REFERS_TO_DOCUMENT}`, 'i').test(m),
  },
  {
    name: 'asks-for-a-piece',
    reason: 'Asking to write a story, poem or scene wants a document beside the chat that can then be edited and revised.',
    intent: 'createDocument',
    needsDocument: false,
    matches: (m) => new RegExp(`\\b${WRITE_VERB}\\b(?:\\s+\\w+){0,4}?\\s+(?:a|an|the|some|one|two|three|my|another|new|short|little)?\\s*(?:\\w+\\s+){0,3}?${PROSE}\\b`, 'i').test(m),
  },
];

/** Decides, from the message alone, what the builtin engine's reply does; the same decisions a tool-calling model makes. */
export function routeIntent(message: string, context: IntentContext): { intent: ChatIntent; rule: string | null } {
  for (const rule of INTENT_RULES) {
    if (rule.needsDocument && !context.hasDocument) continue;
    if (rule.matches(message)) return { intent: rule.intent, rule: rule.name };
  }
  return { intent: 'reply', rule: null };
}
