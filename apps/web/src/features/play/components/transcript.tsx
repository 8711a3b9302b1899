import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { GameMessage } from '@storyos/contracts';
import { type ReactElement, type ReactNode, useMemo, useState } from 'react';
import { joinedText } from '../cache';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import { CutOffReply } from './cut-off-reply';
import { FailedReply } from './failed-reply';
import { MessageEditor } from './message-editor';
import { NarratorMessage } from './narrator-message';
import { PlayerMessage } from './player-message';
import { EditButton, SwipeArrows, UsedContext } from './reply-tools';

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
  /** The text shown for the live reply once Stop was pressed: it stops growing at once. */
  frozenText?: string | null;
  onRegenerate: () => void;
  regenerating: boolean;
  onContinue: () => void;
  continuing: boolean;
  /** Something is being written or asked for: no new action starts. */
  busy: boolean;
  /** Moves the last reply to another of its alternatives. */
  onSwipe?: (index: number) => void;
  /** Saves an edited message over `baseRevision`. */
  onEdit?: (messageId: string, content: string, baseRevision: number) => Promise<unknown>;
  /** Listen, Illustrate and the picture under a written reply. */
  sceneTools?: (message: GameMessage) => ReactNode;
}

export function Transcript({ messages, liveReplyId, liveContinues, stream, frozenText = null, onRegenerate, regenerating, onContinue, continuing, busy, onSwipe, onEdit, sceneTools }: TranscriptProps) {
  const [visible, setVisible] = useState(INITIAL_VISIBLE);
  const [editing, setEditing] = useState<string | null>(null);
  const hidden = Math.max(0, messages.length - visible);
  const shown = useMemo(() => messages.slice(hidden), [messages, hidden]);
  const lastId = messages.at(-1)?.id;
  const liveHasMessage = liveReplyId !== null && messages.some((message) => message.generationId === liveReplyId);
  const streamText = frozenText ?? stream.text;
  const liveStreaming = stream.phase !== 'ended';

  const liveReply = (key: string, before = '') => (
    <NarratorMessage key={key} text={joinedText(before, streamText)} status={stream.status} live={stream.phase !== 'ended' && frozenText === null} notice={stream.notice}>
      {stream.status === 'failed' && !liveContinues && (
        <FailedReply generationId={liveReplyId} reason={stream.error} onRegenerate={onRegenerate} regenerating={regenerating} />
      )}
    </NarratorMessage>
  );

  // A streamed reply re-renders the transcript once a frame: every finished message keeps its element
  // (React skips an unchanged element), so only the live reply re-renders. Handlers should keep their
  // identity between renders (see useEventCallback) or the rows are rebuilt with them.
  const finished = useMemo(() => {
    const editor = (message: GameMessage) =>
      onEdit && <MessageEditor key={`edit-${message.id}`} message={message} onSave={(content, baseRevision) => onEdit(message.id, content, baseRevision)} onDone={() => setEditing(null)} />;
    const editButton = (message: GameMessage, label: string) =>
      onEdit && !message.id.startsWith('pending-') && !message.id.startsWith('live-') && <EditButton label={label} disabled={busy} onEdit={() => setEditing(message.id)} />;
    const rows = new Map<string, ReactElement>();
    for (const message of shown) {
      if (message.role === 'player') {
        if (editing === message.id) rows.set(message.id, <Box key={message.id} sx={{ display: 'flex', justifyContent: 'flex-end' }}>{editor(message)}</Box>);
        else
          rows.set(
            message.id,
            <PlayerMessage key={message.id} text={message.content} mode={message.mode} pending={message.id.startsWith('pending-')}>
              {message.mode !== 'continue' && editButton(message, 'Edit your turn')}
            </PlayerMessage>,
          );
        continue;
      }
      // The live reply is drawn apart, from the stream.
      if (liveReplyId && message.generationId === liveReplyId && (liveStreaming || !liveContinues)) continue;
      if (editing === message.id) {
        rows.set(message.id, <Box key={message.id}>{editor(message)}</Box>);
        continue;
      }
      const isLast = message.id === lastId;
      const cutOff = message.status === 'completed' && message.finishReason === 'length';
      const swipe = message.swipe;
      rows.set(
        message.id,
        <NarratorMessage key={message.id} text={message.content} status={message.status} finishReason={message.finishReason}>
          {message.status === 'failed' && (
            <FailedReply generationId={message.generationId} reason={message.error} onRegenerate={isLast ? onRegenerate : undefined} regenerating={regenerating} />
          )}
          {sceneTools && message.content.trim() && message.status !== 'failed' && !message.id.startsWith('live-') && sceneTools(message)}
          {cutOff && isLast && <CutOffReply onContinue={onContinue} continuing={continuing} disabled={busy} error={message.error} />}
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, mt: 0.5, flexWrap: 'wrap' }}>
            <UsedContext context={message.context} />
            <Stack direction="row" sx={{ alignItems: 'center', ml: 'auto' }}>
              {isLast && swipe && swipe.count > 1 && onSwipe && <SwipeArrows swipe={swipe} disabled={busy} onChoose={onSwipe} onAnother={onRegenerate} />}
              {editButton(message, 'Edit the reply')}
            </Stack>
          </Stack>
        </NarratorMessage>,
      );
    }
    return rows;
  }, [shown, editing, busy, regenerating, continuing, lastId, liveReplyId, liveStreaming, liveContinues, onRegenerate, onContinue, onSwipe, onEdit, sceneTools]);

  return (
    <Stack spacing={3}>
      {hidden > 0 && (
        <Box sx={{ textAlign: 'center' }}>
          <Button variant="text" onClick={() => setVisible((count) => count + MORE_STEP)}>
            Show {Math.min(hidden, MORE_STEP)} earlier {hidden === 1 ? 'message' : 'messages'}
          </Button>
        </Box>
      )}
      {shown.map((message) => finished.get(message.id) ?? liveReply(message.id, liveContinues ? message.content : ''))}
      {liveReplyId && !liveHasMessage && liveReply(`live-${liveReplyId}`)}
    </Stack>
  );
}
