/** Close an open commitment (`fu done`, `fu cancel`), keeping its history. */
import { isMissed } from '../domain/commitments.js';
import { localDateOf } from '../domain/time.js';
import type { Commitment, Contact, StoredCommitmentState } from '../domain/types.js';
import { refreshDerived } from './history.js';
import type { AppContext } from './context.js';

export type Closed =
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'already-closed'; state: StoredCommitmentState }
  | {
      ok: true;
      /** The commitment as it was, open. */
      commitment: Commitment;
      /** Kept after it was missed (R3): a promise after its due time, a next step after its day. */
      late: boolean;
      /** The contact after the change. */
      contact: Contact;
    };

export function closeCommitment(ctx: AppContext, id: number, state: 'kept' | 'cancelled'): Closed {
  const { store, now, zone, config } = ctx;
  return store.transaction({ kind: state === 'kept' ? 'done' : 'cancel', at: now }, (): Closed => {
    const c = store.commitment(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (c.state !== 'open') return { ok: false, reason: 'already-closed', state: c.state };
    const late = state === 'kept' && isMissed(c, now, localDateOf(now, zone), config, zone);
    store.closeCommitment(id, state, now, null, late);
    refreshDerived(store, c.contactId, config, zone);
    return { ok: true, commitment: c, late, contact: store.contact(c.contactId)! };
  });
}
