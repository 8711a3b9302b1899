import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { Page, Scenario } from '@storyos/contracts';
import type { ReactNode } from 'react';
import { PagePagination, pageCount } from '../../../components/page-pagination';

interface ScenarioGridProps {
  data: Page<Scenario> | undefined;
  loading: boolean;
  emptyText: string;
  page: number;
  onPage: (page: number) => void;
  renderCard: (scenario: Scenario) => ReactNode;
  label: string;
}

/** A page of scenario cards with paging under it. */
export function ScenarioGrid({ data, loading, emptyText, page, onPage, renderCard, label }: ScenarioGridProps) {
  const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', xl: 'repeat(3, 1fr)' } };
  if (loading && !data) {
    return (
      <Box sx={grid} role="status" aria-label="Loading scenarios">
        {[0, 1, 2].map((key) => (
          <Skeleton key={key} variant="rounded" height={200} />
        ))}
      </Box>
    );
  }
  if (!data || data.items.length === 0) {
    return <Typography color="text.secondary">{emptyText}</Typography>;
  }
  return (
    <>
      <Box component="ul" aria-label={label} sx={{ ...grid, listStyle: 'none', m: 0, p: 0, opacity: loading ? 0.6 : 1 }}>
        {data.items.map((scenario) => (
          <li key={scenario.id}>{renderCard(scenario)}</li>
        ))}
      </Box>
      <PagePagination count={pageCount(data)} page={page} onChange={onPage} />
    </>
  );
}
