import { useColorScheme } from '@mui/material/styles';

/**
 * The light/dark mode in effect and a toggle. Until the user chooses, MUI
 * reports "system" and we resolve it from prefers-color-scheme.
 */
export function useColorMode(): { mode: 'light' | 'dark'; toggle: () => void } {
  const { mode, systemMode, setMode } = useColorScheme();
  const resolved: 'light' | 'dark' = (mode === 'system' ? systemMode : mode) ?? 'light';
  return { mode: resolved, toggle: () => setMode(resolved === 'dark' ? 'light' : 'dark') };
}
