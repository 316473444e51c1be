/** Set or move the next step (`fu next`). */
import { checkReschedule, type NextStepInput, type ReschedulePlan, type RuleViolation } from '../domain/rules.js';
import type { Appointment } from '../domain/clash.js';
import type { Commitment, Contact } from '../domain/types.js';
import { clashesOf } from './clashes.js';
import { contactState, insertPlanned, refreshDerived } from './history.js';
import type { AppContext } from './context.js';

export type Rescheduled =
  | { ok: false; violation: RuleViolation }
  | {
      ok: true;
      plan: ReschedulePlan;
      /** The contact before the change (its status tells whether it was reopened). */
      contact: Contact;
      /** The step as it was before it moved, or null when it is new. */
      before: Commitment | null;
      step: Commitment;
      /** Other contacts' appointments the step now lands on (accepted, with a warning). */
      clashes: Appointment[];
    };

export function reschedule(ctx: AppContext, contactId: number, next: NextStepInput, soft: boolean): Rescheduled {
  const { store, now, zone } = ctx;
  return store.transaction({ kind: 'next', at: now }, (): Rescheduled => {
    const decision = checkReschedule(contactState(store, contactId), next, soft, now, zone);
    if (!decision.ok) return decision;
    const plan = decision.plan;
    const contact = store.contact(contactId)!;
    const before = plan.move ? store.commitment(plan.move.id)! : null;
    if (plan.move) store.moveCommitment(plan.move.id, plan.move.what, plan.move.due, plan.move.soft, now);
    const id = plan.move ? plan.move.id : insertPlanned(store, contactId, plan.create!, null, now);
    if (contact.status !== plan.status) store.setStatus(contactId, plan.status, now);
    refreshDerived(store, contactId, ctx.config, zone);
    const step = store.commitment(id)!;
    return { ok: true, plan, contact, before, step, clashes: clashesOf(store, contactId, step.due) };
  });
}
