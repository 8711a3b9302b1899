import AutoStoriesRounded from '@mui/icons-material/AutoStoriesRounded';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function Brand({ size = 'medium' }: { size?: 'medium' | 'large' }) {
  const large = size === 'large';
  return (
    <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <AutoStoriesRounded color="primary" sx={{ fontSize: large ? 36 : 28 }} aria-hidden />
      <Typography variant={large ? 'h5' : 'h6'} component="span" sx={{ fontWeight: 700, letterSpacing: -0.3 }}>
        StoryOS
      </Typography>
    </Box>
  );
}
