import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { isSettled, mediaUrl, type MediaJob } from '../../lib/media/media-job';
import { useMediaJob } from '../../lib/media/use-media-job';
import { useMediaObjectUrl } from '../../lib/media/use-media-object-url';

interface ScenePictureProps {
  /** The picture made (or being drawn) for this text, if any. */
  job: MediaJob | null;
  onSettled?: (job: MediaJob) => void;
  /** Describes the picture for screen readers when it has no caption of its own: "Picture of this scene". */
  alt: string;
}

/** A scene's or chapter's picture, in place: a placeholder while it is drawn, then the picture (fetched with the access token). */
export function ScenePicture({ job, onSettled, alt }: ScenePictureProps) {
  const live = useMediaJob(job, onSettled);
  const part = live?.parts.find((item) => item.kind === 'image') ?? null;
  const { src, failed } = useMediaObjectUrl(part ? mediaUrl(part.mediaId) : null);
  if (!live) return null;
  if (!part) {
    if (live.status === 'failed') return <Alert severity="warning" sx={{ my: 1 }}>{live.error ?? 'The picture could not be drawn.'} Try “Illustrate” again.</Alert>;
    if (isSettled(live)) return null;
    return (
      <Box role="status" aria-label="Drawing the picture" sx={{ my: 1, maxWidth: 640 }}>
        <Skeleton variant="rounded" sx={{ width: '100%', aspectRatio: '3 / 2', height: 'auto' }} />
        <Typography variant="caption" color="text.secondary">
          Drawing the picture…
        </Typography>
      </Box>
    );
  }
  const width = part.width ?? 3;
  const height = part.height ?? 2;
  return (
    <Box component="figure" sx={{ my: 1, mx: 0, maxWidth: 640 }}>
      {src ? (
        <Box component="img" src={src} alt={part.text ? `${alt}: ${part.text}` : alt} data-scene-picture="" sx={{ display: 'block', width: '100%', height: 'auto', aspectRatio: `${width} / ${height}`, borderRadius: 1 }} />
      ) : failed ? (
        <Alert severity="warning">The picture could not be loaded.</Alert>
      ) : (
        <Skeleton variant="rounded" sx={{ width: '100%', aspectRatio: `${width} / ${height}`, height: 'auto' }} />
      )}
    </Box>
  );
}
