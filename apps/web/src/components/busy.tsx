import { createContext, type ReactNode, useContext } from 'react';

/**
 * Something is being written or asked for, so the controls that would change
 * the story or the conversation wait. A context rather than a prop, so a
 * change re-renders only those controls, never every message of a long list.
 */
export const BusyContext = createContext(false);

export function useBusy(): boolean {
  return useContext(BusyContext);
}

/** Draws an icon button that a WhileIdle fieldset disables the way MUI draws a disabled one. */
export const disabledByFieldset = { 'fieldset:disabled &': { color: 'action.disabled', pointerEvents: 'none' } } as const;

/** The fieldset only disables: it draws no box of its own. */
const NO_BOX = { display: 'contents' } as const;

/**
 * Disables the buttons inside while busy, natively: a disabled fieldset
 * disables its form controls. A busy change then flips one attribute on each
 * message instead of rendering each message's MUI button again, which made a
 * long task at every turn's start and end in a long transcript. Give icon
 * buttons inside `disabledByFieldset` for the disabled look.
 */
export function WhileIdle({ children }: { children: ReactNode }) {
  const busy = useBusy();
  return (
    <fieldset disabled={busy} style={NO_BOX}>
      {children}
    </fieldset>
  );
}
