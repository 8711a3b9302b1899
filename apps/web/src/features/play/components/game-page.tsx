import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import KeyboardDoubleArrowDownRounded from '@mui/icons-material/KeyboardDoubleArrowDownRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { type GameSession, hasOpening } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useGameEvents } from '../hooks/use-game-events';
import type { StreamStart } from '../../generation/use-generation-stream';
import { useGameReplyStream } from '../hooks/use-game-reply-stream';
import { useStickToBottom } from '../hooks/use-stick-to-bottom';
import { playQueries, useGameActions } from '../queries';
import { GameControls } from './game-controls';
import { ProviderChip } from './provider-chip';
import { ReconnectingBanner } from './reconnecting-banner';
import { StatePanel } from './state-panel';
import { Transcript } from './transcript';
import { TurnInput } from './turn-input';

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

  // The world-state step runs after a reply and writes no prose; it only keeps the player waiting.
  const isReply = generation.data
    ? generation.data.kind !== 'game.world-state'
    : session.messages.some((message) => message.generationId === activeId);
  const liveReplyId = activeId && isReply ? activeId : null;
  const replyStreaming = liveReplyId !== null && stream.phase !== 'ended';
  const liveContinues = generation.data?.kind === 'game.continue';
  const updatingWorld = activeId !== null && !isReply && generation.isSuccess;
  const running = activeId !== null && stream.phase !== 'ended';
  const pendingAction = actions.send.isPending || actions.regenerate.isPending || actions.undo.isPending || actions.continueReply.isPending;
  // A failed opening must be written again before the story can go on (the API refuses turns until then).
  const opened = hasOpening(session.messages);
  const lastMessage = session.messages.at(-1);
  const canRegenerate = lastMessage?.role === 'narrator';
  const canUndo = session.messages.some((message) => message.role === 'player');
  const actionError = actions.send.error ?? actions.regenerate.error ?? actions.undo.error ?? actions.stop.error ?? actions.continueReply.error;

  const { ref, onScroll, atBottom, scrollToBottom } = useStickToBottom(`${session.messages.length}:${stream.text.length}`);

  const resetErrors = () => {
    actions.send.reset();
    actions.regenerate.reset();
    actions.undo.reset();
    actions.stop.reset();
    actions.continueReply.reset();
  };
  const onSend = async (content: string) => {
    resetErrors();
    scrollToBottom();
    try {
      await actions.send.mutateAsync(content);
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
    actions.undo.mutate();
  };
  const onStop = () => {
    resetErrors();
    actions.stop.mutate();
  };

  const announcement = replyStreaming
    ? 'The narrator is writing.'
    : stream.phase === 'ended' && stream.status
      ? { completed: 'The reply is complete.', stopped: 'The reply was stopped.', failed: 'The reply failed.', queued: '', streaming: '' }[stream.status]
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
        aria-label="Game"
        sx={{
          display: 'flex',
          flexDirection: 'column',
          minHeight: 0,
          height: { xs: 'calc(100dvh - 88px)', sm: 'calc(100dvh - 112px)', lg: 'auto' },
          position: 'relative',
        }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, minWidth: 0 }}>
          <BackButton />
          <Box sx={{ minWidth: 0, flexGrow: 1 }}>
            <Typography variant="h5" component="h1" noWrap>
              {session.title}
            </Typography>
            <Typography variant="body2" color="text.secondary" noWrap>
              {session.scenario.name} · you are {session.playerName}, {session.playerRole}
            </Typography>
          </Box>
        </Stack>
        <ReconnectingBanner />
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
            onRegenerate={onRegenerate}
            regenerating={actions.regenerate.isPending}
            onContinue={onContinue}
            continuing={actions.continueReply.isPending}
            busy={running || pendingAction}
          />
        </Box>
        {!atBottom && (
          <Button
            size="small"
            variant="contained"
            onClick={scrollToBottom}
            startIcon={<KeyboardDoubleArrowDownRounded />}
            sx={{ position: 'absolute', left: '50%', transform: 'translateX(-50%)', bottom: 150, boxShadow: 3 }}
          >
            Jump to the latest
          </Button>
        )}
        <Box sx={{ pt: 1 }}>
          <ErrorAlert error={actionError} />
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
            <GameControls
              streaming={replyStreaming}
              busy={running || pendingAction}
              canRegenerate={canRegenerate}
              canUndo={canUndo}
              onStop={onStop}
              onRegenerate={onRegenerate}
              onUndo={onUndo}
            />
            {/* On phones the Play menu names the engine; here the row is kept for the controls. */}
            <Box sx={{ display: { xs: 'none', sm: 'block' }, minWidth: 0, maxWidth: '100%' }}>
              <ProviderChip />
            </Box>
          </Stack>
          <TurnInput
            onSend={onSend}
            disabled={running || !opened}
            disabledReason={replyStreaming ? 'The narrator is writing' : running ? 'The world is being updated' : 'Regenerate the opening to begin the story'}
          />
        </Box>
        <Box role="status" sx={visuallyHidden}>
          {announcement}
        </Box>
      </Box>
      <StatePanel state={session.state} updating={updatingWorld} />
    </Box>
  );
}
