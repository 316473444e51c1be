/** `fu stale`'s read, in one consistent snapshot. */
import {
  committedVerdicts,
  keyedPage,
  shownIds,
  stalePageOf,
  staleParams,
  staleRowsOf,
  wordsTwoWayOutcome,
  type StaleCategory,
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
 * `fu stale`: the first `limit` stale live contacts of each category (0: all), in order, and each category's count.
 * The store finds each category, the domain ranks them, and only the contacts shown are read whole, decided again
 * and worded (see src/domain/stale.ts).
 */
export function stalePage(ctx: AppContext, limit: number): StalePage {
  const { store } = ctx;
  return store.read(() => {
    const params = staleParams(ctx);
    const committed = committedVerdicts(store.staleMissed(params), store.staleSoft(params), ctx);
    // The whole list shows every keyed contact: read them whole at once.
    const whole = limit === 0 ? store.staleKeyedWhole(params) : null;
    const keyed = keyedPage(whole?.keys ?? store.staleKeys(params), committed, ctx, limit);
    const ids = shownIds(committed, keyed, limit);
    const read = whole
      ? [...whole.contacts, ...store.staleContacts({ keyed: [], committed: ids.committed }, committed.read)]
      : store.staleContacts(ids, committed.read);
    const { shown, counts } = stalePageOf(committed, keyed, read, ctx, limit);
    const outcomes = store.twoWayOutcomes(shown.filter(wordsTwoWayOutcome).map((v) => v.contact.id));
    const worded =
      outcomes.size === 0
        ? shown
        : shown.map((v) => (outcomes.has(v.contact.id) ? { ...v, contact: { ...v.contact, lastTwoWayOutcome: outcomes.get(v.contact.id)! } } : v));
    return { rows: staleRowsOf(worded, ctx), counts };
  });
}
