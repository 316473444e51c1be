/**
 * Writing what the domain decided about a contact's history: a touch plan,
 * and the derived state that must follow every write (in the caller's
 * transaction).
 */
import { attemptMarks, chronological, deriveState, directionOf } from '../domain/derive.js';
import type { ContactState, PlannedCommitment, TouchPlan } from '../domain/rules.js';
import type { Config, Instant } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';
import type { AppContext } from './context.js';
import type { StorePort } from './ports.js';
import { ContactGoneError } from '../errors.js';

/** What the domain needs to judge a touch on this contact, read from the committed state. */
export function contactState(store: StorePort, contactId: number): ContactState {
  // Resolved before the write transaction: another fu may have removed or merged it since.
  const contact = store.contact(contactId);
  if (!contact) throw new ContactGoneError(contactId);
  return { id: contactId, status: contact.status, touches: store.touchesOf(contactId), open: store.openCommitmentsOf(contactId) };
}

/** Keeps the derived per-contact state, and each attempt's mark, equal to what the history gives. */
export function refreshDerived(store: StorePort, contactId: number, config: Config, zone: Zone): void {
  const contact = store.contact(contactId)!;
  const nextStep = store.openCommitmentsOf(contactId).find((c) => c.kind === 'next-step') ?? null;
  const touches = store.touchesOf(contactId);
  store.saveDerived(contactId, deriveState(contact.status, touches, nextStep, config, zone, store.lastDecisionOf(contactId) ?? null), nextStep?.id ?? null);
  store.saveAttemptMarks(contactId, attemptMarks(chronological(touches)));
}

export interface AppliedTouch {
  touchId: number;
  /** Ids of the commitments created, in the plan's order. */
  created: number[];
}

/** Writes a touch plan; `now` is when it is recorded (the demo records its history as it happened). */
export function applyTouchPlan(ctx: Pick<AppContext, 'store' | 'config' | 'zone'>, contactId: number, plan: TouchPlan, now: Instant): AppliedTouch {
  const { store } = ctx;
  const step = plan.create.find((c) => c.kind === 'next-step');
  // The step and the attempt's mark are written with the touch: an update after would be journaled and counted once
  // more. A touch backfilled before later ones may still have its mark corrected by refreshDerived.
  const touchId = store.insertTouch(
    { ...plan.touch, contactId, direction: directionOf(plan.touch.outcome) },
    plan.overridden,
    now,
    step ? (step.soft ? 'soft' : 'firm') : null,
    plan.attempt?.number ?? null,
  );
  // The key points prepared for this call (fu prep --points) are kept on it.
  store.keepPendingPoints(contactId, touchId);
  // Close first: the database allows only one open next step per contact.
  for (const c of plan.close) store.closeCommitment(c.id, c.state, c.state === 'kept' ? plan.touch.at : now, touchId);
  const created = plan.create.map((c) => insertPlanned(store, contactId, c, touchId, now));
  if (store.contact(contactId)!.status !== plan.status) store.setStatus(contactId, plan.status, now);
  refreshDerived(store, contactId, ctx.config, ctx.zone);
  return { touchId, created };
}

export function insertPlanned(store: StorePort, contactId: number, c: PlannedCommitment, touchId: number | null, now: Instant): number {
  return store.insertCommitment({ contactId, kind: c.kind, what: c.what, due: c.due, soft: c.soft, touchId }, now);
}
