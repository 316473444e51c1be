/** Keeps the derived per-contact state equal to what the history gives, inside the caller's transaction. */
import { attemptMarks, chronological, deriveState } from '../domain/derive.js';
import type { Config } from '../domain/types.js';
import type { Store } from './store.js';
import type { Zone } from '../domain/zone.js';

export function refreshDerived(store: Store, contactId: number, config: Config, zone: Zone): void {
  const contact = store.contact(contactId)!;
  const open = store.openCommitmentsOf(contactId);
  const nextStep = open.find((c) => c.kind === 'next-step') ?? null;
  const touches = store.touchesOf(contactId);
  store.saveDerived(contactId, deriveState(contact.status, touches, nextStep, config, zone), nextStep?.id ?? null);
  store.saveAttemptMarks(contactId, attemptMarks(chronological(touches)));
}

/** After a configuration change, every contact's due days are recomputed. */
export function refreshAllDerived(store: Store, config: Config, zone: Zone): void {
  for (const { id } of store.contactNames()) refreshDerived(store, id, config, zone);
}
