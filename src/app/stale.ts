/** `fu stale`'s read, in one consistent snapshot. */
import {
  KEYED_CATEGORIES,
  keyedPage,
  missedVerdicts,
  rankStale,
  shownIds,
  softPage,
  stalePageOf,
  staleParams,
  staleRowsOf,
  type KeyedCategory,
  type KeyedCategoryRead,
  type StaleCategory,
  type StaleParams,
  type StaleRanking,
  type StaleRow,
} from '../domain/stale.js';
import type { AppContext } from './context.js';

/** The stale rows shown, and how many each category holds in all. */
export interface StalePage {
  /** Grouped by category in precedence order, the most valuable first; at most `limit` per category. */
  rows: StaleRow[];
  counts: Record<StaleCategory, number>;
}

/**
 * The first `limit` of each category: the store finds each category, the domain ranks them, and only the contacts
 * shown are read whole, decided again and worded (see src/domain/stale.ts).
 */
function firstOfEach(ctx: AppContext, params: StaleParams, limit: number): StaleRanking {
  const { store } = ctx;
  const committed = missedVerdicts(store.staleMissed(params), params, ctx);
  // One statement at a time: the soft contacts are read (as far as the page goes) before the counts, and each later
  // category is counted now and read in rank order only as keyedPage takes it, after every count.
  const soft = softPage({ count: store.staleSoftCount(params), ranked: store.staleSoftRanked(params) }, committed, limit);
  const categories = Object.fromEntries(
    KEYED_CATEGORIES.map((k) => [k, { count: store.staleCount(k, params), ranked: store.staleRanked(k, params) }]),
  ) as Record<KeyedCategory, KeyedCategoryRead>;
  const keyed = keyedPage(categories, ctx, limit);
  const shown = shownIds(committed, soft, keyed, limit);
  return stalePageOf(committed, soft, keyed, store.staleContacts(shown.committed, shown.keyed), ctx, limit);
}

/**
 * `fu stale`: the first `limit` stale live contacts of each category (0: all), in order, and each category's count.
 * The whole list ranks every candidate, read whole at once: all of them are shown.
 */
export function stalePage(ctx: AppContext, limit: number): StalePage {
  const { store } = ctx;
  return store.read(() => {
    const params = staleParams(ctx);
    const { shown, counts } = limit === 0 ? rankStale(store.staleCandidates(params), ctx) : firstOfEach(ctx, params, limit);
    return { rows: staleRowsOf(shown, ctx), counts };
  });
}
