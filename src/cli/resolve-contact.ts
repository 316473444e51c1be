/** CONTACT arguments, resolved in one place for every command (CONTACT, docs/rules.md). */
import { notFoundError, usageError } from '../errors.js';
import { closest } from '../domain/similar.js';
import type { Contact, Store } from '../store/store.js';
import { safe } from './output.js';

const label = (c: Pick<Contact, 'id' | 'name' | 'company'>) => `#${c.id} ${safe(c.name)}${c.company ? ` (${safe(c.company)})` : ''}`;

/**
 * An id (`12`, `#12`), an exact email, or a unique case-insensitive match on
 * name or company: an exact match first, else a partial one. Ambiguous or
 * unknown: exit 4, with the candidates or the closest names.
 */
export function resolveContact(store: Store, text: string): Contact {
  const query = text.trim();
  if (!query) throw usageError('CONTACT is empty.', 'Give an id (#12), an email, or a name.');
  const id = /^#?(\d+)$/.exec(query);
  if (id) {
    const c = store.contact(Number(id[1]));
    if (c) return c;
    throw notFoundError(`No contact has the id #${id[1]}.`, 'See the ids with: fu list');
  }
  if (query.includes('@')) {
    const c = store.contactByEmail(query);
    if (c) return c;
  }
  let matches = store.contactsNamed(query);
  if (matches.length === 0) matches = store.contactsContaining(query, 11);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const shown = matches.slice(0, 10).map(label).join(', ');
    throw notFoundError(
      `"${safe(query)}" matches ${matches.length > 10 ? 'more than 10' : matches.length} contacts: ${shown}.`,
      'Use the id, for example: fu show ' + matches[0]!.id,
    );
  }
  const near = closest(query, store.contactNames());
  throw notFoundError(
    `No contact matches "${safe(query)}".`,
    near.length ? `Did you mean ${near.map(label).join(', ')}?` : 'Add it with: fu add NAME',
  );
}
