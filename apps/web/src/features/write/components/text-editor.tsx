import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import type { TextSelection } from './rewrite-tools';
import { createHistory, type EditorHistory, historyCommand, recordChangeNow, redo, undo } from '../editor-history';
import { HistoryButtons } from './history-buttons';
import { RewriteTools, type RewriteToolsProps } from './rewrite-tools';
import { READING_FONT } from '../../../lib/theme';


export type TextView = 'formatted' | 'edit';
export type { TextSelection } from './rewrite-tools';

interface TextEditorProps {
  label: string;
  name: string;
  initialValue: string;
  /** The text a generation replaced: one undo away. */
  previousValue?: string | null;
  onChange: (value: string) => void;
  disabled?: boolean;
  minRows?: number;
  maxLength: number;
  helperText?: string;
  /** The save indicator and anything else the toolbar should carry. */
  status?: ReactNode;
  /** Shows the text formatted (headings, paragraphs) with an Edit switch; without it the editor is the plain text field. */
  formatted?: (text: string) => ReactNode;
  view?: TextView;
  onViewChange?: (view: TextView) => void;
  /** "Rewrite selection" for the text selected in Edit; the chosen words replace it as one undo step. */
  rewrite?: Omit<RewriteToolsProps, 'selection' | 'replace'>;
}

/** Where the first difference is, so the caret lands on what undo or redo changed. */
function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) if (a[index] !== b[index]) return index;
  return length;
}

/**
 * A text field with its own undo/redo history (the browser's would be lost
 * whenever React sets the value): Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y and
 * toolbar buttons. With `formatted`, the text reads formatted until the user
 * switches to Edit; undo works in both. Mount it once per version of the text.
 */
export function TextEditor(props: TextEditorProps) {
  const { label, name, initialValue, previousValue, onChange, disabled, minRows = 10, maxLength, helperText, status, formatted, rewrite } = props;
  const [history, setHistory] = useState<EditorHistory<string>>(() => createHistory(initialValue, previousValue));
  const [ownView, setOwnView] = useState<TextView>('formatted');
  const view = formatted ? (props.view ?? ownView) : 'edit';
  const setView = props.onViewChange ?? setOwnView;
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const nextIsNewStep = useRef(false);
  const caret = useRef<{ start: number; end: number } | null>(null);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (caret.current === null || !input) return;
    input.setSelectionRange(caret.current.start, caret.current.end);
    caret.current = null;
  });

  const apply = (next: EditorHistory<string>) => {
    if (next === history) return;
    const at = firstDifference(history.present, next.present);
    caret.current = { start: at, end: at };
    setHistory(next);
    setSelection(null);
    onChange(next.present);
  };

  const onType = (value: string) => {
    const next = recordChangeNow(history, value, nextIsNewStep.current);
    nextIsNewStep.current = false;
    setHistory(next);
    onChange(next.present);
  };

  const replace = (range: TextSelection, text: string) => {
    // The alternatives dialog is modal: nothing was typed since the selection was made.
    const present = history.present;
    const value = `${present.slice(0, range.start)}${text}${present.slice(range.end)}`;
    const next = recordChangeNow(history, value, true);
    caret.current = { start: range.start, end: range.start + text.length };
    setHistory({ ...next, lastEditAt: 0 });
    setSelection({ start: range.start, end: range.start + text.length, text });
    onChange(value);
  };

  const readSelection = () => {
    const input = inputRef.current;
    if (!input) return;
    const { selectionStart: start, selectionEnd: end } = input;
    setSelection(end > start ? { start, end, text: input.value.slice(start, end) } : null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const command = historyCommand(event);
    if (!command) return;
    event.preventDefault();
    apply(command === 'undo' ? undo(history) : redo(history));
  };

  const count = history.present.length.toLocaleString('en-US');
  return (
    <Box onKeyDown={view === 'formatted' ? onKeyDown : undefined}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, flexWrap: 'wrap', mb: 0.5 }} role="toolbar" aria-label={`${label} tools`}>
        <HistoryButtons history={history} disabled={disabled} onChange={apply} />
        {formatted && (
          <ToggleButtonGroup size="small" exclusive value={view} onChange={(_event, next: TextView | null) => next && setView(next)} aria-label={`Show the ${label.toLowerCase()}`} sx={{ ml: 1, '& .MuiToggleButton-root:not(.Mui-selected)': { color: 'text.primary' } }}>
            <ToggleButton value="formatted">Formatted</ToggleButton>
            <ToggleButton value="edit">Edit</ToggleButton>
          </ToggleButtonGroup>
        )}
        {rewrite && <RewriteTools {...rewrite} selection={view === 'edit' ? selection : null} replace={replace} />}
        <Box sx={{ flexGrow: 1 }} />
        {status}
      </Stack>
      {view === 'formatted' && formatted ? (
        formatted(history.present)
      ) : (
        <TextField
          label={label}
          name={name}
          multiline
          minRows={minRows}
          maxRows={40}
          value={history.present}
          onChange={(event) => onType(event.target.value)}
          onKeyDown={onKeyDown}
          onSelect={readSelection}
          onPaste={() => (nextIsNewStep.current = true)}
          disabled={disabled}
          margin="none"
          fullWidth
          inputRef={inputRef}
          helperText={`${helperText ? `${helperText} · ` : ''}${count} / ${maxLength.toLocaleString('en-US')} characters${rewrite ? ' · Select words to rewrite them' : ''}`}
          slotProps={{ htmlInput: { maxLength, spellCheck: true }, input: { sx: { fontFamily: READING_FONT, fontSize: '1.05rem', lineHeight: 1.7 } } }}
        />
      )}
    </Box>
  );
}
