import RefreshRounded from '@mui/icons-material/RefreshRounded';
import StopRounded from '@mui/icons-material/StopRounded';
import UndoRounded from '@mui/icons-material/UndoRounded';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';

interface GameControlsProps {
  streaming: boolean;
  canRegenerate: boolean;
  canUndo: boolean;
  busy: boolean;
  onStop: () => void;
  onRegenerate: () => void;
  onUndo: () => void;
}

export function GameControls({ streaming, canRegenerate, canUndo, busy, onStop, onRegenerate, onUndo }: GameControlsProps) {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {streaming && (
        <Button size="small" variant="outlined" color="warning" startIcon={<StopRounded />} onClick={onStop} aria-label="Stop the reply">
          Stop
        </Button>
      )}
      <Button
        size="small"
        startIcon={<RefreshRounded />}
        onClick={onRegenerate}
        disabled={busy || !canRegenerate}
        aria-label="Regenerate the last reply"
      >
        Regenerate
      </Button>
      <Button size="small" startIcon={<UndoRounded />} onClick={onUndo} disabled={busy || !canUndo} aria-label="Undo the last turn">
        Undo
      </Button>
    </Stack>
  );
}
