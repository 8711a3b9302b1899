import { SuggestionDraftsSchema } from '@storyos/contracts';
import { describeIssues, jsonReplyFormat } from '../generation/json-reply';
import { OUTPUT_TOKENS, type DropRank, type JsonReplyFormat, type PromptPart, type PromptPlan } from '../generation/prompt-plan';
import type { ToolDefinition } from '../generation/text-provider';

/** One earlier message of the chat, as the prompt sees it. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  text: string;
  /** Pictures the user attached to it. */
  pictures: number;
  /** The pictures themselves (data: URLs), when the model can see them; absent, the prompt says they cannot be seen. */
  images?: string[];
}

/** The document open in the chat, when there is one. */
export interface OpenDocument {
  title: string;
  content: string;
  /** Its id, for a model that calls tools on it. */
  id?: string;
}

/** How much of an open document the chat reply sees, in characters; the document step sees all of it. */
const DOCUMENT_CONTEXT_CHARS = 4000;
/** Earlier messages a reply's prompt holds at most (the newest); within them, older ones are the first to go when the context is small. */
export const CHAT_HISTORY_MESSAGES = 40;

export const CHAT_OUTPUT_TOKENS = {
  reply: 700,
  document: OUTPUT_TOKENS.chapter,
  suggestions: 900,
  title: 40,
} as const;

const CHAT_ASSISTANT_PROMPT = [
  'You are the StoryOS assistant: a friendly, concise writing companion for stories, poems and scenes.',
  'Answer in the language of the user. Use Markdown where it helps (lists, emphasis, code blocks for code).',
].join(' ');

/** Without tools (the builtin engine, or a model whose server takes none): the intent router decides, the reply talks about it. */
export const CHAT_SYSTEM_PROMPT = `${CHAT_ASSISTANT_PROMPT} When the user asks for a story, poem or scene, a document is written beside the chat for them; keep your own reply short and about what was written.`;

/** With tools: the model decides when a document is written, revised or commented on. */
export const CHAT_TOOLS_PROMPT = [
  'You can work on a document shown beside the chat with tools.',
  'When the user asks for a story, poem, scene or other longer piece, call createDocument with a short title instead of writing the piece in the chat.',
  'When the user asks to change the open document, call updateDocument with what to change; when they ask how it could be better, call requestSuggestions.',
  'For anything else, answer in the chat without tools. Never call more than one tool.',
].join(' ');

/** Said when pictures came with a message and the model cannot see them: plainly, instead of pretending. */
export const PICTURES_UNSEEN_NOTICE = 'I can’t see pictures with this model, so I’ll go by your words alone.';

/**
 * The chat reply: the system prompt, the open document (its start), the
 * earlier messages as they fit (oldest dropped first), and the new message.
 */
export function chatReplyPlan(input: { turns: readonly ChatTurn[]; document: OpenDocument | null; tools?: readonly ToolDefinition[]; model?: string }): PromptPlan {
  const turns = input.turns.slice(-CHAT_HISTORY_MESSAGES);
  const last = turns.at(-1);
  const earlier = turns.slice(0, -1);
  const tools = input.tools && input.tools.length > 0 ? [...input.tools] : undefined;
  const parts: PromptPart[] = [{ role: 'system', text: tools ? `${CHAT_ASSISTANT_PROMPT} ${CHAT_TOOLS_PROMPT}` : CHAT_SYSTEM_PROMPT }];
  if (input.document) {
    const id = tools && input.document.id ? ` (id ${input.document.id})` : '';
    parts.push({
      role: 'system',
      text: `The document open beside the chat, “${input.document.title}”${id}:\n\n${clipEnd(input.document.content, DOCUMENT_CONTEXT_CHARS)}`,
      optional: { tier: 1, order: 0 },
    });
  }
  earlier.forEach((turn, index) => parts.push(turnPart(turn, { tier: 0, order: index })));
  if (last) parts.push(turnPart(last));
  return { parts, outputTokens: CHAT_OUTPUT_TOKENS.reply, temperature: 0.7, ...(tools && { tools }), ...(input.model && { model: input.model }) };
}

/** A turn as a prompt part: its pictures go with it when the model can see them, and are owned up to when it cannot. */
function turnPart(turn: ChatTurn, optional?: DropRank): PromptPart {
  const seen = turn.images && turn.images.length > 0;
  const unseen = turn.pictures > 0 && !seen ? `\n\n(${turn.pictures === 1 ? 'A picture was' : `${turn.pictures} pictures were`} attached, which you cannot see.)` : '';
  return { role: turn.role, text: `${turn.text}${unseen}`, ...(optional && { optional }), ...(seen && { images: [...turn.images!] }) };
}

/**
 * Writes a new document, or a new version of one. The builtin engine reads
 * the last user message (the request) and tells a story from it.
 */
export function documentPlan(input: { mode: 'create'; title: string; request: string } | { mode: 'update'; title: string; current: string; description: string }): PromptPlan {
  const system = 'You are a skilled author. Reply with the piece itself in Markdown: no preface, no notes, no closing remarks.';
  if (input.mode === 'create') {
    return {
      parts: [
        { role: 'system', text: system },
        { role: 'user', text: `Write “${input.title}”, as asked: ${input.request}` },
      ],
      outputTokens: CHAT_OUTPUT_TOKENS.document,
      temperature: 0.8,
    };
  }
  return {
    parts: [
      { role: 'system', text: system },
      { role: 'system', text: `The current version of “${input.title}”:\n\n${input.current}` },
      { role: 'user', text: `Rewrite it as asked, keeping what is not asked to change: ${input.description}` },
    ],
    outputTokens: CHAT_OUTPUT_TOKENS.document,
    temperature: 0.7,
  };
}

export const SUGGESTIONS_REPLY_FORMAT: JsonReplyFormat = jsonReplyFormat('document_suggestions', SuggestionDraftsSchema);

/** Problems with a suggestions reply, for the pipeline's second chance; empty when it reads. */
export function suggestionReplyProblems(reply: string, document: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(reply.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    return ['The reply is not JSON.'];
  }
  const parsed = SuggestionDraftsSchema.safeParse(json);
  if (!parsed.success) return describeIssues(parsed.error);
  const missing = parsed.data.suggestions.filter((s) => !document.includes(s.originalSentence));
  return missing.map((s) => `originalSentence is not copied exactly from the document: "${s.originalSentence.slice(0, 80)}"`);
}

/** Asks a model for up to five sentence-level suggestions, as JSON. */
export function suggestionsPlan(input: OpenDocument): PromptPlan {
  return {
    parts: [
      { role: 'system', text: 'You are an editor. Suggest improvements to the writing, one sentence at a time.' },
      { role: 'system', text: `The document “${input.title}”:\n\n${input.content}` },
      {
        role: 'user',
        text:
          'Reply with one JSON object and nothing else: {"suggestions":[{"originalSentence","suggestedSentence","description"}]}, at most five. ' +
          '"originalSentence" is a sentence copied exactly from the document; "suggestedSentence" replaces it; "description" says why in a short phrase.',
      },
    ],
    outputTokens: CHAT_OUTPUT_TOKENS.suggestions,
    temperature: 0.3,
    json: SUGGESTIONS_REPLY_FORMAT,
    check: { problems: (reply) => suggestionReplyProblems(reply, input.content), failure: 'The suggestions could not be read from the model’s reply.' },
  };
}

/** Asks for a short title for a chat from its first message. */
export function chatTitlePlan(firstMessage: string): PromptPlan {
  return {
    parts: [
      { role: 'system', text: 'You write short titles. Reply with a title of at most six words for a chat that begins with the message below: no quotes, no full stop.' },
      { role: 'user', text: clipEnd(firstMessage, 1000) },
    ],
    outputTokens: CHAT_OUTPUT_TOKENS.title,
    temperature: 0.2,
  };
}

/** The suggestions of a reply that passed `suggestionReplyProblems`. */
export function parseSuggestionReply(reply: string): { originalSentence: string; suggestedSentence: string; description: string }[] {
  const parsed = SuggestionDraftsSchema.safeParse(JSON.parse(reply.trim().replace(/^```(?:json)?\s*|\s*```$/g, '')));
  return parsed.success ? parsed.data.suggestions : [];
}

function clipEnd(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
