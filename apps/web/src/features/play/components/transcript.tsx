import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { GameMessage } from '@storyos/contracts';
import { useState } from 'react';
import type { GenerationStreamView } from '../hooks/use-generation-stream';
import { FailedReply } from './failed-reply';
import { NarratorMessage } from './narrator-message';
import { PlayerMessage } from './player-message';

/** Enough for a long session to open fast; earlier turns come back on request. */
const INITIAL_VISIBLE = 60;
const MORE_STEP = 60;

interface TranscriptProps {
  messages: readonly GameMessage[];
  /** The reply being written now, if any. */
  liveReplyId: string | null;
  stream: GenerationStreamView;
  onRegenerate: () => void;
  regenerating: boolean;
}

export function Transcript({ messages, liveReplyId, stream, onRegenerate, regenerating }: TranscriptProps) {
  const [visible, setVisible] = useState(INITIAL_VISIBLE);
  const hidden = Math.max(0, messages.length - visible);
  const shown = messages.slice(hidden);
  const lastId = messages.at(-1)?.id;
  const liveHasMessage = liveReplyId !== null && messages.some((message) => message.generationId === liveReplyId);

  const liveReply = (key: string) => (
    <NarratorMessage key={key} text={stream.text} status={stream.status} live={stream.phase !== 'ended'}>
      {stream.status === 'failed' && (
        <FailedReply generationId={liveReplyId} reason={stream.error} onRegenerate={onRegenerate} regenerating={regenerating} />
      )}
    </NarratorMessage>
  );

  return (
    <Stack spacing={3}>
      {hidden > 0 && (
        <Box sx={{ textAlign: 'center' }}>
          <Button variant="text" onClick={() => setVisible((count) => count + MORE_STEP)}>
            Show {Math.min(hidden, MORE_STEP)} earlier {hidden === 1 ? 'message' : 'messages'}
          </Button>
        </Box>
      )}
      {shown.map((message) => {
        if (message.role === 'player') {
          return <PlayerMessage key={message.id} text={message.content} pending={message.id.startsWith('pending-')} />;
        }
        if (liveReplyId && message.generationId === liveReplyId) return liveReply(message.id);
        return (
          <NarratorMessage key={message.id} text={message.content} status={message.status}>
            {message.status === 'failed' && (
              <FailedReply
                generationId={message.generationId}
                reason={message.error}
                onRegenerate={message.id === lastId ? onRegenerate : undefined}
                regenerating={regenerating}
              />
            )}
          </NarratorMessage>
        );
      })}
      {liveReplyId && !liveHasMessage && liveReply(`live-${liveReplyId}`)}
    </Stack>
  );
}
