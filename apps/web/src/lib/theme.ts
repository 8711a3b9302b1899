import { createTheme } from '@mui/material/styles';

/** A serif for stories' prose (the narrator's replies, the Writer's text): long passages read more easily in it than in the UI's sans-serif. */
export const READING_FONT = '"Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", serif';

/** localStorage key for the light/dark choice; absent means "follow the system". */
export const COLOR_MODE_STORAGE_KEY = 'storyos.color-mode';

/**
 * One theme with a light and a dark scheme. MUI's CSS-variables mode swaps
 * schemes through an attribute on <html>, so toggling never re-renders the tree.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'data-color-scheme' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#5b4bdb' },
        secondary: { main: '#d97706' },
        background: { default: '#f6f5fb', paper: '#ffffff' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#a59bff' },
        secondary: { main: '#fbbf24' },
        background: { default: '#0f1117', paper: '#181b24' },
      },
    },
  },
  shape: { borderRadius: 12 },
  typography: {
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontWeight: 700 },
    h4: { fontWeight: 700 },
    h5: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        // Honour the system's reduced-motion setting: drawers and dialogs appear without sliding or fading.
        '@media (prefers-reduced-motion: reduce)': {
          '*, *::before, *::after': {
            animationDuration: '0.01ms !important',
            animationIterationCount: '1 !important',
            transitionDuration: '0.01ms !important',
          },
        },
      },
    },
    MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
    MuiCard: { defaultProps: { variant: 'outlined' } },
    MuiTextField: { defaultProps: { fullWidth: true, margin: 'normal' } },
  },
});
