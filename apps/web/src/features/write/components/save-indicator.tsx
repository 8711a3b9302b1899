import CheckCircleOutlineRounded from '@mui/icons-material/CheckCircleOutlineRounded';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded';
import SyncRounded from '@mui/icons-material/SyncRounded';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { SAVE_STATUS_LABELS, type SaveState } from '../autosave';

const ICONS = {
  saved: CheckCircleOutlineRounded,
  saving: SyncRounded,
  retrying: CloudOffOutlined,
  failed: ErrorOutlineRounded,
  invalid: ErrorOutlineRounded,
  conflict: ErrorOutlineRounded,
} as const;

/** "Saved", "Saving…", "Not saved — retrying": where the writer's text stands, read out as it changes. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const Icon = ICONS[state.status];
  const problem = state.status !== 'saved' && state.status !== 'saving';
  const text = state.message ? `${SAVE_STATUS_LABELS[state.status]} — ${state.message}` : SAVE_STATUS_LABELS[state.status];
  return (
    <Box
      role="status"
      aria-live="polite"
      data-save-status={state.status}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: problem ? 'error.main' : 'text.secondary', minWidth: 0 }}
    >
      <Icon fontSize="small" aria-hidden />
      <Typography variant="body2" component="span" sx={{ color: 'inherit' }}>
        {text}
      </Typography>
    </Box>
  );
}
