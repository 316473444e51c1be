/** `fu prep --points`: the key points for the next call, kept until the touch that follows takes them. */
import { MAX_POINTS } from '../domain/prep.js';
import type { AppContext } from './context.js';

export type PointsSet = { ok: true; points: string[] } | { ok: false; reason: 'too-many'; max: number };

/** Replaces the points prepared for a contact's next call. */
export function setCallPoints(ctx: AppContext, contactId: number, points: string[]): PointsSet {
  if (points.length > MAX_POINTS) return { ok: false, reason: 'too-many', max: MAX_POINTS };
  ctx.store.transaction(() => ctx.store.setPendingPoints(contactId, points, ctx.now));
  return { ok: true, points };
}
