import AddOutlined from '@mui/icons-material/AddOutlined';
import CollectionsBookmarkOutlined from '@mui/icons-material/CollectionsBookmarkOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { createApi } from '../api';
import { createKeys } from '../keys';
import { historyQuery } from '../queries';
import { ConversationHistory } from './conversation-history';

/** Create's front page (`/create`): start a conversation with the storyteller, or pick up one of my last five. */
export function CreatePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const history = useQuery(historyQuery());
  const start = useMutation({
    mutationFn: () => createApi.startConversation(),
    onSuccess: (conversation) => {
      queryClient.setQueryData(createKeys.conversation(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: createKeys.conversations });
      void navigate(`/create/c/${conversation.id}`);
    },
  });

  return (
    <>
      <PageHeader
        title="Tell me a story"
        description="Tell the storyteller what story you would like — who it is for, who is in it, what happens — and get it back with a picture and a narration for every page."
        action={
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
            <Button component={RouterLink} to="/create/library" startIcon={<CollectionsBookmarkOutlined />}>
              My stories
            </Button>
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => start.mutate()} disabled={start.isPending}>
              {start.isPending ? 'Starting…' : 'Start a new story'}
            </Button>
          </Stack>
        }
      />
      <ErrorAlert error={start.error} />
      <Paper component="section" aria-labelledby="history-heading" variant="outlined" sx={{ p: 2 }}>
        <Typography id="history-heading" variant="h6" component="h2" gutterBottom>
          My last conversations
        </Typography>
        {history.isPending && <CircularProgress aria-label="Loading your conversations" />}
        <ErrorAlert error={history.error} />
        {history.data?.items.length === 0 && <Alert severity="info">No conversations yet. Start one to tell the storyteller your idea.</Alert>}
        {history.data && history.data.items.length > 0 && <ConversationHistory conversations={history.data.items} />}
      </Paper>
    </>
  );
}
