import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { GameSessionSummary } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PagePagination, pageCount } from '../../../components/page-pagination';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { useDeleteFromPage } from '../../../lib/use-delete-from-page';
import { playQueries, useDeleteSessionMutation } from '../queries';
import { RenameSessionDialog } from './rename-session-dialog';

const PAGE_SIZE = 8;

function turns(count: number): string {
  return count === 1 ? '1 turn' : `${count.toLocaleString('en-US')} turns`;
}

/** The player's saved games, most recent first, with rename and delete. */
export function ContinueSection() {
  const [page, setPage] = useState(1);
  const [renaming, setRenaming] = useState<GameSessionSummary | null>(null);
  const sessions = useQuery(playQueries.sessionList(page, PAGE_SIZE));
  const remove = useDeleteSessionMutation();
  const data = sessions.data;
  const { deleting, askToDelete, dialogProps } = useDeleteFromPage({ remove, data, page, setPage });

  return (
    <Box component="section" aria-labelledby="continue-heading">
      <Typography variant="h5" component="h2" id="continue-heading" sx={{ mb: 2 }}>
        Continue
      </Typography>
      <ErrorAlert error={sessions.error} />
      {sessions.isPending && <Skeleton variant="rounded" height={160} role="status" aria-label="Loading your games" />}
      {data && data.items.length === 0 && (
        <Typography color="text.secondary">No saved games yet. Start one from a scenario.</Typography>
      )}
      {data && data.items.length > 0 && (
        <Paper variant="outlined" sx={{ borderRadius: 3, opacity: sessions.isPlaceholderData ? 0.6 : 1 }}>
          <List aria-label="Saved games" disablePadding>
            {data.items.map((session, index) => (
              <ListItem
                key={session.id}
                divider={index < data.items.length - 1}
                disablePadding
                secondaryAction={
                  <Stack direction="row" spacing={0.5}>
                    <Tooltip title="Rename">
                      <IconButton aria-label={`Rename ${session.title}`} onClick={() => setRenaming(session)}>
                        <EditOutlined />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title="Delete">
                      <IconButton aria-label={`Delete ${session.title}`} onClick={() => askToDelete(session)} edge="end">
                        <DeleteOutlineRounded />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                }
                sx={{ '& .MuiListItemButton-root': { pr: 13 } }}
              >
                <ListItemButton component={RouterLink} to={`/play/${session.id}`}>
                  <ListItemText
                    primary={session.title}
                    secondary={`${session.scenario.name} · ${formatRelativeTime(session.lastPlayedAt)} · ${turns(session.turnCount)}`}
                    slotProps={{ primary: { noWrap: true, sx: { fontWeight: 600 } }, secondary: { noWrap: false } }}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      <PagePagination count={pageCount(data)} page={page} onChange={setPage} />
      {renaming && <RenameSessionDialog key={renaming.id} session={renaming} onClose={() => setRenaming(null)} />}
      <ConfirmDialog
        title="Delete this game?"
        {...dialogProps}
      >
        “{deleting?.title}” and its whole story will be deleted. This cannot be undone.
      </ConfirmDialog>
    </Box>
  );
}
