/** Remove a contact with its history (`fu rm`), in one journaled write: fu undo puts it all back. */
import type { Contact } from '../domain/types.js';
import type { AppContext } from './context.js';
import type { StorePort } from './ports.js';

/** What removing a contact takes with it, to ask before. */
export function historySize(store: StorePort, contactId: number): { touches: number; commitments: number } {
  return store.read(() => ({ touches: store.touchesOf(contactId).length, commitments: store.commitmentsOf(contactId).length }));
}

export type Removed = { ok: false; reason: 'not-found' } | { ok: true; contact: Contact; touches: number; commitments: number };

export function removeContact(ctx: AppContext, contactId: number): Removed {
  const { store, now } = ctx;
  return store.transaction({ kind: 'rm', at: now }, (): Removed => {
    const contact = store.contact(contactId);
    if (!contact) return { ok: false, reason: 'not-found' };
    const size = historySize(store, contactId);
    store.deleteContact(contactId);
    return { ok: true, contact, ...size };
  });
}
