/** Writes a rule plan decided by the domain. Callers run it inside their transaction. */
import type { ContactState, PlannedCommitment, TouchPlan } from '../domain/rules.js';
import type { Config, Instant } from '../domain/types.js';
import { refreshDerived } from './derived.js';
import type { Store } from './store.js';
import type { Zone } from '../domain/zone.js';

/** What the domain needs to judge a touch on this contact, read from the committed state. */
export function contactState(store: Store, contactId: number): ContactState {
  const contact = store.contact(contactId)!;
  return { id: contactId, status: contact.status, touches: store.touchesOf(contactId), open: store.openCommitmentsOf(contactId) };
}

export interface AppliedTouch {
  touchId: number;
  /** Ids of the commitments created, in the plan's order. */
  created: number[];
}

export function applyTouchPlan(store: Store, contactId: number, plan: TouchPlan, config: Config, zone: Zone, now: Instant): AppliedTouch {
  const touchId = store.insertTouch({ ...plan.touch, contactId }, plan.overridden, now);
  store.keepPendingPoints(contactId, touchId);
  // Close first: the database allows only one open next step per contact.
  for (const c of plan.close) store.closeCommitment(c.id, c.state, c.state === 'kept' ? plan.touch.at : now, touchId);
  const created = plan.create.map((c) => insertPlanned(store, contactId, c, touchId, now));
  const step = plan.create.find((c) => c.kind === 'next-step');
  if (step) store.setTouchStep(touchId, step.soft ? 'soft' : 'firm');
  const before = store.contact(contactId)!;
  if (before.status !== plan.status) store.setStatus(contactId, plan.status, now);
  refreshDerived(store, contactId, config, zone);
  return { touchId, created };
}

export function insertPlanned(store: Store, contactId: number, c: PlannedCommitment, touchId: number | null, now: Instant): number {
  return store.insertCommitment({ contactId, kind: c.kind, what: c.what, due: c.due, soft: c.soft, touchId }, now);
}
