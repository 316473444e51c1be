/** Ids as typed, one form per kind, and the refusal of an id of the wrong kind (Ids, docs/rules.md). */
import { identify, type Identified } from '../app/ids.js';
import type { StorePort } from '../app/ports.js';
import { handleOf, type IdKind } from '../domain/ids.js';
import { notFoundError, usageError } from '../errors.js';
import { safe } from './output.js';

export interface TypedId {
  kind: IdKind;
  id: number;
}

const KIND_OF_PREFIX: Record<string, IdKind> = { '': 'contact', '#': 'contact', c: 'commitment', t: 'touch', w: 'write' };

/**
 * An id as typed: `12` or `#12` a contact, `c12` a commitment, `t12` a touch,
 * `w12` a write (the letter in either case, the number as fu shows it: `C00` is
 * a name); null when the text is no id. Beyond the integers a number holds
 * exactly it is no valid id (exit 2, quoting what was typed) rather than a rounded one.
 */
export function typedId(text: string): TypedId | null {
  const m = /^(#?)(\d+)$/.exec(text.trim()) ?? /^([ctw])([1-9]\d*)$/i.exec(text.trim());
  if (!m) return null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id)) throw usageError(`"${safe(text.trim())}" is not a valid id: ids are whole numbers up to ${Number.MAX_SAFE_INTEGER}.`);
  return { kind: KIND_OF_PREFIX[m[1]!.toLowerCase()]!, id };
}

const A: Record<IdKind, string> = { contact: 'a contact', commitment: 'a commitment', touch: 'a touch', write: 'a write' };

/** Where the ids of each kind are shown, for the hint. */
const SHOWN_BY: Record<IdKind, string> = {
  contact: 'Contacts are given as 12 or #12, an email or a name: see them with fu list',
  commitment: 'Commitment ids look like c12: see them with fu today and fu show',
  touch: 'Touch ids look like t12: see them with fu show',
  write: 'Write ids look like w12: see them with fu undo --list',
};

function described(x: Identified): string {
  switch (x.kind) {
    case 'contact':
      return `${handleOf('contact', x.contact.id)} is the contact ${safe(x.contact.name)}`;
    case 'commitment': {
      const c = x.commitment;
      const who = safe(x.contact.name);
      const what = c.kind === 'promise' ? `a promise to ${who}` : c.kind === 'expectation' ? `something expected from ${who}` : `a next step with ${who}`;
      return `${handleOf('commitment', c.id)} is ${what} ("${safe(c.what)}")`;
    }
    case 'touch':
      return `${handleOf('touch', x.touch.id)} is a touch with ${safe(x.contact.name)} (${x.touch.channel} ${x.touch.outcome})`;
    case 'write':
      return `${handleOf('write', x.write.id)} is a write of the journal (${x.write.kind})`;
  }
}

/** Exit 4: `typed` is an id of another kind than `expected`, saying what it is. */
export function wrongKindError(store: StorePort, typed: TypedId, expected: IdKind): Error {
  const found = identify(store, typed.kind, typed.id);
  const what = found ? described(found) : `${handleOf(typed.kind, typed.id)} is ${A[typed.kind]} id (no ${typed.kind} has it)`;
  const contact = found && found.kind !== 'write' ? found.contact : null;
  let hint = `${SHOWN_BY[expected]}.`;
  if (contact && expected === 'contact') hint = `The contact id of ${safe(contact.name)} is ${contact.id}: fu show ${contact.id}`;
  else if (contact && expected !== 'write') hint = `${SHOWN_BY[expected]} ${contact.id}.`;
  return notFoundError(`${what}, not ${A[expected]}${found ? '' : ' id'}.`, hint);
}

/** The number of an id that must be of `kind`: not an id is exit 2, an id of another kind exit 4. */
export function idOfKind(store: () => StorePort, text: string, kind: IdKind): number {
  const typed = typedId(text);
  if (typed === null) throw usageError(`"${safe(text.trim())}" is not ${A[kind]} id.`, `${SHOWN_BY[kind]}.`);
  if (typed.kind !== kind) throw wrongKindError(store(), typed, kind);
  return typed.id;
}
