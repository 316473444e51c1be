/** `fu stale`'s read, in one consistent snapshot. */
import { staleList, staleParams, type StaleRow } from '../domain/stale.js';
import type { AppContext } from './context.js';

/** `fu stale`: every stale live contact, in order. */
export function staleRows(ctx: AppContext): StaleRow[] {
  const { store } = ctx;
  const candidates = store.read(() => store.staleCandidates(staleParams(ctx)));
  return staleList(candidates, ctx);
}
