import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { type ConversationMessage, isTerminalStatus } from '@storyos/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ListenButton } from '../../../components/media/listen-button';
import type { MediaJob } from '../../../lib/media/media-job';
import { useGenerationStream } from '../../generation/use-generation-stream';
import { createApi } from '../api';
import { createKeys } from '../keys';

const FROM_START = { text: '', lastSeq: 0 };

/** The agent's words, streamed while it writes them; a finished reply is read from the transcript. */
function ReplyText({ conversationId, message }: { conversationId: string; message: ConversationMessage }) {
  const queryClient = useQueryClient();
  const open = message.generationId !== null && !isTerminalStatus(message.status);
  const stream = useGenerationStream(open ? message.generationId : null, open ? FROM_START : undefined, () => {
    void queryClient.invalidateQueries({ queryKey: createKeys.conversation(conversationId) });
  });
  const text = open ? stream.text : message.text;
  if (open && !text) return <Typography color="text.secondary">{stream.notice ?? 'Thinking…'}</Typography>;
  if (message.status === 'failed' && !text) return <Typography color="error">The storyteller could not answer. Please say it again.</Typography>;
  return <Typography sx={{ whiteSpace: 'pre-wrap' }}>{text}</Typography>;
}

/** "Listen" to one of the storyteller's replies: a narration step, played piece by piece as it is made. */
function ListenToReply({ conversationId, messageId }: { conversationId: string; messageId: string }) {
  const [job, setJob] = useState<MediaJob | null>(null);
  const start = async (): Promise<MediaJob> => {
    const { generationId } = await createApi.narrate(conversationId, messageId);
    const started: MediaJob = { generationId, status: 'queued', parts: [], error: null };
    setJob(started);
    return started;
  };
  return <ListenButton job={job} onStart={start} what="this reply" />;
}

/** One message of the conversation: the user's on the right, the storyteller's on the left. */
export function ConversationMessageItem({ conversationId, message }: { conversationId: string; message: ConversationMessage }) {
  const mine = message.role === 'user';
  return (
    <Box component="li" sx={{ listStyle: 'none', display: 'flex', justifyContent: mine ? 'flex-end' : 'flex-start' }}>
      <Paper
        component="article"
        aria-label={mine ? 'You said' : 'The storyteller said'}
        variant="outlined"
        sx={{ p: 1.5, maxWidth: '85%', bgcolor: mine ? 'primary.main' : 'background.paper', color: mine ? 'primary.contrastText' : 'text.primary', borderRadius: 3 }}
      >
        {mine ? <Typography sx={{ whiteSpace: 'pre-wrap' }}>{message.text}</Typography> : <ReplyText conversationId={conversationId} message={message} />}
        {!mine && message.status === 'completed' && message.text && <ListenToReply conversationId={conversationId} messageId={message.id} />}
      </Paper>
    </Box>
  );
}
