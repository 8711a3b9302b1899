import { CHAT_DATA_PARTS } from '@storyos/contracts';
import { useCallback, useState } from 'react';

/** The document being written by the reply stream, as it arrives. */
export interface StreamedDocument {
  id: string;
  title: string;
  content: string;
  streaming: boolean;
}

type DataPart = { type: string; data: unknown };

/** Follows the reply's transient data parts (the chatbot's artifact protocol) into the document being written. */
export function useArtifactStream(onFinished: (documentId: string) => void, onSuggestion: (documentId: string) => void) {
  const [document, setDocument] = useState<StreamedDocument | null>(null);

  const onData = useCallback(
    (part: DataPart) => {
      switch (part.type) {
        case CHAT_DATA_PARTS.id:
          setDocument({ id: String(part.data), title: '', content: '', streaming: true });
          break;
        case CHAT_DATA_PARTS.title:
          setDocument((current) => (current ? { ...current, title: String(part.data) } : current));
          break;
        case CHAT_DATA_PARTS.clear:
          setDocument((current) => (current ? { ...current, content: '' } : current));
          break;
        case CHAT_DATA_PARTS.textDelta:
          setDocument((current) => (current ? { ...current, content: current.content + String(part.data) } : current));
          break;
        case CHAT_DATA_PARTS.finish:
          setDocument((current) => {
            if (current) onFinished(current.id);
            return current ? { ...current, streaming: false } : current;
          });
          break;
        case CHAT_DATA_PARTS.suggestion: {
          const documentId = (part.data as { documentId?: string }).documentId;
          if (documentId) onSuggestion(documentId);
          break;
        }
      }
    },
    [onFinished, onSuggestion],
  );

  return { streamed: document, onData, clear: () => setDocument(null) };
}
