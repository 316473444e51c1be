/** `fu stale`'s read, in one consistent snapshot. */
import {
  committedVerdicts,
  keyedPage,
  stalePageOf,
  staleParams,
  staleRowsOf,
  wordsTwoWayOutcome,
  type StaleCategory,
  type StaleContact,
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
 * The few contacts with a commitment that may be missed or is soft are ranked whole; the other categories are
 * decided and counted by the store, and only the rows shown are read further and worded (see src/domain/stale.ts).
 */
export function stalePage(ctx: AppContext, limit: number): StalePage {
  const { store } = ctx;
  return store.read(() => {
    const params = staleParams(ctx);
    const read = store.staleCommitted(params);
    const committed = committedVerdicts(read, ctx);
    const keyed = keyedPage(store.staleKeys(params, committed.ids), ctx, limit);
    const contacts = new Map<number, StaleContact>(read.map((c) => [c.id, c]));
    for (const c of store.staleContactsById(keyed.keys.map((k) => k[1]).filter((id) => !contacts.has(id)))) contacts.set(c.id, c);
    const { shown, counts } = stalePageOf(committed, keyed, contacts, ctx, limit);
    const outcomes = store.twoWayOutcomes(shown.filter(wordsTwoWayOutcome).map((v) => v.contact.id));
    const worded =
      outcomes.size === 0
        ? shown
        : shown.map((v) => (outcomes.has(v.contact.id) ? { ...v, contact: { ...v.contact, lastTwoWayOutcome: outcomes.get(v.contact.id)! } } : v));
    return { rows: staleRowsOf(worded, ctx), counts };
  });
}
