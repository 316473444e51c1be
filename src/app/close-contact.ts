/** Close a contact out without a touch (`fu close`): a decision, recorded as such, not a made-up call. */
import { planClose } from '../domain/rules.js';
import type { Commitment, Contact, Decision, DispositionKind } from '../domain/types.js';
import { contactState, refreshDerived } from './history.js';
import type { AppContext } from './context.js';

export interface ClosedContact {
  decision: Decision;
  /** The contact after the decision. */
  contact: Contact;
  tags: string[];
  /** Its open next step (a won deal keeps its kickoff). */
  nextStep: Commitment | null;
  /** The open commitments the decision cancelled. */
  cancelled: Commitment[];
}

export function closeContact(ctx: AppContext, contactId: number, kind: DispositionKind, lostReason: string | null): ClosedContact {
  const { store, now } = ctx;
  return store.transaction({ kind: 'close', at: now }, (): ClosedContact => {
    const plan = planClose(contactState(store, contactId), kind);
    for (const id of plan.cancel) store.closeCommitment(id, 'cancelled', now, null);
    store.insertDecision(contactId, kind, kind === 'lost' ? lostReason : null, now);
    if (store.contact(contactId)!.status !== plan.status) store.setStatus(contactId, plan.status, now);
    refreshDerived(store, contactId, ctx.config, ctx.zone);
    const contact = store.contact(contactId)!;
    return {
      decision: store.lastDecisionOf(contactId)!,
      contact,
      nextStep: contact.nextStepId === null ? null : store.commitment(contact.nextStepId)!,
      tags: store.tagsOf(contactId),
      cancelled: plan.cancel.map((id) => store.commitment(id)!),
    };
  });
}
