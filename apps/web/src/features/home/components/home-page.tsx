import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { UpgradeDialog } from '../../auth/components/upgrade-dialog';
import { useSession } from '../../auth/hooks/use-session';
import { PRODUCT_AREAS } from '../product-areas';
import { ProductAreaCard } from './product-area-card';

export function HomePage() {
  const { user, isGuest } = useSession();
  const [upgradeOpen, setUpgradeOpen] = useState(false);
  return (
    <Box>
      <Typography variant="h4" component="h1" gutterBottom>
        {user ? `Welcome, ${user.displayName}` : 'Welcome'}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3, maxWidth: 640 }}>
        StoryOS brings AI storytelling together: play, write, create and chat, all in one place.
      </Typography>
      {isGuest && (
        <Alert severity="info" sx={{ mb: 3 }}>
          You are exploring as a guest. Save your account to keep what you make.
          <Box sx={{ mt: 1 }}>
            <Button variant="outlined" color="info" size="small" onClick={() => setUpgradeOpen(true)}>
              Save your account
            </Button>
          </Box>
        </Alert>
      )}
      <Box
        component="ul"
        aria-label="Product areas"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' },
        }}
      >
        {PRODUCT_AREAS.map((area) => (
          <Box component="li" key={area.id} aria-label={area.title}>
            <ProductAreaCard area={area} />
          </Box>
        ))}
      </Box>
      <UpgradeDialog open={upgradeOpen} onClose={() => setUpgradeOpen(false)} />
    </Box>
  );
}
