import type { ChatToolName } from '@storyos/contracts';

/** What a finished tool tells the model (the tool's `content`, as the chatbot's tools say it). */
export const TOOL_RESULT_FOR_MODEL: Record<ChatToolName, string> = {
  createDocument: 'A document was created and is now visible to the user.',
  updateDocument: 'The document has been updated successfully.',
  requestSuggestions: 'Suggestions have been added to the document.',
};

/** The reply's closing words after a tool ran, for the reader. */
export function toolConfirmation(tool: ChatToolName, document: { title: string; suggestions?: number }): string {
  const title = `“${document.title}”`;
  switch (tool) {
    case 'createDocument':
      return `I wrote ${title}. It is open beside the chat: edit it there, ask me to change it, or ask how it could be better.`;
    case 'updateDocument':
      return `I revised ${title}. The earlier version is kept in its history, where you can compare the two.`;
    case 'requestSuggestions': {
      const count = document.suggestions ?? 0;
      if (count === 0) return `I have no suggestions for ${title}: it reads well as it is.`;
      return `I added ${count} suggestion${count === 1 ? '' : 's'} to ${title}. Accept or reject each one in the document.`;
    }
  }
}
