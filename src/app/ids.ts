/** What an id of any kind names, to say so when it is given where another kind is expected (Ids, docs/rules.md). */
import type { IdKind } from '../domain/ids.js';
import type { WriteKind } from '../domain/journal.js';
import type { Commitment, Contact, Instant, Touch } from '../domain/types.js';
import type { StorePort } from './ports.js';

export type Identified =
  | { kind: 'contact'; contact: Contact }
  | { kind: 'commitment'; commitment: Commitment; contact: Contact }
  | { kind: 'touch'; touch: Touch; contact: Contact }
  | { kind: 'write'; write: { id: number; kind: WriteKind; at: Instant } };

/** The thing `id` of `kind` names, or null when there is none. */
export function identify(store: StorePort, kind: IdKind, id: number): Identified | null {
  return store.read((): Identified | null => {
    switch (kind) {
      case 'contact': {
        const contact = store.contact(id);
        return contact ? { kind, contact } : null;
      }
      case 'commitment': {
        const commitment = store.commitment(id);
        return commitment ? { kind, commitment, contact: store.contact(commitment.contactId)! } : null;
      }
      case 'touch': {
        const touch = store.touch(id);
        return touch ? { kind, touch, contact: store.contact(touch.contactId)! } : null;
      }
      case 'write': {
        const entry = store.journalEntry(id);
        return entry ? { kind, write: { id: entry.id, kind: entry.kind, at: entry.at } } : null;
      }
    }
  });
}
