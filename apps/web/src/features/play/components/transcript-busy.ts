import { createContext, useContext } from 'react';

/**
 * Something is being written or asked for: the transcript's edit, swipe and
 * continue controls wait. A context rather than a prop, so a change re-renders
 * only those controls and not every message of the transcript.
 */
export const TranscriptBusyContext = createContext(false);

export function useTranscriptBusy(): boolean {
  return useContext(TranscriptBusyContext);
}
