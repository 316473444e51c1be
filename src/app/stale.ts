/** `fu stale`'s read, in one consistent snapshot. */
import { rankStale, staleParams, staleRowsOf, wordsTwoWayOutcome, type StaleCategory, type StaleRow } from '../domain/stale.js';
import type { AppContext } from './context.js';

/** The stale rows shown, and how many each category holds in all. */
export interface StalePage {
  /** Grouped by category in precedence order, the most valuable first; at most `limit` per category. */
  rows: StaleRow[];
  counts: Record<StaleCategory, number>;
}

/**
 * `fu stale`: the first `limit` stale live contacts of each category (0: all), in order, and each category's count.
 * Every candidate is ranked, but only the rows shown are read further and worded.
 */
export function stalePage(ctx: AppContext, limit: number): StalePage {
  const { store } = ctx;
  return store.read(() => {
    const { shown, counts } = rankStale(store.staleCandidates(staleParams(ctx)), ctx, limit);
    const outcomes = store.twoWayOutcomes(shown.filter(wordsTwoWayOutcome).map((v) => v.contact.id));
    const worded =
      outcomes.size === 0
        ? shown
        : shown.map((v) => (outcomes.has(v.contact.id) ? { ...v, contact: { ...v.contact, lastTwoWayOutcome: outcomes.get(v.contact.id)! } } : v));
    return { rows: staleRowsOf(worded, ctx), counts };
  });
}
