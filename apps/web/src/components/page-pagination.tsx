import Pagination from '@mui/material/Pagination';
import type { Page } from '@storyos/contracts';

/** How many pages a paged answer spans: at least one. */
export function pageCount(data: Page<unknown> | undefined): number {
  return data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
}

interface PagePaginationProps {
  count: number;
  page: number;
  onChange: (page: number) => void;
}

/** Paging under a list, shown only when there is more than one page. */
export function PagePagination({ count, page, onChange }: PagePaginationProps) {
  if (count <= 1) return null;
  return (
    <Pagination
      count={count}
      page={page}
      onChange={(_event, next) => onChange(next)}
      sx={{ mt: 2, display: 'flex', justifyContent: 'center' }}
      getItemAriaLabel={(type, item, selected) =>
        type === 'page' ? `${selected ? 'Current page, ' : 'Go to '}page ${item}` : `Go to the ${type} page`
      }
    />
  );
}
