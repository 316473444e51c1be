/** `fu stats`'s read: counts through the indexes, in one consistent snapshot, made into figures by the domain. */
import { buildStats, statsQuery, type Period, type Stats } from '../domain/stats.js';
import type { AppContext } from './context.js';

export function statsOf(ctx: AppContext, period: Period): Stats {
  const { store, now, zone, config } = ctx;
  const query = statsQuery(period, now, config, zone);
  return buildStats(
    period,
    query,
    store.read(() => store.statsRows(query)),
    zone,
  );
}
