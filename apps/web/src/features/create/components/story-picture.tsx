import ImageOutlined from '@mui/icons-material/ImageOutlined';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useStoredMediaUrl } from '../offline/use-stored-media-url';

interface StoryPictureProps {
  url: string | null;
  alt: string;
  /** Keep the bytes on this device (the reader); the progress page and library only read what is there. */
  store: boolean;
  /** Shown while there is no picture yet, e.g. "Picture on its way…". */
  pendingLabel: string;
  /** Width ÷ height of the frame, so the page does not jump when the picture lands. */
  ratio?: number;
}

/** A story's picture, fetched with the token (or read from this device) and shown from a blob URL. */
export function StoryPicture({ url, alt, store, pendingLabel, ratio = 4 / 3 }: StoryPictureProps) {
  const { src, failed } = useStoredMediaUrl(url, store);
  return (
    <Box sx={{ position: 'relative', width: '100%', aspectRatio: String(ratio), borderRadius: 2, overflow: 'hidden', bgcolor: 'action.hover' }}>
      {src ? (
        <Box component="img" src={src} alt={alt} sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
      ) : url && !failed ? (
        <Skeleton variant="rectangular" sx={{ width: '100%', height: '100%' }} aria-label="Loading the picture" />
      ) : (
        <Box sx={{ position: 'absolute', inset: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 1, color: 'text.secondary', p: 1, textAlign: 'center' }}>
          <ImageOutlined aria-hidden />
          <Typography variant="body2">{failed ? 'The picture could not be loaded.' : pendingLabel}</Typography>
        </Box>
      )}
    </Box>
  );
}
