import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IllustratedStatus } from '@storyos/contracts';
import { Link as RouterLink } from 'react-router';
import { STATUS_COLORS, STATUS_LABELS } from '../labels';
import { StoryPicture } from './story-picture';

interface StoryCardProps {
  title: string;
  coverUrl: string | null;
  /** Where the card leads: the reader, or the progress page while it is being made. */
  to: string;
  status: IllustratedStatus | null;
  detail: string;
  keptOffline: boolean;
}

/** A story on the shelf: its cover, title and how far along it is. */
export function StoryCard({ title, coverUrl, to, status, detail, keptOffline }: StoryCardProps) {
  return (
    <Card component="li" variant="outlined" sx={{ listStyle: 'none' }}>
      <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}>
        <StoryPicture url={coverUrl} alt="" store={false} pendingLabel="No cover yet" ratio={4 / 3} />
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {title}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
            {status && <Chip size="small" label={STATUS_LABELS[status]} color={STATUS_COLORS[status]} variant="outlined" />}
            {keptOffline && <Chip size="small" label="Kept offline" />}
            <Typography variant="body2" color="text.secondary">
              {detail}
            </Typography>
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
