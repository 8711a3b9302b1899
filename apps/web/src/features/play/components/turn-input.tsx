import SendRounded from '@mui/icons-material/SendRounded';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';

export const MAX_TURN_LENGTH = 2000;

interface TurnInputProps {
  /** Resolves true when the turn was accepted, so the text is cleared only then. */
  onSend: (content: string) => Promise<boolean>;
  disabled: boolean;
  /** Why the input is disabled, read out next to it. */
  disabledReason?: string;
}

const count = (value: number) => value.toLocaleString('en-US');

/** The player's action: Enter sends, Shift+Enter starts a new line. */
export function TurnInput({ onSend, disabled, disabledReason }: TurnInputProps) {
  const [value, setValue] = useState('');
  const [sending, setSending] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const hadFocus = useRef(false);
  const blocked = disabled || sending;
  const empty = value.trim().length === 0;

  // Disabling drops focus; give it back when the reply is done if the player was typing here.
  useEffect(() => {
    if (!blocked && hadFocus.current && document.activeElement === document.body) inputRef.current?.focus();
  }, [blocked]);

  const submit = async () => {
    if (blocked || empty) return;
    hadFocus.current = document.activeElement === inputRef.current;
    setSending(true);
    try {
      if (await onSend(value.trim())) setValue('');
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // While an input method composes (Japanese, Chinese…), Enter confirms the word rather than sending.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <Box component="form" onSubmit={onSubmit} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
      <TextField
        label="What do you do?"
        name="action"
        multiline
        minRows={1}
        maxRows={6}
        value={value}
        onChange={(event) => setValue(event.target.value.slice(0, MAX_TURN_LENGTH))}
        onKeyDown={onKeyDown}
        disabled={blocked}
        margin="none"
        inputRef={inputRef}
        placeholder={disabled ? undefined : 'Describe your action. Enter sends, Shift+Enter adds a line.'}
        helperText={disabled && disabledReason ? `${disabledReason} · ${count(value.length)} / ${count(MAX_TURN_LENGTH)}` : `${count(value.length)} / ${count(MAX_TURN_LENGTH)}`}
        slotProps={{ htmlInput: { maxLength: MAX_TURN_LENGTH } }}
      />
      <Tooltip title="Send (Enter)">
        <span>
          <IconButton type="submit" color="primary" aria-label="Send" disabled={blocked || empty} sx={{ mt: 1 }}>
            <SendRounded />
          </IconButton>
        </span>
      </Tooltip>
    </Box>
  );
}
