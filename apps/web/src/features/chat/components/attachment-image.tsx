import BrokenImageOutlined from '@mui/icons-material/BrokenImageOutlined';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { useMediaObjectUrl } from '../../../lib/media/use-media-object-url';

/** A picture attached to a message, fetched with the access token. */
export function AttachmentImage({ url, name, size = 96 }: { url: string; name: string | null; size?: number }) {
  const { src, failed } = useMediaObjectUrl(url);
  const label = name ? `Attached picture ${name}` : 'Attached picture';
  if (failed) {
    return (
      <Box role="img" aria-label={`${label} (could not be loaded)`} sx={{ width: size, height: size, display: 'grid', placeItems: 'center', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <BrokenImageOutlined color="disabled" />
      </Box>
    );
  }
  if (!src) return <Skeleton variant="rounded" width={size} height={size} aria-label={`Loading ${label.toLowerCase()}`} />;
  return <Box component="img" src={src} alt={label} sx={{ width: size, height: size, objectFit: 'cover', borderRadius: 1, border: 1, borderColor: 'divider' }} />;
}
