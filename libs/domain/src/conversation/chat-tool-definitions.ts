import { CreateDocumentInputSchema, RequestSuggestionsInputSchema, UpdateDocumentInputSchema, type ChatToolName } from '@storyos/contracts';
import { z } from 'zod';
import type { ToolDefinition } from '../generation/text-provider';

const parameters = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _omitted, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return rest;
};

/** The chat's tools as a tool-calling model is offered them (seed 003's descriptions, for prose). */
export const CHAT_TOOL_DEFINITIONS: Record<ChatToolName, ToolDefinition> = {
  createDocument: {
    name: 'createDocument',
    description: 'Write a story, poem, scene or other piece as a document shown beside the chat. Use it when the user asks for a piece of writing.',
    parameters: parameters(CreateDocumentInputSchema),
  },
  updateDocument: {
    name: 'updateDocument',
    description: 'Revise the open document as the user describes (make it darker, shorten it, change the ending…).',
    parameters: parameters(UpdateDocumentInputSchema),
  },
  requestSuggestions: {
    name: 'requestSuggestions',
    description: 'Suggest sentence-level improvements to the open document, shown in it for the user to accept or reject.',
    parameters: parameters(RequestSuggestionsInputSchema),
  },
};
