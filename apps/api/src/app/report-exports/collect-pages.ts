import { MAX_PAGE_SIZE, type Page } from '@agency-portal/shared';

/** The most rows an exported table holds; the file says when there were more. */
export const EXPORT_MAX_ROWS = 2000;

/**
 * Reads a paged list from its service page by page (the service's own keyset pages, so its access
 * rules and SQL apply unchanged) up to `max` rows; `more` tells whether rows were left.
 */
export async function collectPages<T>(
  fetch: (query: { limit: number; cursor?: string }) => Promise<Page<T>>,
  max = EXPORT_MAX_ROWS,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await fetch({
      limit: Math.min(MAX_PAGE_SIZE, max - items.length),
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    if (!page.nextCursor) return { items, more: false };
    if (items.length >= max) return { items, more: true };
    cursor = page.nextCursor;
  }
}
