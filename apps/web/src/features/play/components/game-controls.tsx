import FastForwardRounded from '@mui/icons-material/FastForwardRounded';
import KeyboardDoubleArrowDownRounded from '@mui/icons-material/KeyboardDoubleArrowDownRounded';
import RefreshRounded from '@mui/icons-material/RefreshRounded';
import StickyNote2Outlined from '@mui/icons-material/StickyNote2Outlined';
import StopRounded from '@mui/icons-material/StopRounded';
import UndoRounded from '@mui/icons-material/UndoRounded';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { memo } from 'react';

interface GameControlsProps {
  streaming: boolean;
  canRegenerate: boolean;
  canUndo: boolean;
  canContinue: boolean;
  busy: boolean;
  /** The reader scrolled up: offer the way back down, here in the row rather than over the story. */
  showJump: boolean;
  onStop: () => void;
  onRegenerate: () => void;
  onUndo: () => void;
  onContinue: () => void;
  onJump: () => void;
  onNotes: () => void;
}

/** Memoised: the game page re-renders each streamed frame, these buttons only when their props change. */
export const GameControls = memo(function GameControls({ streaming, canRegenerate, canUndo, canContinue, busy, showJump, onStop, onRegenerate, onUndo, onContinue, onJump, onNotes }: GameControlsProps) {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      {streaming && (
        <Button size="small" variant="outlined" color="warning" startIcon={<StopRounded />} onClick={onStop} aria-label="Stop the reply">
          Stop
        </Button>
      )}
      <Button size="small" startIcon={<FastForwardRounded />} onClick={onContinue} disabled={busy || !canContinue} aria-label="Continue the story">
        Continue
      </Button>
      <Button size="small" startIcon={<RefreshRounded />} onClick={onRegenerate} disabled={busy || !canRegenerate} aria-label="Regenerate the last reply">
        Regenerate
      </Button>
      <Button size="small" startIcon={<UndoRounded />} onClick={onUndo} disabled={busy || !canUndo} aria-label="Undo the last turn">
        Undo
      </Button>
      <Button size="small" startIcon={<StickyNote2Outlined />} onClick={onNotes} aria-haspopup="dialog">
        Memory & cards
      </Button>
      {showJump && (
        <Button size="small" variant="contained" startIcon={<KeyboardDoubleArrowDownRounded />} onClick={onJump}>
          Jump to the latest
        </Button>
      )}
    </Stack>
  );
});
