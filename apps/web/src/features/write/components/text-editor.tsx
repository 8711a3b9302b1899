import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { createHistory, type EditorHistory, historyCommand, recordChangeNow, redo, undo } from '../editor-history';
import { HistoryButtons } from './history-buttons';
import { READING_FONT } from '../../../lib/theme';

interface TextEditorProps {
  label: string;
  name: string;
  initialValue: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  minRows?: number;
  maxLength: number;
  helperText?: string;
  /** The save indicator and anything else the toolbar should carry. */
  status?: ReactNode;
}

/** Where the first difference is, so the caret lands on what undo or redo changed. */
function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) if (a[index] !== b[index]) return index;
  return length;
}

/**
 * A plain textarea with its own undo/redo history (the browser's would be
 * lost whenever React sets the value): Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y
 * and toolbar buttons. Mount it once per version of the text.
 */
export function TextEditor({ label, name, initialValue, onChange, disabled, minRows = 10, maxLength, helperText, status }: TextEditorProps) {
  const [history, setHistory] = useState<EditorHistory<string>>(() => createHistory(initialValue));
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const nextIsNewStep = useRef(false);
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (caret.current === null || !input) return;
    input.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const apply = (next: EditorHistory<string>) => {
    if (next === history) return;
    caret.current = firstDifference(history.present, next.present);
    setHistory(next);
    onChange(next.present);
  };

  const onType = (value: string) => {
    const next = recordChangeNow(history, value, nextIsNewStep.current);
    nextIsNewStep.current = false;
    setHistory(next);
    onChange(next.present);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const command = historyCommand(event);
    if (!command) return;
    event.preventDefault();
    apply(command === 'undo' ? undo(history) : redo(history));
  };

  const count = history.present.length.toLocaleString('en-US');
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, flexWrap: 'wrap', mb: 0.5 }} role="toolbar" aria-label={`${label} tools`}>
        <HistoryButtons history={history} disabled={disabled} onChange={apply} />
        <Box sx={{ flexGrow: 1 }} />
        {status}
      </Stack>
      <TextField
        label={label}
        name={name}
        multiline
        minRows={minRows}
        maxRows={40}
        value={history.present}
        onChange={(event) => onType(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={() => (nextIsNewStep.current = true)}
        disabled={disabled}
        margin="none"
        inputRef={inputRef}
        helperText={`${helperText ? `${helperText} · ` : ''}${count} / ${maxLength.toLocaleString('en-US')} characters`}
        slotProps={{ htmlInput: { maxLength, spellCheck: true }, input: { sx: { fontFamily: READING_FONT, fontSize: '1.05rem', lineHeight: 1.7 } } }}
      />
    </Box>
  );
}
