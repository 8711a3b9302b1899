import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import RedoRounded from '@mui/icons-material/RedoRounded';
import UndoRounded from '@mui/icons-material/UndoRounded';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { canRedo, canUndo, type EditorHistory, redo, undo } from '../editor-history';
import { useOpenShortcutsHelp } from '../hooks/use-shortcuts';

interface HistoryButtonsProps<T> {
  history: EditorHistory<T>;
  disabled?: boolean;
  /** Takes the history after an undo or a redo. */
  onChange: (next: EditorHistory<T>) => void;
}

/** Undo, redo and the shortcuts help, at the start of an editor's toolbar. */
export function HistoryButtons<T>({ history, disabled = false, onChange }: HistoryButtonsProps<T>) {
  const openHelp = useOpenShortcutsHelp();
  return (
    <>
      <Tooltip title="Undo (Ctrl+Z)">
        <span>
          <IconButton aria-label="Undo" size="small" onClick={() => onChange(undo(history))} disabled={disabled || !canUndo(history)}>
            <UndoRounded fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Redo (Ctrl+Shift+Z)">
        <span>
          <IconButton aria-label="Redo" size="small" onClick={() => onChange(redo(history))} disabled={disabled || !canRedo(history)}>
            <RedoRounded fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Keyboard shortcuts (?)">
        <IconButton aria-label="Keyboard shortcuts" size="small" onClick={openHelp}>
          <KeyboardOutlined fontSize="small" />
        </IconButton>
      </Tooltip>
    </>
  );
}
