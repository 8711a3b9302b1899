import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { useIllustratedStoryEvents } from '../hooks/use-illustrated-story-events';
import { useShelf } from '../offline/use-shelf';
import { isStoryInProgress, storyListQuery } from '../queries';
import { StoryCard } from './story-card';
import { StoryGrid } from './story-grid';

/** My illustrated stories with their covers (`/create/library`). */
export function LibraryPage() {
  useIllustratedStoryEvents();
  const list = useQuery(storyListQuery());
  const kept = new Set(useShelf().filter((entry) => entry.kept).map((entry) => entry.storyId));

  return (
    <>
      <PageHeader
        title="My stories"
        description="Your illustrated stories. Open one to read it page by page, or let it read itself to you. Stories you keep offline open with no network."
        action={
          <Button component={RouterLink} to="/create" variant="contained" startIcon={<AddOutlined />}>
            Tell me a story
          </Button>
        }
      />
      {list.isPending && <CircularProgress aria-label="Loading your stories" />}
      <ErrorAlert error={list.error} />
      {list.data?.items.length === 0 && <Alert severity="info">No stories yet. Tell the storyteller what you would like to hear.</Alert>}
      {list.data && list.data.items.length > 0 && (
        <StoryGrid label="My stories">
          {list.data.items.map((story) => (
            <StoryCard
              key={story.storyId}
              title={story.title}
              coverUrl={story.coverUrl}
              to={isStoryInProgress(story) ? `/create/stories/${story.storyId}` : `/create/stories/${story.storyId}/read`}
              status={story.status}
              detail={`${story.sceneCount} ${story.sceneCount === 1 ? 'page' : 'pages'}`}
              keptOffline={kept.has(story.storyId)}
            />
          ))}
        </StoryGrid>
      )}
    </>
  );
}
