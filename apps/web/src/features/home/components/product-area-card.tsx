import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { ProductArea } from '../product-areas';

function CardBody({ area }: { area: ProductArea }) {
  const Icon = area.icon;
  return (
    <CardContent sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 1.5, p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Box
          sx={{
            width: 48,
            height: 48,
            borderRadius: 2,
            display: 'grid',
            placeItems: 'center',
            bgcolor: 'action.hover',
            color: area.available ? 'primary.main' : 'text.secondary',
          }}
        >
          <Icon aria-hidden />
        </Box>
        {!area.available && <Chip label="Coming soon" size="small" variant="outlined" />}
      </Box>
      <Typography variant="h5" component="h2">
        {area.title}
      </Typography>
      <Typography color="text.secondary">{area.summary}</Typography>
    </CardContent>
  );
}

/** One product area; it links only once the area is available, so nobody lands on an empty page. */
export function ProductAreaCard({ area }: { area: ProductArea }) {
  if (area.available) {
    return (
      <Card sx={{ height: '100%' }}>
        <CardActionArea component={RouterLink} to={area.path} sx={{ height: '100%' }}>
          <CardBody area={area} />
        </CardActionArea>
      </Card>
    );
  }
  return (
    <Card aria-disabled="true" sx={{ height: '100%', opacity: 0.85, bgcolor: 'background.paper' }}>
      <CardBody area={area} />
    </Card>
  );
}
