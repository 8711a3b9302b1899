import AddRounded from '@mui/icons-material/AddRounded';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
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
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PagePagination, pageCount } from '../../../components/page-pagination';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { useDeleteFromPage } from '../../../lib/use-delete-from-page';
import { SUMMARY_PHASE_LABELS, words } from '../labels';
import { storyQueries, useDeleteStoryMutation, useDuplicateStoryMutation } from '../queries';

const PAGE_SIZE = 10;

/** `/write`: the writer's stories, most recently worked on first. */
export function WritePage() {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const stories = useQuery(storyQueries.list(page, PAGE_SIZE));
  const remove = useDeleteStoryMutation();
  const duplicate = useDuplicateStoryMutation();
  const data = stories.data;
  const { deleting, askToDelete, dialogProps } = useDeleteFromPage({ remove, data, page, setPage });

  return (
    <Box>
      <PageHeader
        title="My stories"
        action={
          <Button component={RouterLink} to="/write/new" variant="contained" startIcon={<AddRounded />}>
            New story
          </Button>
        }
        description="From a setup to a premise, an outline and a whole story, with an AI co-writer. Everything is saved as you go."
      />
      <ErrorAlert error={stories.error ?? duplicate.error} />
      {stories.isPending && <Skeleton variant="rounded" height={200} role="status" aria-label="Loading your stories" />}
      {data && data.items.length === 0 && (
        <Paper variant="outlined" sx={{ p: 3, borderRadius: 3, textAlign: 'center' }}>
          <Typography sx={{ mb: 2 }}>No stories yet. Start one: pick a persona, a setting and characters.</Typography>
          <Button component={RouterLink} to="/write/new" variant="outlined" startIcon={<AddRounded />}>
            Write your first story
          </Button>
        </Paper>
      )}
      {data && data.items.length > 0 && (
        <Paper variant="outlined" sx={{ borderRadius: 3, opacity: stories.isPlaceholderData ? 0.6 : 1 }}>
          <List aria-label="My stories" disablePadding>
            {data.items.map((story, index) => (
              <ListItem
                key={story.id}
                divider={index < data.items.length - 1}
                disablePadding
                secondaryAction={
                  <Stack direction="row" spacing={0.5}>
                    <Tooltip title="Duplicate">
                      <span>
                        <IconButton
                          aria-label={`Duplicate ${story.title}`}
                          disabled={duplicate.isPending}
                          onClick={() => duplicate.mutate(story.id, { onSuccess: (copy) => navigate(`/write/${copy.id}/setup`) })}
                        >
                          <ContentCopyRounded />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title="Delete">
                      <IconButton aria-label={`Delete ${story.title}`} onClick={() => askToDelete(story)} edge="end">
                        <DeleteOutlineRounded />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                }
                sx={{ '& .MuiListItemButton-root': { pr: 13 } }}
              >
                <ListItemButton component={RouterLink} to={`/write/${story.id}`}>
                  <ListItemText
                    primary={story.title}
                    secondary={
                      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5, mt: 0.5 }}>
                        <Chip component="span" size="small" label={SUMMARY_PHASE_LABELS[story.phase]} />
                        <span>{story.persona}</span>
                        <span aria-hidden>·</span>
                        <span>{words(story.wordCount)}</span>
                        <span aria-hidden>·</span>
                        <span>updated {formatRelativeTime(story.updatedAt)}</span>
                      </Box>
                    }
                    slotProps={{ primary: { noWrap: true, sx: { fontWeight: 600 } }, secondary: { component: 'span' } }}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      <PagePagination count={pageCount(data)} page={page} onChange={setPage} />
      <ConfirmDialog
        title="Delete this story?"
        {...dialogProps}
      >
        “{deleting?.title}”, with its premise, outline, text and every version, will be deleted. This cannot be undone.
      </ConfirmDialog>
    </Box>
  );
}
