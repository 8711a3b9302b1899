import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type { GameMessage, SceneMedia } from '@storyos/contracts';
import { memo } from 'react';
import type { SceneMediaControls } from '../hooks/use-scene-media';
import { CutOffReply } from './cut-off-reply';
import { FailedReply } from './failed-reply';
import { MessageEditor } from './message-editor';
import { NarratorMessage } from './narrator-message';
import { PlayerMessage } from './player-message';
import { EditButton, SwipeArrows, UsedContext } from './reply-tools';
import { SceneMediaTools } from './scene-media-tools';

export interface TranscriptMessageProps {
  message: GameMessage;
  /** The newest message: only it offers Regenerate, Continue and the swipe arrows. */
  isLast: boolean;
  editing: boolean;
  /** Only meaningful on the last message (the others offer neither). */
  regenerating: boolean;
  continuing: boolean;
  onRegenerate: () => void;
  onContinue: () => void;
  onSwipe?: (index: number) => void;
  onEdit?: (messageId: string, content: string, baseRevision: number) => Promise<unknown>;
  onStartEditing: (messageId: string) => void;
  onStopEditing: () => void;
  /** The reply's picture and narration, when the transcript offers scene media. */
  picture: SceneMedia | null;
  narration: SceneMedia | null;
  onStartMedia?: SceneMediaControls['start'];
  onMediaSettled?: SceneMediaControls['refresh'];
}

const isStored = (message: GameMessage) => !message.id.startsWith('pending-') && !message.id.startsWith('live-');

/**
 * One finished message of the transcript. Memoised: while a reply streams, or
 * the game turns busy and back, an unchanged message is not rendered again (the
 * controls that wait for the game read that from BusyContext), so its
 * props must keep their identity: handlers from useEventCallback or useCallback.
 */
export const TranscriptMessage = memo(function TranscriptMessage(props: TranscriptMessageProps) {
  const { message, isLast, editing, regenerating, continuing, onRegenerate, onContinue, onSwipe, onEdit, onStartEditing, onStopEditing } = props;
  const editor = onEdit && <MessageEditor message={message} onSave={(content, baseRevision) => onEdit(message.id, content, baseRevision)} onDone={onStopEditing} />;
  const editButton = (label: string) => onEdit && isStored(message) && <EditButton label={label} onEdit={() => onStartEditing(message.id)} />;

  if (message.role === 'player') {
    if (editing) return <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>{editor}</Box>;
    return (
      <PlayerMessage text={message.content} mode={message.mode} pending={message.id.startsWith('pending-')}>
        {message.mode !== 'continue' && editButton('Edit your turn')}
      </PlayerMessage>
    );
  }
  if (editing) return <Box>{editor}</Box>;
  const cutOff = message.status === 'completed' && message.finishReason === 'length';
  const swipe = message.swipe;
  const { picture, narration, onStartMedia, onMediaSettled } = props;
  return (
    <NarratorMessage text={message.content} status={message.status} finishReason={message.finishReason}>
      {message.status === 'failed' && <FailedReply generationId={message.generationId} reason={message.error} onRegenerate={isLast ? onRegenerate : undefined} regenerating={regenerating} />}
      {onStartMedia && onMediaSettled && message.content.trim() && message.status !== 'failed' && !message.id.startsWith('live-') && (
        <SceneMediaTools messageId={message.id} picture={picture} narration={narration} onStart={onStartMedia} onSettled={onMediaSettled} />
      )}
      {cutOff && isLast && <CutOffReply onContinue={onContinue} continuing={continuing} error={message.error} />}
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, mt: 0.5, flexWrap: 'wrap' }}>
        <UsedContext context={message.context} />
        <Stack direction="row" sx={{ alignItems: 'center', ml: 'auto' }}>
          {isLast && swipe && swipe.count > 1 && onSwipe && <SwipeArrows swipe={swipe} onChoose={onSwipe} onAnother={onRegenerate} />}
          {editButton('Edit the reply')}
        </Stack>
      </Stack>
    </NarratorMessage>
  );
});
