import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IllustratedScene, IllustratedStatus } from '@storyos/contracts';
import { READING_FONT } from '../../../lib/theme';
import { STATUS_COLORS, STATUS_LABELS } from '../labels';
import { StoryPicture } from './story-picture';

function StatusChip({ what, status }: { what: string; status: IllustratedStatus }) {
  return <Chip size="small" variant="outlined" color={STATUS_COLORS[status]} label={`${what}: ${STATUS_LABELS[status]}`} />;
}

interface SceneProgressProps {
  scene: IllustratedScene;
  onRetry: () => void;
  retrying: boolean;
}

/** One scene while the story is made: its text as soon as it is written, its picture and narration as they land. */
export function SceneProgress({ scene, onRetry, retrying }: SceneProgressProps) {
  const failed = [scene.textError, scene.image.error, scene.narration.error].filter((error): error is string => Boolean(error));
  return (
    <Paper component="li" variant="outlined" aria-labelledby={`scene-${scene.sceneId}`} sx={{ listStyle: 'none', p: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Box sx={{ width: { xs: '100%', sm: 200 }, flexShrink: 0 }}>
          <StoryPicture url={scene.imageUrl} alt={scene.image.parts[0]?.text || `Picture for page ${scene.sequence}`} store={false} pendingLabel={STATUS_LABELS[scene.image.status]} />
        </Box>
        <Stack spacing={1} sx={{ flex: 1, minWidth: 0 }}>
          <Typography id={`scene-${scene.sceneId}`} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            Page {scene.sequence}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
            <StatusChip what="Text" status={scene.textStatus} />
            <StatusChip what="Picture" status={scene.image.status} />
            <StatusChip what="Narration" status={scene.narration.status} />
          </Stack>
          {scene.text ? (
            <Typography sx={{ fontFamily: READING_FONT }}>{scene.text}</Typography>
          ) : (
            <Typography color="text.secondary">{scene.textStatus === 'FAILED' ? 'Not written.' : 'Not written yet.'}</Typography>
          )}
          {failed.map((error) => (
            <Typography key={error} variant="body2" color="error">
              {error}
            </Typography>
          ))}
          {scene.status === 'FAILED' && (
            <Button startIcon={<ReplayOutlined />} onClick={onRetry} disabled={retrying} sx={{ alignSelf: 'flex-start' }}>
              {retrying ? 'Trying again…' : `Try page ${scene.sequence} again`}
            </Button>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
