import { useChat } from '@ai-sdk/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { ChatDetail, ChatVisibility, MediaAsset } from '@storyos/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useEventCallback } from '../../../lib/use-event-callback';
import { UpgradeDialog } from '../../auth/components/upgrade-dialog';
import { useSession } from '../../auth/hooks/use-session';
import { chatApi } from '../api';
import { useArtifactStream } from '../hooks/use-artifact-stream';
import { useAttachments } from '../hooks/use-attachments';
import { chatKeys, chatQueries, useVisibilityMutation, useVoteMutation } from '../queries';
import { createChatTransport, type ChatChoices, type ChatUIMessage } from '../transport';
import { ArtifactPanel } from './artifact-panel';
import { ChatToolbar } from './chat-toolbar';
import { Composer } from './composer';
import { MessageList } from './message-list';

const MODEL_KEY = 'storyos.chat.model';
const STARTERS = ['Write a short story about a lighthouse keeper who befriends a whale', 'Write a poem about the first snow', 'What makes a good villain?'];

/** The messages to start from: a reply still being written is left out, because resuming its stream rebuilds it from the start. */
function initialMessagesOf(detail: ChatDetail | null): ChatUIMessage[] {
  if (!detail) return [];
  const messages = detail.messages as unknown as ChatUIMessage[];
  const last = messages.at(-1);
  return detail.chat.isReplying && last?.role === 'assistant' && last.metadata?.status === 'streaming' ? messages.slice(0, -1) : messages;
}

interface ChatSessionProps {
  id: string;
  /** Null for a chat not sent yet. */
  detail: ChatDetail | null;
  onOpenHistory: () => void;
}

/** One chat: its messages streamed through the AI SDK's useChat, the composer, and the document beside it. */
export function ChatSession({ id, detail, onOpenHistory }: ChatSessionProps) {
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('md'));
  const queryClient = useQueryClient();
  const { isGuest } = useSession();
  const canWrite = detail ? detail.chat.isOwner : true;
  const models = useQuery(chatQueries.models());
  const allowance = useQuery({ ...chatQueries.allowance(), enabled: canWrite });
  const defaultModel = models.data?.items.find((option) => option.isDefault)?.id ?? 'builtin';
  const [chosenModel, setChosenModel] = useState<string | null>(detail?.chat.model ?? localStorage.getItem(MODEL_KEY));
  const model = chosenModel && models.data?.items.some((option) => option.id === chosenModel) ? chosenModel : defaultModel;
  const [visibility, setVisibility] = useState<ChatVisibility>(detail?.chat.visibility ?? 'private');
  const [sent, setSent] = useState(detail !== null);
  const [openDocument, setOpenDocument] = useState<string | null>(null);
  const [upgrading, setUpgrading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const attachments = useAttachments();
  const visibilityMutation = useVisibilityMutation(id);
  const vote = useVoteMutation(id);

  const choices: ChatChoices = { selectedChatModel: model, selectedVisibilityType: visibility };
  const transport = useMemo(() => createChatTransport(), []);

  const refreshDocument = useCallback((documentId: string) => void queryClient.invalidateQueries({ queryKey: chatKeys.document(documentId) }), [queryClient]);
  const refreshSuggestions = useCallback((documentId: string) => void queryClient.invalidateQueries({ queryKey: chatKeys.suggestions(documentId) }), [queryClient]);
  const artifact = useArtifactStream(refreshDocument, refreshSuggestions);

  const chat = useChat<ChatUIMessage>({
    id,
    messages: useMemo(() => initialMessagesOf(detail), [detail]),
    transport,
    resume: detail?.chat.isReplying ?? false,
    experimental_throttle: 50,
    generateId: () => crypto.randomUUID(),
    onData: (part) => {
      artifact.onData(part);
      if (part.type === 'data-id') setOpenDocument(String(part.data));
    },
    onFinish: () => {
      void queryClient.invalidateQueries({ queryKey: chatKeys.history() });
      void queryClient.invalidateQueries({ queryKey: chatKeys.allowance() });
      void queryClient.invalidateQueries({ queryKey: chatKeys.votes(id) });
    },
    onError: (error) => {
      // A refused message (the daily limit, say) was never stored: take it back out of the list.
      if (isApiError(error)) chat.setMessages((messages) => (messages.at(-1)?.role === 'user' ? messages.slice(0, -1) : messages));
    },
  });
  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  const votes = useQuery({ ...chatQueries.votes(id), enabled: canWrite && sent });
  const voteMap = useMemo(() => new Map((votes.data ?? []).map((item) => [item.messageId, item.isUpvoted])), [votes.data]);

  // Fixed identities, so the memoised messages and the composer skip the re-render each streamed update brings.
  const send = useEventCallback((text: string, files: MediaAsset[]): boolean => {
    void chat.sendMessage({ text, files: files.map((file) => ({ type: 'file' as const, mediaType: file.contentType, url: file.url, filename: file.pathname ?? undefined })) }, { body: choices });
    attachments.clear();
    setSent(true);
    return true;
  });
  const stop = useEventCallback(() => {
    chatApi.stop(id).catch(() => chat.stop());
  });
  const onVote = useEventCallback((messageId: string, type: 'up' | 'down') => vote.mutate({ messageId, type }));
  const onRegenerate = useEventCallback(() => void chat.regenerate({ body: choices }));
  const onEdit = useEventCallback((messageId: string, text: string) => void chat.sendMessage({ text, messageId }, { body: choices }));
  const remaining = allowance.data?.limit != null ? allowance.data.remaining : null;
  const limit = allowance.data?.limit ?? null;
  const composerFooter = useMemo(
    () =>
      limit !== null && (
        <Typography variant="caption" color="text.secondary" sx={{ px: 1 }}>
          {remaining} of {limit} messages left today
        </Typography>
      ),
    [remaining, limit],
  );

  const changeVisibility = (next: ChatVisibility) => {
    setVisibility(next);
    if (sent) visibilityMutation.mutate(next);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (canWrite && event.dataTransfer.files.length) attachments.add(event.dataTransfer.files);
  };

  const quota = isApiError(chat.error) && chat.error.code === 'QUOTA_EXCEEDED';
  const title = detail?.chat.title ?? 'New chat';
  const shareUrl = visibility === 'public' && sent ? `${window.location.origin}/chat/${id}` : null;
  const streamedHere = artifact.streamed && artifact.streamed.id === openDocument ? artifact.streamed : null;
  const panel = openDocument && <ArtifactPanel documentId={openDocument} streamed={streamedHere} canWrite={canWrite} onClose={() => setOpenDocument(null)} />;

  return (
    <Box sx={{ display: 'flex', flex: 1, minWidth: 0, minHeight: 0 }}>
      <Box
        sx={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, minHeight: 0, position: 'relative' }}
        onDragOver={(event) => (event.preventDefault(), canWrite && setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <ChatToolbar
          title={title}
          models={models.data?.items ?? []}
          model={model}
          onModel={(next) => (setChosenModel(next), localStorage.setItem(MODEL_KEY, next))}
          visibility={visibility}
          onVisibility={changeVisibility}
          canWrite={canWrite}
          shareUrl={canWrite ? shareUrl : null}
          onOpenHistory={onOpenHistory}
        />
        {!canWrite && (
          <Alert severity="info" sx={{ m: 1 }}>
            This chat was shared with you. You can read it, but not write in it.
          </Alert>
        )}
        <MessageList
          messages={chat.messages}
          canWrite={canWrite}
          busy={busy}
          thinking={chat.status === 'submitted'}
          votes={voteMap}
          onVote={onVote}
          onRegenerate={onRegenerate}
          onEdit={onEdit}
          onOpenDocument={setOpenDocument}
          empty={
            <Stack spacing={2} sx={{ maxWidth: 560, mx: 'auto', mt: { xs: 4, md: 10 }, textAlign: 'center' }}>
              <Typography variant="h5" component="p">
                What shall we write?
              </Typography>
              <Typography color="text.secondary">Ask for a story, a poem or a scene and it is written beside the chat, where you can edit it, compare versions and ask for suggestions.</Typography>
              {canWrite && (
                <Stack direction="row" spacing={1} sx={{ justifyContent: 'center', flexWrap: 'wrap', rowGap: 1 }}>
                  {STARTERS.map((starter) => (
                    <Chip key={starter} label={starter} onClick={() => send(starter, [])} variant="outlined" />
                  ))}
                </Stack>
              )}
            </Stack>
          }
        />
        <Box sx={{ px: { xs: 1, sm: 2 }, pb: 1 }}>
          {quota ? (
            <Alert severity="warning" role="alert" sx={{ mb: 1, maxWidth: 820, mx: 'auto' }} action={isGuest ? <Button color="inherit" size="small" onClick={() => setUpgrading(true)}>Create an account</Button> : undefined}>
              {chat.error?.message}
            </Alert>
          ) : (
            <Box sx={{ maxWidth: 820, mx: 'auto' }}>
              <ErrorAlert error={chat.error ?? visibilityMutation.error} />
            </Box>
          )}
          {canWrite && (
            <Composer
              attachments={attachments.attachments}
              uploading={attachments.uploading}
              ready={attachments.ready}
              onAddFiles={attachments.add}
              onRemove={attachments.remove}
              onSend={send}
              onStop={stop}
              streaming={busy}
              disabled={false}
              footer={composerFooter}
            />
          )}
        </Box>
        {dragging && (
          <Box aria-hidden sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', bgcolor: 'action.hover', border: 2, borderStyle: 'dashed', borderColor: 'primary.main', pointerEvents: 'none' }}>
            <Typography variant="h6">Drop pictures to attach them</Typography>
          </Box>
        )}
      </Box>
      {panel && !phone && <Box sx={{ width: '45%', minWidth: 320, borderLeft: 1, borderColor: 'divider', minHeight: 0 }}>{panel}</Box>}
      {panel && phone && (
        <Dialog open fullScreen onClose={() => setOpenDocument(null)} slotProps={{ paper: { 'aria-label': 'Document' } }}>
          {panel}
        </Dialog>
      )}
      <UpgradeDialog open={upgrading} onClose={() => setUpgrading(false)} />
    </Box>
  );
}
