import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { type GameSession, hasOpening, type PlayerInputMode } from '@storyos/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useEventCallback } from '../../../lib/use-event-callback';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useGameEvents } from '../hooks/use-game-events';
import type { StreamStart } from '../../generation/use-generation-stream';
import { useGameReplyStream } from '../hooks/use-game-reply-stream';
import { useSceneMedia } from '../hooks/use-scene-media';
import { useStickToBottom } from '../hooks/use-stick-to-bottom';
import { playKeys, playQueries, useGameActions } from '../queries';
import { GameControls } from './game-controls';
import { ProviderChip } from './provider-chip';
import { ReconnectingBanner } from './reconnecting-banner';
import { StatePanel } from './state-panel';
import { Transcript } from './transcript';
import { StoryNotesDialog } from './story-notes-dialog';
import { TurnInput, type TurnDraft } from './turn-input';

/** When the stored generation cannot be read, the subscribe replay alone still brings the whole text. */
const FROM_THE_START: StreamStart = { text: '', lastSeq: 0 };

function BackButton() {
  return (
    <Tooltip title="All games">
      <IconButton component={RouterLink} to="/play" aria-label="Back to the Play menu" edge="start">
        <ArrowBackRounded />
      </IconButton>
    </Tooltip>
  );
}

/** While a finished reply waits for its world-state step, the session is read again now and then: the hand-over may come without a socket event (when the step could not start, the game is simply released). */
function useAwaitHandOver(sessionId: string, waiting: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: playKeys.session(sessionId) }), HAND_OVER_POLL_MS);
    return () => clearInterval(timer);
  }, [queryClient, sessionId, waiting]);
}
const HAND_OVER_POLL_MS = 1500;

/** The game's title and who the player is. Memoised, like the parts below: the page re-renders each streamed frame. */
const GameHeader = memo(function GameHeader({ title, scenarioName, playerName, playerRole }: { title: string; scenarioName: string; playerName: string; playerRole: string }) {
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, minWidth: 0 }}>
        <BackButton />
        <Box sx={{ minWidth: 0, flexGrow: 1 }}>
          <Typography variant="h5" component="h1" noWrap id="game-title">
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary" noWrap>
            {scenarioName} · you are {playerName}, {playerRole}
          </Typography>
        </Box>
      </Stack>
      <ReconnectingBanner />
    </>
  );
});

/** On phones the Play menu names the engine; there the row is kept for the controls. */
const GameProviderChip = memo(function GameProviderChip() {
  return (
    <Box sx={{ display: { xs: 'none', sm: 'block' }, minWidth: 0, maxWidth: '100%' }}>
      <ProviderChip />
    </Box>
  );
});

export function GamePage() {
  const { sessionId = '' } = useParams();
  const session = useQuery(playQueries.session(sessionId));
  useGameEvents(sessionId);

  if (session.isPending) {
    return (
      <Box role="status" aria-label="Loading the game">
        <Skeleton variant="text" width="40%" height={48} />
        <Skeleton variant="rounded" height={360} sx={{ mt: 2 }} />
      </Box>
    );
  }
  if (session.isError) {
    return (
      <Box>
        <BackButton />
        <ErrorAlert error={session.error} />
      </Box>
    );
  }
  return <Game session={session.data} />;
}

function Game({ session }: { session: GameSession }) {
  const activeId = session.activeGenerationId;
  const generation = useQuery(playQueries.generation(activeId));
  const start: StreamStart | undefined = generation.data
    ? { text: generation.data.text, lastSeq: generation.data.lastSeq, status: generation.data.status, error: generation.data.error }
    : generation.isError
      ? FROM_THE_START
      : undefined;
  const stream = useGameReplyStream(activeId, start, session.id);
  const actions = useGameActions(session.id);
  const sceneMedia = useSceneMedia(session.id);
  const [draft, setDraft] = useState<TurnDraft | null>(null);
  const [notesOpen, setNotesOpen] = useState(false);
  // Stop freezes the reply where the reader sees it, at once; the server keeps exactly that much.
  const [frozen, setFrozen] = useState<{ generationId: string; text: string } | null>(null);

  // The world-state step runs after a reply and writes no prose; it only keeps the player waiting.
  const isReply = generation.data
    ? generation.data.kind !== 'game.world-state'
    : session.messages.some((message) => message.generationId === activeId);
  const liveReplyId = activeId && isReply ? activeId : null;
  const frozenText = frozen && frozen.generationId === liveReplyId ? frozen.text : null;
  const replyStreaming = liveReplyId !== null && stream.phase !== 'ended' && frozenText === null;
  const liveContinues = generation.data?.kind === 'game.continue';
  const updatingWorld = activeId !== null && !isReply && generation.isSuccess;
  // A completed reply still holds the game until the world-state step takes over: no new input yet.
  const awaitingWorld = liveReplyId !== null && stream.phase === 'ended' && stream.status === 'completed';
  const running = activeId !== null && (stream.phase !== 'ended' || awaitingWorld);
  useAwaitHandOver(session.id, awaitingWorld);
  const pendingAction = actions.send.isPending || actions.regenerate.isPending || actions.undo.isPending || actions.continueReply.isPending || actions.swipe.isPending;
  // A failed opening must be written again before the story can go on (the API refuses turns until then).
  const opened = hasOpening(session.messages);
  const lastMessage = session.messages.at(-1);
  const canRegenerate = lastMessage?.role === 'narrator';
  const canUndo = session.messages.some((message) => message.role === 'player');
  const canContinue = opened && lastMessage?.role === 'narrator' && lastMessage.status !== 'failed';
  const actionError = actions.send.error ?? actions.regenerate.error ?? actions.undo.error ?? actions.stop.error ?? actions.continueReply.error ?? actions.swipe.error;

  const { ref, onScroll, atBottom, scrollToBottom } = useStickToBottom(`${session.messages.length}:${stream.text.length}`);

  const resetErrors = () => {
    actions.send.reset();
    actions.regenerate.reset();
    actions.undo.reset();
    actions.stop.reset();
    actions.continueReply.reset();
    actions.swipe.reset();
  };
  const onSend = async (content: string, mode: PlayerInputMode) => {
    resetErrors();
    scrollToBottom();
    try {
      await actions.send.mutateAsync({ content, mode });
      return true;
    } catch {
      return false;
    }
  };
  const onRegenerate = () => {
    resetErrors();
    scrollToBottom();
    actions.regenerate.mutate();
  };
  const onContinue = () => {
    resetErrors();
    scrollToBottom();
    actions.continueReply.mutate();
  };
  const onUndo = () => {
    resetErrors();
    // The undone action comes back to the input, to be changed and sent again.
    const undone = [...session.messages].reverse().find((message) => message.role === 'player');
    actions.undo.mutate(undefined, {
      onSuccess: () => {
        if (undone && undone.mode !== 'continue') setDraft({ text: undone.content, mode: undone.mode ?? 'do', nonce: Date.now() });
      },
    });
  };
  const onStop = () => {
    resetErrors();
    const shown = liveReplyId ? stream.text : null;
    if (liveReplyId && shown !== null) setFrozen({ generationId: liveReplyId, text: shown });
    actions.stop.mutate(shown === null ? undefined : shown.length);
  };
  const onSwipe = (index: number) => {
    resetErrors();
    actions.swipe.mutate(index);
  };
  const onEdit = (messageId: string, content: string, baseRevision: number) => actions.edit.mutateAsync({ messageId, content, baseRevision });
  // Fixed identities, so the transcript's finished messages, the controls and the action box skip the re-render each streamed frame brings.
  const handlers = {
    onSend: useEventCallback(onSend),
    onRegenerate: useEventCallback(onRegenerate),
    onContinue: useEventCallback(onContinue),
    onSwipe: useEventCallback(onSwipe),
    onEdit: useEventCallback(onEdit),
    onStop: useEventCallback(onStop),
    onUndo: useEventCallback(onUndo),
    onOpenNotes: useEventCallback(() => setNotesOpen(true)),
    onCloseNotes: useEventCallback(() => setNotesOpen(false)),
  };
  const inputDisabledReason = replyStreaming ? 'The narrator is writing' : running ? 'The world is being updated' : 'Regenerate the opening to begin the story';
  const turnInput = useMemo(
    () => <TurnInput onSend={handlers.onSend} disabled={running || !opened} draft={draft} disabledReason={inputDisabledReason} />,
    [handlers.onSend, running, opened, draft, inputDisabledReason],
  );

  const announcement = replyStreaming
    ? 'The narrator is writing.'
    : stream.phase === 'ended' && stream.status
      ? { completed: 'The reply is complete.', stopped: 'The reply was stopped.', failed: 'The reply failed.', queued: '', streaming: '' }[stream.status]
      : frozenText !== null
        ? 'The reply was stopped.'
        : '';

  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 320px' },
        height: { lg: 'calc(100dvh - 112px)' },
      }}
    >
      <Box
        component="section"
        aria-labelledby="game-title"
        sx={{
          display: 'flex',
          flexDirection: 'column',
          minHeight: 0,
          height: { xs: 'calc(100dvh - 88px)', sm: 'calc(100dvh - 112px)', lg: 'auto' },
          position: 'relative',
        }}
      >
        <GameHeader title={session.title} scenarioName={session.scenario.name} playerName={session.playerName} playerRole={session.playerRole} />
        <Box
          ref={ref}
          onScroll={onScroll}
          tabIndex={0}
          aria-label="Story transcript"
          role="region"
          sx={{
            flex: 1,
            minHeight: 0,
            overflowY: 'auto',
            // Contains the visually hidden labels (absolutely positioned), or they would stretch the page.
            position: 'relative',
            overscrollBehavior: 'contain',
            border: 1,
            borderColor: 'divider',
            borderRadius: 3,
            bgcolor: 'background.paper',
            px: { xs: 2, sm: 4 },
            py: 3,
          }}
        >
          <Transcript
            messages={session.messages}
            liveReplyId={liveReplyId}
            liveContinues={liveContinues}
            stream={stream}
            frozenText={frozenText}
            onRegenerate={handlers.onRegenerate}
            regenerating={actions.regenerate.isPending}
            onContinue={handlers.onContinue}
            continuing={actions.continueReply.isPending}
            busy={running || pendingAction}
            onSwipe={handlers.onSwipe}
            onEdit={handlers.onEdit}
            sceneMedia={sceneMedia}
          />
        </Box>
        <Box sx={{ pt: 1 }}>
          <ErrorAlert error={actionError} />
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
            <GameControls
              streaming={replyStreaming}
              busy={running || pendingAction}
              canRegenerate={canRegenerate}
              canUndo={canUndo}
              canContinue={canContinue}
              showJump={!atBottom}
              onStop={handlers.onStop}
              onRegenerate={handlers.onRegenerate}
              onUndo={handlers.onUndo}
              onContinue={handlers.onContinue}
              onJump={scrollToBottom}
              onNotes={handlers.onOpenNotes}
            />
            <GameProviderChip />
          </Stack>
          {turnInput}
        </Box>
        <Box role="status" sx={visuallyHidden}>
          {announcement}
        </Box>
      </Box>
      <StatePanel state={session.state} updating={updatingWorld} />
      <StoryNotesDialog open={notesOpen} onClose={handlers.onCloseNotes} session={session} />
    </Box>
  );
}
