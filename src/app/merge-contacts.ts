/**
 * Fold a duplicate into the contact kept (`fu merge`): its touches and
 * commitments move, empty fields are filled, tags united, and the state is
 * derived again from the merged history. One journaled write.
 */
import { planMerge, type MergePlan } from '../domain/merge.js';
import type { Contact } from '../domain/types.js';
import { refreshDerived } from './history.js';
import type { AppContext } from './context.js';
import type { StorePort } from './ports.js';

export type Merged =
  | { ok: false; reason: 'same-contact' }
  | {
      ok: true;
      plan: MergePlan;
      /** The kept contact after the merge. */
      contact: Contact;
      /** The duplicate as it was. */
      duplicate: Contact;
      moved: { touches: number; commitments: number };
    };

function side(store: StorePort, id: number) {
  const contact = store.contact(id)!;
  return { contact, tags: store.tagsOf(id), nextStep: store.openCommitmentsOf(id).find((c) => c.kind === 'next-step') ?? null };
}

export function mergeContacts(ctx: AppContext, keepId: number, duplicateId: number): Merged {
  const { store, now } = ctx;
  if (keepId === duplicateId) return { ok: false, reason: 'same-contact' };
  return store.transaction({ kind: 'merge', at: now }, (): Merged => {
    const keep = side(store, keepId);
    const dup = side(store, duplicateId);
    const plan = planMerge(keep, dup);
    const moved = { touches: store.touchesOf(duplicateId).length, commitments: store.commitmentsOf(duplicateId).length };
    // R3: one open next step per contact, so the older one is closed before the histories meet.
    if (plan.steps) store.closeCommitment(plan.steps.replaced.id, 'replaced', now, null);
    store.moveHistory(duplicateId, keepId);
    store.addTags(keepId, plan.tags);
    // The duplicate goes before its email can fill the kept contact's (one contact per email).
    store.deleteContact(duplicateId);
    store.updateContact(keepId, plan.fill, now);
    refreshDerived(store, keepId, ctx.config, ctx.zone);
    return { ok: true, plan, contact: store.contact(keepId)!, duplicate: dup.contact, moved };
  });
}
