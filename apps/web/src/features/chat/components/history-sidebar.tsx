import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import PublicOutlined from '@mui/icons-material/PublicOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ChatSummary } from '@storyos/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { groupChatsByDate } from '../history-groups';
import { chatQueries, useDeleteAllChatsMutation, useDeleteChatMutation } from '../queries';
import { newChatId } from '../fresh-chats';

/** My chats grouped by date, loading older ones as the list is scrolled; new chat, delete one, delete all. */
export function HistorySidebar({ activeId, onNavigate }: { activeId: string; onNavigate?: () => void }) {
  const navigate = useNavigate();
  const history = useInfiniteQuery(chatQueries.history());
  const chats = useMemo(() => history.data?.pages.flatMap((page) => page.chats) ?? [], [history.data]);
  const groups = useMemo(() => groupChatsByDate(chats, new Date()), [chats]);
  const [deleting, setDeleting] = useState<ChatSummary | null>(null);
  const [deletingAll, setDeletingAll] = useState(false);
  const deleteOne = useDeleteChatMutation();
  const deleteAll = useDeleteAllChatsMutation();
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const newChat = () => {
    onNavigate?.();
    navigate(`/chat/${newChatId()}`);
  };

  const confirmDelete = () => {
    if (!deleting) return;
    deleteOne.mutate(deleting.id, {
      onSuccess: () => {
        setDeleting(null);
        if (deleting.id === activeId) newChat();
      },
    });
  };

  return (
    <Stack component="nav" aria-label="Chat history" sx={{ height: '100%', minHeight: 0 }}>
      <Box sx={{ p: 1 }}>
        <Button fullWidth variant="outlined" startIcon={<AddOutlined />} onClick={newChat}>
          New chat
        </Button>
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        <ErrorAlert error={history.error} />
        {history.isPending && <CircularProgress size={20} sx={{ m: 2 }} aria-label="Loading your chats" />}
        {history.isSuccess && chats.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            Your chats will appear here.
          </Typography>
        )}
        {groups.map((group) => (
          <List key={group.name} dense subheader={<ListSubheader sx={{ lineHeight: 2.5 }}>{group.name}</ListSubheader>}>
            {group.chats.map((chat) => (
              <ListItem
                key={chat.id}
                disablePadding
                secondaryAction={
                  <IconButton edge="end" size="small" aria-label={`Delete “${chat.title}”`} onClick={() => setDeleting(chat)}>
                    <DeleteOutlineOutlined fontSize="small" />
                  </IconButton>
                }
              >
                <ListItemButton component={RouterLink} to={`/chat/${chat.id}`} selected={chat.id === activeId} onClick={onNavigate}>
                  <ListItemText primary={chat.title} slotProps={{ primary: { noWrap: true } }} />
                  {chat.visibility === 'public' && <PublicOutlined fontSize="inherit" color="action" aria-label="Public" sx={{ ml: 0.5 }} />}
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        ))}
        <Box ref={sentinel} sx={{ height: 8 }} />
        {isFetchingNextPage && <CircularProgress size={20} sx={{ m: 2 }} aria-label="Loading older chats" />}
      </Box>
      {chats.length > 0 && (
        <Box sx={{ p: 1 }}>
          <Button fullWidth size="small" color="error" onClick={() => setDeletingAll(true)}>
            Delete all chats
          </Button>
        </Box>
      )}
      <ConfirmDialog open={deleting !== null} title="Delete this chat?" confirmLabel="Delete" busy={deleteOne.isPending} error={deleteOne.error} onConfirm={confirmDelete} onClose={() => (setDeleting(null), deleteOne.reset())}>
        “{deleting?.title}” will be deleted with its messages and documents. This cannot be undone.
      </ConfirmDialog>
      <ConfirmDialog
        open={deletingAll}
        title="Delete all your chats?"
        confirmLabel="Delete all"
        busy={deleteAll.isPending}
        error={deleteAll.error}
        onConfirm={() => deleteAll.mutate(undefined, { onSuccess: () => (setDeletingAll(false), newChat()) })}
        onClose={() => (setDeletingAll(false), deleteAll.reset())}
      >
        Every chat, with its messages and documents, will be deleted. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}
