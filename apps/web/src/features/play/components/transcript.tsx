import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { GameMessage } from '@storyos/contracts';
import { useState } from 'react';
import { joinedText } from '../cache';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import { CutOffReply } from './cut-off-reply';
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
  /** The live generation goes on from its message's text (a continuation) rather than replacing it. */
  liveContinues: boolean;
  stream: GenerationStreamView;
  onRegenerate: () => void;
  regenerating: boolean;
  onContinue: () => void;
  continuing: boolean;
  /** Something is being written or asked for: no new action starts. */
  busy: boolean;
}

export function Transcript({ messages, liveReplyId, liveContinues, stream, onRegenerate, regenerating, onContinue, continuing, busy }: TranscriptProps) {
  const [visible, setVisible] = useState(INITIAL_VISIBLE);
  const hidden = Math.max(0, messages.length - visible);
  const shown = messages.slice(hidden);
  const lastId = messages.at(-1)?.id;
  const liveHasMessage = liveReplyId !== null && messages.some((message) => message.generationId === liveReplyId);

  const liveReply = (key: string, before = '') => (
    <NarratorMessage key={key} text={joinedText(before, stream.text)} status={stream.status} live={stream.phase !== 'ended'} notice={stream.notice}>
      {stream.status === 'failed' && !liveContinues && (
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
        if (liveReplyId && message.generationId === liveReplyId && stream.phase !== 'ended') return liveReply(message.id, liveContinues ? message.content : '');
        if (liveReplyId && message.generationId === liveReplyId && !liveContinues) return liveReply(message.id);
        const isLast = message.id === lastId;
        const cutOff = message.status === 'completed' && message.finishReason === 'length';
        return (
          <NarratorMessage key={message.id} text={message.content} status={message.status} finishReason={message.finishReason}>
            {message.status === 'failed' && (
              <FailedReply generationId={message.generationId} reason={message.error} onRegenerate={isLast ? onRegenerate : undefined} regenerating={regenerating} />
            )}
            {cutOff && isLast && <CutOffReply onContinue={onContinue} continuing={continuing} disabled={busy} error={message.error} />}
          </NarratorMessage>
        );
      })}
      {liveReplyId && !liveHasMessage && liveReply(`live-${liveReplyId}`)}
    </Stack>
  );
}
