/** Log a touch (`fu log`): the rules decide, one transaction writes the touch and its consequences. */
import { checkTouch, type Decision, type RuleViolation, type TouchInput, type TouchPlan } from '../domain/rules.js';
import type { Appointment } from '../domain/clash.js';
import type { Commitment, Contact, Touch } from '../domain/types.js';
import { clashesOf } from './clashes.js';
import { applyTouchPlan, contactState } from './history.js';
import type { AppContext } from './context.js';

export type LoggedTouch =
  | { ok: false; violation: RuleViolation }
  | {
      ok: true;
      plan: TouchPlan;
      touch: Touch;
      /** The contact after the touch, with its tags and open next step. */
      contact: Contact;
      tags: string[];
      nextStep: Commitment | null;
      /** The commitments created, in the plan's order. */
      created: Commitment[];
      /** Other contacts' appointments the new next step lands on (accepted, with a warning). */
      clashes: Appointment[];
    };

/** The rules' verdict on a touch, against the committed state, without writing (to ask again before logging). */
export function decideTouch(ctx: AppContext, contactId: number, input: TouchInput): Decision<TouchPlan> {
  return checkTouch(contactState(ctx.store, contactId), input, ctx.config, ctx.now, ctx.zone);
}

/** Logs a touch on an existing contact. A refusal writes nothing. */
export function logTouch(ctx: AppContext, contactId: number, input: TouchInput): LoggedTouch {
  const { store } = ctx;
  // Decided inside the write transaction: two fu processes can never both pass the rules.
  return store.transaction({ kind: 'log', at: ctx.now }, (): LoggedTouch => {
    const decision = decideTouch(ctx, contactId, input);
    if (!decision.ok) return decision;
    const { touchId, created: createdIds } = applyTouchPlan(ctx, contactId, decision.plan, ctx.now);
    const contact = store.contact(contactId)!;
    const created = createdIds.map((id) => store.commitment(id)!);
    return {
      ok: true,
      plan: decision.plan,
      touch: store.touch(touchId)!,
      contact,
      tags: store.tagsOf(contactId),
      nextStep: contact.nextStepId === null ? null : store.commitment(contact.nextStepId)!,
      created,
      clashes: clashesOf(store, contactId, created.find((c) => c.kind === 'next-step')?.due),
    };
  });
}
