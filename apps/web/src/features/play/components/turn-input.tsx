import SendRounded from '@mui/icons-material/SendRounded';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import { MAX_PLAYER_INPUT_CHARS, type PlayerInputMode } from '@storyos/contracts';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { MicrophoneButton } from '../../../components/media/microphone-button';

export const MAX_TURN_LENGTH = MAX_PLAYER_INPUT_CHARS;

/** Text put back into the input, e.g. the action a player just undid; a new `nonce` puts it back again. */
export interface TurnDraft {
  text: string;
  mode: PlayerInputMode;
  nonce: number;
}

interface TurnInputProps {
  /** Resolves true when the turn was accepted, so the text is cleared only then. */
  onSend: (content: string, mode: PlayerInputMode) => Promise<boolean>;
  disabled: boolean;
  /** Why the input is disabled, read out next to it. */
  disabledReason?: string;
  draft?: TurnDraft | null;
}

/** The three ways into the story, as AI Dungeon has them. */
const MODES: Record<PlayerInputMode, { label: string; field: string; hint: string }> = {
  do: { label: 'Do', field: 'What do you do?', hint: 'Describe your action. Enter sends, Shift+Enter adds a line.' },
  say: { label: 'Say', field: 'What do you say?', hint: 'Your words, spoken aloud. Enter sends.' },
  story: { label: 'Story', field: 'What happens next?', hint: 'Write straight into the story; the narrator goes on from it. Enter sends.' },
};

const count = (value: number) => value.toLocaleString('en-US');

/** The player's input: Do, Say or Story; Enter sends, Shift+Enter starts a new line. */
export function TurnInput({ onSend, disabled, disabledReason, draft = null }: TurnInputProps) {
  const [value, setValue] = useState('');
  const [mode, setMode] = useState<PlayerInputMode>('do');
  const [sending, setSending] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const hadFocus = useRef(false);
  const blocked = disabled || sending;
  const empty = value.trim().length === 0;

  // Disabling drops focus; give it back when the reply is done if the player was typing here.
  useEffect(() => {
    if (!blocked && hadFocus.current && document.activeElement === document.body) inputRef.current?.focus();
  }, [blocked]);

  // An undone action comes back to be changed and sent again (state adjusted while rendering, as React advises for props that reset state).
  const [seenDraft, setSeenDraft] = useState<TurnDraft | null>(null);
  if (draft !== seenDraft) {
    setSeenDraft(draft);
    if (draft) {
      setValue(draft.text.slice(0, MAX_TURN_LENGTH));
      setMode(draft.mode);
    }
  }

  const submit = async () => {
    if (blocked || empty) return;
    hadFocus.current = document.activeElement === inputRef.current;
    setSending(true);
    try {
      if (await onSend(value.trim(), mode)) setValue('');
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

  /** Spoken words join what is typed, to be corrected before sending. */
  const onTranscript = (text: string) => {
    setValue((current) => (current.trim() ? `${current.trimEnd()} ${text}` : text).slice(0, MAX_TURN_LENGTH));
    inputRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const { field, hint } = MODES[mode];
  return (
    <Box component="form" onSubmit={onSubmit} aria-label="Your turn">
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode}
        onChange={(_event, next: PlayerInputMode | null) => next && setMode(next)}
        aria-label="How your words enter the story"
        sx={{ mb: 1 }}
      >
        {(Object.keys(MODES) as PlayerInputMode[]).map((key) => (
          <ToggleButton key={key} value={key} sx={{ px: 1.5, py: 0.25, color: 'text.primary' }}>
            {MODES[key].label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <TextField
          label={field}
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
          placeholder={disabled ? undefined : hint}
          helperText={disabled && disabledReason ? `${disabledReason} · ${count(value.length)} / ${count(MAX_TURN_LENGTH)}` : `${count(value.length)} / ${count(MAX_TURN_LENGTH)}`}
          slotProps={{ htmlInput: { maxLength: MAX_TURN_LENGTH } }}
        />
        <Box sx={{ mt: 1 }}>
          <MicrophoneButton onTranscript={onTranscript} what="your turn" disabled={blocked} />
        </Box>
        <Tooltip title="Send (Enter)">
          <span>
            <IconButton type="submit" color="primary" aria-label="Send" disabled={blocked || empty} sx={{ mt: 1 }}>
              <SendRounded />
            </IconButton>
          </span>
        </Tooltip>
      </Box>
    </Box>
  );
}
