import type { Page } from '@storyos/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

interface DeleteFromPageOptions<TItem, TData, TError, TContext> {
  /** The delete mutation, called with the item's id. */
  remove: UseMutationResult<TData, TError, string, TContext>;
  /** The page on show, and how to move to another. */
  data: Page<TItem> | undefined;
  page: number;
  setPage: (page: number) => void;
}

/**
 * Deleting an item of a paged list after a confirmation: which item is asked
 * about, and the props of the `ConfirmDialog` that asks. When the last item
 * of a page goes, the page before it is shown.
 */
export function useDeleteFromPage<TItem extends { id: string }, TData, TError, TContext>({
  remove,
  data,
  page,
  setPage,
}: DeleteFromPageOptions<TItem, TData, TError, TContext>) {
  const [deleting, setDeleting] = useState<TItem | null>(null);

  const onClose = () => {
    remove.reset();
    setDeleting(null);
  };
  const onConfirm = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        setDeleting(null);
        // The last item of a page is gone: show the page before it.
        if (data && data.items.length === 1 && page > 1) setPage(page - 1);
      },
    });
  };

  return {
    deleting,
    askToDelete: setDeleting,
    dialogProps: {
      open: deleting !== null,
      confirmLabel: remove.isPending ? 'Deleting…' : 'Delete',
      busy: remove.isPending,
      error: remove.error,
      onConfirm,
      onClose,
    },
  };
}
