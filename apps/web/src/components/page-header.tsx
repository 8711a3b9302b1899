import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  /** Beside the title on wide screens, under it on phones. */
  action: ReactNode;
  description: string;
}

/** A menu page's heading with its main action, and a line on what the page is for. */
export function PageHeader({ title, action, description }: PageHeaderProps) {
  return (
    <>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ justifyContent: 'space-between', alignItems: { xs: 'flex-start', sm: 'center' }, mb: 1 }}
      >
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        {action}
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 3, maxWidth: 640 }}>
        {description}
      </Typography>
    </>
  );
}
