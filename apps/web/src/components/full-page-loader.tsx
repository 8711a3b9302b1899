import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';

export function FullPageLoader({ label }: { label: string }) {
  return (
    <Box role="status" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', textAlign: 'center' }}>
      <Box>
        <CircularProgress aria-hidden />
        <Typography sx={{ mt: 2 }} color="text.secondary">
          {label}
        </Typography>
      </Box>
    </Box>
  );
}
