import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IllustratedStory } from '@storyos/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { createApi } from '../api';
import { useIllustratedStory } from '../hooks/use-illustrated-story';
import { createKeys } from '../keys';
import { STATUS_LABELS } from '../labels';
import { isStoryInProgress } from '../queries';
import { SceneProgress } from './scene-progress';

/** The story being made (`/create/stories/:storyId`): scenes appear as they are written, pictures and narration as they land. */
export function StoryProgressPage() {
  const { storyId = '' } = useParams();
  const queryClient = useQueryClient();
  const story = useIllustratedStory(storyId);
  const settle = (next: unknown) => {
    if (next && typeof next === 'object' && 'scenes' in next) queryClient.setQueryData(createKeys.story(storyId), next as IllustratedStory);
    return queryClient.invalidateQueries({ queryKey: createKeys.story(storyId) });
  };
  const stop = useMutation({ mutationFn: () => createApi.stop(storyId), onSuccess: settle });
  const retry = useMutation({ mutationFn: (sceneId: string) => createApi.retryScene(storyId, sceneId), onSuccess: settle });

  if (story.isPending) return <CircularProgress aria-label="Opening the story" />;
  if (!story.data) return <ErrorAlert error={story.error} />;
  const data = story.data;
  const inProgress = isStoryInProgress(data);
  const readable = data.scenes.some((scene) => scene.textStatus === 'COMPLETED');

  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}>
        <Typography variant="h4" component="h1">
          {data.title}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
          {inProgress && (
            <Button variant="outlined" startIcon={<StopCircleOutlined />} onClick={() => stop.mutate()} disabled={stop.isPending}>
              Stop
            </Button>
          )}
          <Button variant="contained" component={RouterLink} to={`/create/stories/${storyId}/read`} startIcon={<MenuBookOutlined />} disabled={!readable}>
            Read the story
          </Button>
        </Stack>
      </Stack>
      <Box sx={{ mb: 3 }}>
        <Typography color="text.secondary" gutterBottom>
          {data.stopped ? 'Stopped: what was made is kept.' : `${STATUS_LABELS[data.status]} · ${data.progress}%`}
        </Typography>
        <LinearProgress variant="determinate" value={data.progress} aria-label="How much of the story is made" />
      </Box>
      {data.error && <Alert severity="error" sx={{ mb: 2 }}>{data.error}</Alert>}
      <ErrorAlert error={stop.error ?? retry.error} />
      <Stack component="ol" spacing={2} aria-label="Pages" sx={{ p: 0, m: 0 }}>
        {data.scenes.map((scene) => (
          <SceneProgress key={scene.sceneId} scene={scene} onRetry={() => retry.mutate(scene.sceneId)} retrying={retry.isPending && retry.variables === scene.sceneId} />
        ))}
      </Stack>
    </>
  );
}
