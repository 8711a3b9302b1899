import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { Brand } from '../components/brand';

export function NotFoundPage() {
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3, textAlign: 'center' }}>
      <Box>
        <Brand size="large" />
        <Typography variant="h4" component="h1" sx={{ mt: 4 }} gutterBottom>
          Page not found
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          There is no page at this address. It may have moved, or the link may be mistyped.
        </Typography>
        <Button component={RouterLink} to="/" variant="contained">
          Go to the home page
        </Button>
      </Box>
    </Box>
  );
}
