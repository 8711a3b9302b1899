import ArrowForwardRounded from '@mui/icons-material/ArrowForwardRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

export interface StepLayoutProps {
  title: string;
  description: string;
  /** Generate, versions and the like, above the content. */
  actions?: ReactNode;
  children: ReactNode;
  next?: { label: string; to: string; enabled: boolean; hint?: string | null };
}

export function StepLayout({ title, description, actions, children, next }: StepLayoutProps) {
  return (
    <Box component="section" aria-labelledby="step-heading">
      <Typography variant="h5" component="h2" id="step-heading" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 720 }}>
        {description}
      </Typography>
      {actions && (
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
          {actions}
        </Stack>
      )}
      {children}
      {next && (
        <Stack direction="row" sx={{ mt: 3, gap: 2, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          {!next.enabled && next.hint && (
            <Typography variant="body2" color="text.secondary">
              {next.hint}
            </Typography>
          )}
          <Button
            component={RouterLink}
            to={next.to}
            variant="outlined"
            endIcon={<ArrowForwardRounded />}
            disabled={!next.enabled}
          >
            {next.label}
          </Button>
        </Stack>
      )}
    </Box>
  );
}
