import type { ChatToolName } from '@storyos/contracts';
import type { ToolCall, ToolDefinition } from '../generation/text-provider';
import { documentTitleFromRequest } from './titles';

/**
 * The tools a tool-calling model is offered in a chat reply (OpenAI
 * `tools`): seed 003's document tools, worded for storytelling. The
 * document itself is written by a step of its own, so the model only names
 * what to write.
 */
export const CHAT_TOOLS: readonly ToolDefinition[] = [
  {
    name: 'createDocument',
    description:
      'Write a new document beside the chat: a story, poem, scene or any longer piece the user asks for. Give it a short title; the piece itself is written for you from the conversation.',
    parameters: {
      type: 'object',
      properties: {
        title: { type: 'string', description: 'A short title for the piece.' },
        kind: { type: 'string', enum: ['text'] },
      },
      required: ['title'],
    },
  },
  {
    name: 'updateDocument',
    description: 'Revise the document open beside the chat as the user asks (make it darker, shorten the ending, add a character…).',
    parameters: {
      type: 'object',
      properties: {
        id: { type: 'string', description: 'The id of the document to revise.' },
        description: { type: 'string', description: 'What to change, in the user’s words.' },
      },
      required: ['description'],
    },
  },
  {
    name: 'requestSuggestions',
    description: 'Suggest sentence-level improvements to the document open beside the chat, shown in the document for the user to accept or reject.',
    parameters: {
      type: 'object',
      properties: { documentId: { type: 'string', description: 'The id of the document.' } },
      required: ['documentId'],
    },
  },
];

/** What a reply's tool call asks for, ready to run. */
export type ChatToolRequest =
  | { tool: 'createDocument'; title: string }
  | { tool: 'updateDocument'; documentId: string; description: string }
  | { tool: 'requestSuggestions'; documentId: string };

export interface ToolCallContext {
  /** The user's message the reply answers. */
  message: string;
  /** The chat's open document; the update and suggestion tools act on it. */
  document: { id: string; title: string } | null;
}

const MAX_TITLE_CHARS = 200;
const MAX_DESCRIPTION_CHARS = 2000;

/**
 * Reads a model's tool call. Small local models often write broken JSON or
 * leave out an argument: the call still says what the user wants, so what is
 * missing is taken from the user's message (the title from the request, the
 * change from its words). The update and suggestion tools act on the chat's
 * open document whatever id the model wrote (a chat has one open document,
 * and models garble ids); without one, or for a tool we do not have, the
 * call is null.
 */
export function readToolCall(call: ToolCall, context: ToolCallContext): ChatToolRequest | null {
  const name = call.name as ChatToolName;
  const args = parseArguments(call.arguments);
  if (name === 'createDocument') {
    const title = stringArg(args, 'title') ?? documentTitleFromRequest(context.message);
    return { tool: 'createDocument', title: title.slice(0, MAX_TITLE_CHARS) };
  }
  if (!context.document) return null;
  if (name === 'updateDocument') {
    const description = stringArg(args, 'description') ?? context.message;
    return { tool: 'updateDocument', documentId: context.document.id, description: description.slice(0, MAX_DESCRIPTION_CHARS) };
  }
  if (name === 'requestSuggestions') return { tool: 'requestSuggestions', documentId: context.document.id };
  return null;
}

/** The first call of the reply that can run; a reply runs one tool. */
export function firstRunnableCall(calls: readonly ToolCall[], context: ToolCallContext): { call: ToolCall; request: ChatToolRequest } | null {
  for (const call of calls) {
    const request = readToolCall(call, context);
    if (request) return { call, request };
  }
  return null;
}

function parseArguments(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    // Some servers send the arguments JSON encoded twice.
    const value = typeof parsed === 'string' ? (JSON.parse(parsed) as unknown) : parsed;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function stringArg(args: Record<string, unknown>, key: string): string | null {
  const value = args[key];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
