import { z } from 'zod';

/** Offset paging for lists a user browses page by page. */
export const PageQuerySchema = z.strictObject({
  page: z.coerce.number({ message: 'page must be a number' }).int().min(1, { message: 'page starts at 1' }).default(1),
  pageSize: z.coerce.number({ message: 'pageSize must be a number' }).int().min(1).max(100, { message: 'pageSize is at most 100' }).default(20),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
