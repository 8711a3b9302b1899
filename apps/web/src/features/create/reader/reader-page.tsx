import ArrowBack from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Container from '@mui/material/Container';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { MAIN_CONTENT_ID, SkipLink } from '../../../components/skip-link';
import { useSession } from '../../auth/hooks/use-session';
import { useReaderStory } from '../hooks/use-reader-story';
import { shelfIndex } from '../offline/shelf-index';
import { KeepOfflineSwitch } from './keep-offline-switch';
import { ReaderPageView } from './reader-page-view';

/**
 * The reader (`/create/stories/:storyId/read`): one scene per page. It lives
 * outside the signed-in area so that a story kept on this device opens with
 * the network off, even after a reload, when no session can be restored.
 */
export function ReaderPage() {
  const { storyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { status, user } = useSession();
  const { story, fromDevice, loading, error } = useReaderStory(storyId);
  const signedIn = status === 'authenticated';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const setPage = (next: number) => setParams({ page: String(next) }, { replace: true });
  const ownerId = user?.id ?? shelfIndex.get(storyId)?.ownerId ?? null;

  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box component="header" sx={{ bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap', py: { xs: 1, sm: 0 } }}>
          <IconButton component={RouterLink} to={signedIn ? '/create/library' : '/create/offline'} edge="start" aria-label="Back to my stories">
            <ArrowBack />
          </IconButton>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1, minWidth: 0 }} noWrap>
            {story?.title ?? 'Story'}
          </Typography>
          {story && <KeepOfflineSwitch story={story} ownerId={ownerId} />}
        </Toolbar>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} maxWidth="lg" sx={{ flexGrow: 1, py: { xs: 2, md: 3 }, '&:focus': { outline: 'none' } }}>
        {fromDevice && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {signedIn ? 'The server cannot be reached: you are reading the copy kept on this device.' : 'You are reading the copy kept on this device.'}
          </Alert>
        )}
        {loading && (
          <Stack sx={{ alignItems: 'center', py: 6 }}>
            <CircularProgress aria-label="Opening the story" />
          </Stack>
        )}
        {!story && error !== null && (
          <Alert severity="warning" action={signedIn ? undefined : <Button component={RouterLink} to={`/login?next=${encodeURIComponent(`/create/stories/${storyId}/read`)}`}>Sign in</Button>}>
            {signedIn ? 'This story could not be opened. It may have been deleted, or the server cannot be reached.' : 'This story is not kept on this device. Sign in to read it.'}
          </Alert>
        )}
        {story && <ReaderPageView story={story} page={Math.min(page, story.scenes.length || 1)} onPage={setPage} store={ownerId !== null} />}
      </Container>
    </Box>
  );
}
