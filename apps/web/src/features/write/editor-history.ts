/**
 * The editor's own undo/redo stack. Typing in a burst is one step (it
 * coalesces within `coalesceMs`), so Ctrl+Z takes back a phrase, not a letter.
 */
export interface EditorHistory<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** When the present entry was last typed into; 0 means the next change starts a new step. */
  lastEditAt: number;
}

export interface RecordOptions {
  now: number;
  coalesceMs?: number;
  /** Start a new step even within the coalescing window (a paste, a toolbar action). */
  newStep?: boolean;
  limit?: number;
}

export const DEFAULT_COALESCE_MS = 1000;
export const DEFAULT_HISTORY_LIMIT = 200;

/** A history opening on `value`; `previous` (the text a generation replaced) is one undo away when it differs. */
export function createHistory<T>(value: T, previous?: T | null, equals: (a: T, b: T) => boolean = Object.is): EditorHistory<T> {
  const past = previous !== undefined && previous !== null && !equals(previous, value) ? [previous] : [];
  return { past, present: value, future: [], lastEditAt: 0 };
}

export function recordChange<T>(
  history: EditorHistory<T>,
  value: T,
  { now, coalesceMs = DEFAULT_COALESCE_MS, newStep = false, limit = DEFAULT_HISTORY_LIMIT }: RecordOptions,
  equals: (a: T, b: T) => boolean = Object.is,
): EditorHistory<T> {
  if (equals(history.present, value)) return history;
  const coalesce = !newStep && history.past.length > 0 && history.lastEditAt > 0 && now - history.lastEditAt < coalesceMs;
  const past = coalesce ? history.past : [...history.past, history.present].slice(-limit);
  return { past, present: value, future: [], lastEditAt: now };
}

/** Records a change made now (an event handler's moment, not a render's). */
export function recordChangeNow<T>(
  history: EditorHistory<T>,
  value: T,
  newStep: boolean,
  equals: (a: T, b: T) => boolean = Object.is,
): EditorHistory<T> {
  return recordChange(history, value, { now: Date.now(), newStep }, equals);
}

export function undo<T>(history: EditorHistory<T>): EditorHistory<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0 || previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastEditAt: 0 };
}

export function redo<T>(history: EditorHistory<T>): EditorHistory<T> {
  const next = history.future[0];
  if (history.future.length === 0 || next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1), lastEditAt: 0 };
}

export const canUndo = (history: EditorHistory<unknown>) => history.past.length > 0;
export const canRedo = (history: EditorHistory<unknown>) => history.future.length > 0;

export type HistoryCommand = 'undo' | 'redo' | null;

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function historyCommand(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): HistoryCommand {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
