import SendRounded from '@mui/icons-material/SendRounded';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { MAX_AGENT_MESSAGE_CHARS } from '@storyos/contracts';
import { type FormEvent, useState } from 'react';
import { MicrophoneButton } from '../../../components/media/microphone-button';

interface MessageComposerProps {
  /** Resolves once the message is accepted; the box empties then. */
  onSend: (text: string) => Promise<unknown>;
  disabled: boolean;
}

/** Where the user tells the storyteller what they want. Enter sends; Shift+Enter starts a new line. */
export function MessageComposer({ onSend, disabled }: MessageComposerProps) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (!message || sending || disabled) return;
    setSending(true);
    try {
      await onSend(message);
      setText('');
    } finally {
      setSending(false);
    }
  };
  return (
    <Stack component="form" direction="row" spacing={1} onSubmit={(event) => void send(event)} sx={{ alignItems: 'flex-end' }}>
      <TextField
        label="Your message"
        placeholder="A bedtime story for my 5-year-old about a shy dragon…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
        multiline
        maxRows={6}
        fullWidth
        slotProps={{ htmlInput: { maxLength: MAX_AGENT_MESSAGE_CHARS } }}
      />
      {/* What was heard lands in the box, to be corrected before it is sent. */}
      <MicrophoneButton what="your message" disabled={disabled || sending} onTranscript={(heard) => setText((current) => (current.trim() ? `${current.trim()} ${heard}` : heard))} />
      <IconButton type="submit" color="primary" aria-label="Send" disabled={disabled || sending || !text.trim()} size="large">
        <SendRounded />
      </IconButton>
    </Stack>
  );
}
