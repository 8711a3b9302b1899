import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import CircularProgress from '@mui/material/CircularProgress';
import { isApiError } from '../../../lib/api-error';
import { chatQueries } from '../queries';
import { freshChats, newChatId } from '../fresh-chats';
import { ChatSession } from './chat-session';
import { HistorySidebar } from './history-sidebar';

const SIDEBAR_WIDTH = 260;

/** `/chat/:chatId`: the history beside the chat; `/chat` starts a new one. */
export function ChatPage() {
  const { chatId } = useParams();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [newId] = useState(newChatId);
  if (!chatId) return <Navigate to={`/chat/${newId}`} replace />;
  const fresh = freshChats.has(chatId);

  return (
    <Box sx={{ display: 'flex', mx: { xs: -2, sm: -3 }, my: { xs: -2, sm: -3 }, height: { xs: 'calc(100dvh - 56px)', sm: 'calc(100dvh - 64px)' }, minHeight: 0 }}>
      <Box sx={{ width: SIDEBAR_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', display: { xs: 'none', md: 'block' } }}>
        <HistorySidebar activeId={chatId} />
      </Box>
      <Drawer open={historyOpen} onClose={() => setHistoryOpen(false)} sx={{ display: { md: 'none' }, '& .MuiDrawer-paper': { width: SIDEBAR_WIDTH } }}>
        <HistorySidebar activeId={chatId} onNavigate={() => setHistoryOpen(false)} />
      </Drawer>
      {fresh ? <ChatSession key={chatId} id={chatId} detail={null} onOpenHistory={() => setHistoryOpen(true)} /> : <StoredChat key={chatId} id={chatId} onOpenHistory={() => setHistoryOpen(true)} />}
    </Box>
  );
}

/** A chat from the history or a shared link, loaded before it is shown. */
function StoredChat({ id, onOpenHistory }: { id: string; onOpenHistory: () => void }) {
  const navigate = useNavigate();
  const detail = useQuery(chatQueries.detail(id));
  if (detail.isPending) {
    return (
      <Box role="status" sx={{ flex: 1, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label="Loading the chat" />
      </Box>
    );
  }
  if (detail.isError) {
    const missing = isApiError(detail.error) && detail.error.code === 'NOT_FOUND';
    return (
      <Stack spacing={2} sx={{ flex: 1, p: 3, alignItems: 'flex-start' }}>
        {missing ? (
          <>
            <Typography variant="h5" component="h1">
              This chat is not here
            </Typography>
            <Typography color="text.secondary">It was deleted, or it is private to someone else.</Typography>
          </>
        ) : (
          <ErrorAlert error={detail.error} />
        )}
        <Button variant="contained" onClick={() => navigate(`/chat/${newChatId()}`)}>
          Start a new chat
        </Button>
      </Stack>
    );
  }
  return <ChatSession id={id} detail={detail.data} onOpenHistory={onOpenHistory} />;
}
