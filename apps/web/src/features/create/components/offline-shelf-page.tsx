import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { MAIN_CONTENT_ID, SkipLink } from '../../../components/skip-link';
import { useShelf } from '../offline/use-shelf';
import { StoryCard } from './story-card';
import { StoryGrid } from './story-grid';

/**
 * The stories on this device (`/create/offline`), readable without signing in
 * or a network: where the reader leads back to when there is no session.
 */
export function OfflineShelfPage() {
  const shelf = useShelf();
  return (
    <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} maxWidth="lg" sx={{ py: 3, '&:focus': { outline: 'none' } }}>
      <SkipLink />
      <Typography variant="h4" component="h1" gutterBottom>
        Stories on this device
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        These stories open without a network. Sign in to make new ones or to see all of yours.
      </Typography>
      {shelf.length === 0 ? (
        <Alert severity="info">No stories are kept on this device yet. Open a story and turn on “Keep offline”.</Alert>
      ) : (
        <StoryGrid label="Stories on this device">
          {shelf.map((entry) => (
            <StoryCard
              key={entry.storyId}
              title={entry.title}
              coverUrl={entry.coverUrl}
              to={`/create/stories/${entry.storyId}/read`}
              status={null}
              detail={entry.kept ? '' : 'Opened recently'}
              keptOffline={entry.kept}
            />
          ))}
        </StoryGrid>
      )}
      <Button component={RouterLink} to="/login" sx={{ mt: 3 }}>
        Sign in
      </Button>
    </Container>
  );
}
