/** Close a contact out without a touch (`fu close`): a decision, recorded as such, not a made-up call. */
import { planClose } from '../domain/rules.js';
import type { Commitment, Contact, Decision, DispositionKind, Instant } from '../domain/types.js';
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
    const cancelled = applyClose(ctx, contactId, kind, lostReason, now);
    const contact = store.contact(contactId)!;
    return {
      decision: store.lastDecisionOf(contactId)!,
      contact,
      nextStep: contact.nextStepId === null ? null : store.commitment(contact.nextStepId)!,
      tags: store.tagsOf(contactId),
      cancelled: cancelled.map((id) => store.commitment(id)!),
    };
  });
}

/**
 * Writes a decision decided at `at`, in the caller's transaction (the demo records its
 * history as it happened); returns the ids of the commitments it cancelled.
 */
export function applyClose(
  ctx: Pick<AppContext, 'store' | 'config' | 'zone'>,
  contactId: number,
  kind: DispositionKind,
  lostReason: string | null,
  at: Instant,
): number[] {
  const { store } = ctx;
  const plan = planClose(contactState(store, contactId), kind);
  for (const id of plan.cancel) store.closeCommitment(id, 'cancelled', at, null);
  store.insertDecision(contactId, kind, kind === 'lost' ? lostReason : null, at);
  if (store.contact(contactId)!.status !== plan.status) store.setStatus(contactId, plan.status, at);
  refreshDerived(store, contactId, ctx.config, ctx.zone);
  return plan.cancel;
}
