import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isTerminalStatus } from '@storyos/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { createApi } from '../api';
import { useConversationEvents } from '../hooks/use-conversation-events';
import { createKeys } from '../keys';
import { conversationQuery } from '../queries';
import { ConversationMessageItem } from './agent-message';
import { MessageComposer } from './message-composer';
import { RequirementsPanel } from './requirements-panel';

/** A conversation with the storyteller (`/create/c/:conversationId`), the requirements filling in beside it. */
export function ConversationPage() {
  const { conversationId = '' } = useParams();
  const queryClient = useQueryClient();
  useConversationEvents();
  const conversation = useQuery(conversationQuery(conversationId));
  const send = useMutation({
    mutationFn: (text: string) => createApi.send(conversationId, text),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: createKeys.conversation(conversationId) }),
  });

  // The newest message in view: the list scrolls to its end as messages arrive.
  const listRef = useRef<HTMLOListElement | null>(null);
  const messageCount = conversation.data?.messages.length ?? 0;
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messageCount]);

  if (conversation.isPending) return <CircularProgress aria-label="Opening the conversation" />;
  if (!conversation.data) return <ErrorAlert error={conversation.error} />;
  const data = conversation.data;
  const replying = data.messages.some((message) => message.role === 'agent' && !isTerminalStatus(message.status));

  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
        <Typography variant="h4" component="h1">
          {data.title}
        </Typography>
        <Button component={RouterLink} to="/create">
          All conversations
        </Button>
      </Stack>
      {data.storyIds.length > 0 && (
        <Alert severity="success" sx={{ mb: 2 }} action={<Button component={RouterLink} to={`/create/stories/${data.storyIds[0]}`}>Open</Button>}>
          A story was made from this conversation.
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'start' }}>
        <Paper component="section" aria-label="Conversation with the storyteller" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Stack ref={listRef} component="ol" spacing={1.5} aria-live="polite" sx={{ p: 0, m: 0, maxHeight: { md: '60vh' }, overflowY: 'auto' }} tabIndex={0} aria-label="Messages">
            {data.messages.map((message) => (
              <ConversationMessageItem key={message.id} conversationId={data.id} message={message} />
            ))}
          </Stack>
          <ErrorAlert error={send.error} />
          <MessageComposer onSend={(text) => send.mutateAsync(text)} disabled={replying} />
        </Paper>
        <RequirementsPanel conversation={data} />
      </Box>
    </>
  );
}
