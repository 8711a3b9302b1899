import { createContext, useContext, useEffect, useRef } from 'react';

export interface ShortcutActions {
  /** Ctrl/Cmd+Enter: the step's main action (generate, start, continue). */
  primary?: () => void;
  /** Ctrl/Cmd+S: save now. */
  save?: () => void;
}

export interface ShortcutRegistry {
  register: (actions: { current: ShortcutActions }) => () => void;
  openHelp: () => void;
}

export const ShortcutsContext = createContext<ShortcutRegistry | null>(null);

/** Offers this component's actions to the wizard's keyboard shortcuts while it is mounted. */
export function useStepShortcuts(actions: ShortcutActions): void {
  const registry = useContext(ShortcutsContext);
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => registry?.register(ref), [registry]);
}

export function useOpenShortcutsHelp(): () => void {
  return useContext(ShortcutsContext)?.openHelp ?? (() => undefined);
}

export const isEditableTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
