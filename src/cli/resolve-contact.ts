/** CONTACT arguments, resolved in one place for every command (CONTACT, docs/rules.md). */
import { lookupContact } from '../app/contacts.js';
import type { StorePort } from '../app/ports.js';
import type { Contact } from '../domain/types.js';
import { notFoundError, usageError } from '../errors.js';
import { typedId, wrongKindError } from './ids.js';
import { safe } from './output.js';

const label = (c: Pick<Contact, 'id' | 'name' | 'company'>) => `#${c.id} ${safe(c.name)}${c.company ? ` (${safe(c.company)})` : ''}`;

/**
 * An id (`12`, `#12`), an exact email, or a unique case-insensitive match on
 * name or company: an exact match first, else a partial one. Ambiguous or
 * unknown: exit 4, with the candidates or the closest names.
 */
export function resolveContact(store: StorePort, text: string): Contact {
  const query = text.trim();
  if (!query) throw usageError('CONTACT is empty.', 'Give an id (#12), an email, or a name.');
  // An id beyond the integers a number holds exactly is refused as typed (exit 2), never looked up rounded; c12 is never a name.
  const typed = typedId(query);
  if (typed && typed.kind !== 'contact') throw wrongKindError(store, typed, 'contact');
  const found = lookupContact(store, query);
  switch (found.kind) {
    case 'found':
      return found.contact;
    case 'no-such-id':
      throw notFoundError(`No contact has the id #${found.id}.`, 'See the ids with: fu list');
    case 'ambiguous':
      throw notFoundError(
        `"${safe(query)}" matches ${found.more ? `more than ${found.matches.length}` : found.matches.length} contacts: ${found.matches.map(label).join(', ')}.`,
        'Use the id, for example: fu show ' + found.matches[0]!.id,
      );
    case 'none':
      throw notFoundError(
        `No contact matches "${safe(query)}".`,
        found.near.length ? `Did you mean ${found.near.map(label).join(', ')}?` : 'Add it with: fu add NAME',
      );
  }
}
