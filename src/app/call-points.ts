/** `fu prep`: the key points for the next call (kept until the touch that follows takes them), and the brief. */
import { isTwoWay } from '../domain/derive.js';
import { buildBrief, MAX_POINTS, type Brief } from '../domain/prep.js';
import type { AppContext } from './context.js';
import { slotAppointments } from './reads.js';

export type PointsSet = { ok: true; points: string[] } | { ok: false; reason: 'too-many'; max: number };

/** Replaces the points prepared for a contact's next call. */
export function setCallPoints(ctx: AppContext, contactId: number, points: string[]): PointsSet {
  if (points.length > MAX_POINTS) return { ok: false, reason: 'too-many', max: MAX_POINTS };
  ctx.store.transaction(() => ctx.store.setPendingPoints(contactId, points, ctx.now));
  return { ok: true, points };
}

/** The brief before a call with a contact, read in one snapshot. */
export function briefOf(ctx: AppContext, contactId: number): Brief {
  const { store, now, zone, config } = ctx;
  return store.read(() => {
    const touches = store.touchesOf(contactId);
    const lastTwoWay = touches.filter(isTwoWay).at(-1);
    return buildBrief({
      contact: store.contact(contactId)!,
      tags: store.tagsOf(contactId),
      touches,
      commitments: store.commitmentsOf(contactId),
      agreed: lastTwoWay ? store.commitmentsCreatedBy(lastTwoWay.id) : [],
      points: store.pendingPoints(contactId),
      appointments: slotAppointments(ctx),
      config,
      now,
      zone,
    });
  });
}
