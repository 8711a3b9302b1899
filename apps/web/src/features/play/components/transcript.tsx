import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { GameMessage } from '@storyos/contracts';
import { memo, useCallback, useState } from 'react';
import { joinedText } from '../cache';
import { BusyContext } from '../../../components/busy';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import type { SceneMediaControls } from '../hooks/use-scene-media';
import { FailedReply } from './failed-reply';
import { NarratorMessage } from './narrator-message';
import { TranscriptMessage } from './transcript-message';

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
  sceneMedia?: SceneMediaControls;
}

/** Brings back earlier turns of a long game. Memoised: the transcript re-renders each streamed frame. */
const ShowEarlier = memo(function ShowEarlier({ hidden, onMore }: { hidden: number; onMore: () => void }) {
  return (
    <Box sx={{ textAlign: 'center' }}>
      <Button variant="text" onClick={onMore}>
        Show {Math.min(hidden, MORE_STEP)} earlier {hidden === 1 ? 'message' : 'messages'}
      </Button>
    </Box>
  );
});

/**
 * The game's story. A streamed reply re-renders it once a frame; each finished
 * message is a memoised TranscriptMessage that only renders again when its own
 * props change, so the handlers passed here must keep their identity between
 * renders (see useEventCallback).
 */
export function Transcript({ messages, liveReplyId, liveContinues, stream, frozenText = null, onRegenerate, regenerating, onContinue, continuing, busy, onSwipe, onEdit, sceneMedia }: TranscriptProps) {
  const [visible, setVisible] = useState(INITIAL_VISIBLE);
  const [editing, setEditing] = useState<string | null>(null);
  const stopEditing = useCallback(() => setEditing(null), []);
  const showMore = useCallback(() => setVisible((count) => count + MORE_STEP), []);
  const hidden = Math.max(0, messages.length - visible);
  const shown = messages.slice(hidden);
  const lastId = messages.at(-1)?.id;
  const liveHasMessage = liveReplyId !== null && messages.some((message) => message.generationId === liveReplyId);
  const streamText = frozenText ?? stream.text;
  const liveStreaming = stream.phase !== 'ended';

  const liveReply = (key: string, before = '') => (
    <NarratorMessage key={key} text={joinedText(before, streamText)} status={stream.status} live={liveStreaming && frozenText === null} notice={stream.notice}>
      {stream.status === 'failed' && !liveContinues && (
        <FailedReply generationId={liveReplyId} reason={stream.error} onRegenerate={onRegenerate} regenerating={regenerating} />
      )}
    </NarratorMessage>
  );

  const row = (message: GameMessage) => {
    // The live reply is drawn apart, from the stream.
    if (message.role === 'narrator' && liveReplyId && message.generationId === liveReplyId && (liveStreaming || !liveContinues)) {
      return liveReply(message.id, liveContinues ? message.content : '');
    }
    const isLast = message.id === lastId;
    const media = message.role === 'narrator' ? sceneMedia?.of(message) : undefined;
    return (
      <TranscriptMessage
        key={message.id}
        message={message}
        isLast={isLast}
        editing={editing === message.id}
        regenerating={isLast && regenerating}
        continuing={isLast && continuing}
        onRegenerate={onRegenerate}
        onContinue={onContinue}
        onSwipe={onSwipe}
        onEdit={onEdit}
        onStartEditing={setEditing}
        onStopEditing={stopEditing}
        picture={media?.picture ?? null}
        narration={media?.narration ?? null}
        onStartMedia={sceneMedia?.start}
        onMediaSettled={sceneMedia?.refresh}
      />
    );
  };

  return (
    <BusyContext value={busy}>
      <Stack spacing={3}>
        {hidden > 0 && <ShowEarlier hidden={hidden} onMore={showMore} />}
        {shown.map(row)}
        {liveReplyId && !liveHasMessage && liveReply(`live-${liveReplyId}`)}
      </Stack>
    </BusyContext>
  );
}
