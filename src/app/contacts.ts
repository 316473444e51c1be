/** Adding and editing contacts, and finding one from what the user typed. */
import { checkMet, type MetInput, type RuleViolation, type TouchPlan } from '../domain/rules.js';
import { closest, duplicateNameLengths, possibleDuplicates, type DuplicateReason } from '../domain/similar.js';
import { TEXT_LIMITS } from '../domain/text.js';
import type { Appointment } from '../domain/clash.js';
import type { Commitment, Contact, ContactFields } from '../domain/types.js';
import { clashesOf } from './clashes.js';
import { applyTouchPlan } from './history.js';
import type { AppContext } from './context.js';
import type { StorePort } from './ports.js';

type Named = { id: number; name: string; company: string | null };

/** Another contact has this email already: one contact per email. */
export interface EmailTaken {
  ok: false;
  reason: 'email-taken';
  holder: Named;
}

function emailTaken(store: StorePort, email: string | null | undefined, exceptId?: number): EmailTaken | null {
  if (email === null || email === undefined) return null;
  const holder = store.contactByEmail(email);
  return holder && holder.id !== exceptId ? { ok: false, reason: 'email-taken', holder: { id: holder.id, name: holder.name, company: holder.company } } : null;
}

export interface NewContact {
  fields: ContactFields;
  tags: string[];
  /** Met in person (`--met`): the meeting, judged like any conversation. Its `at` is now. */
  met: Omit<MetInput, 'at'> | null;
}

/** An existing contact the new one may duplicate, and why. */
export interface PossibleDuplicate {
  contact: Named;
  reason: DuplicateReason;
}

/** The contacts that `fields` may duplicate (to ask before adding). */
export function duplicatesOf(store: StorePort, fields: Pick<ContactFields, 'name' | 'company'>): PossibleDuplicate[] {
  return store.read(() => possibleDuplicates(fields, store.duplicateCandidates(fields.name, fields.company, duplicateNameLengths(fields.name))));
}

export type Added =
  | { ok: false; reason: 'rule'; violation: RuleViolation }
  | EmailTaken
  | {
      ok: true;
      contact: Contact;
      /** The meeting's plan, when met in person. */
      met: TouchPlan | null;
      /** The next step booked at the meeting, if any. */
      nextStep: Commitment | null;
      /** The contacts that were there already and that it may duplicate. */
      duplicates: PossibleDuplicate[];
      /** Every commitment made at the meeting (the next step, promises, expectations), in the plan's order. */
      created: Commitment[];
      /** Other contacts' appointments the next step booked at the meeting lands on (accepted, with a warning). */
      clashes: Appointment[];
    };

export function addContact(ctx: AppContext, input: NewContact): Added {
  const { store, now } = ctx;
  // The meeting is judged first: it needs nothing from the database.
  let met: TouchPlan | null = null;
  if (input.met) {
    const decision = checkMet({ ...input.met, at: now }, ctx.config, now, ctx.zone);
    if (!decision.ok) return { ok: false, reason: 'rule', violation: decision.violation };
    met = decision.plan;
  }
  return store.transaction({ kind: 'add', at: now }, (): Added => {
    const taken = emailTaken(store, input.fields.email);
    if (taken) return taken;
    const duplicates = duplicatesOf(store, input.fields);
    const id = store.insertContact(input.fields, now);
    store.addTags(id, input.tags);
    const created = (met ? applyTouchPlan(ctx, id, met, now).created : []).map((cid) => store.commitment(cid)!);
    const nextStep = created.find((c) => c.kind === 'next-step') ?? null;
    return { ok: true, contact: store.contact(id)!, met, nextStep, created, duplicates, clashes: clashesOf(store, id, nextStep?.due) };
  });
}

export interface ContactChanges {
  fields: Partial<ContactFields>;
  tags: string[];
  untags: string[];
}

export type Edited = EmailTaken | { ok: true; contact: Contact };

export function editContact(ctx: AppContext, contactId: number, changes: ContactChanges): Edited {
  const { store, now } = ctx;
  return store.transaction({ kind: 'edit', at: now }, (): Edited => {
    const taken = emailTaken(store, changes.fields.email, contactId);
    if (taken) return taken;
    store.updateContact(contactId, changes.fields, now);
    store.addTags(contactId, changes.tags);
    store.removeTags(contactId, changes.untags);
    return { ok: true, contact: store.contact(contactId)! };
  });
}

/** How many partial matches are worth listing when a name is ambiguous. */
const SHOWN_MATCHES = 10;

export type Lookup =
  | { kind: 'found'; contact: Contact }
  | { kind: 'no-such-id'; id: number }
  | { kind: 'ambiguous'; matches: Contact[]; more: boolean }
  | { kind: 'none'; near: Named[] };

/**
 * The contact meant by `query` (trimmed, not empty): an id (`12`, `#12`), an
 * exact email, or a unique match on name or company whatever the case
 * (src/text-key.ts): an exact one first, else one at the start of a word,
 * else anywhere. Else why not, with the candidates or the closest names.
 */
export function lookupContact(store: StorePort, query: string): Lookup {
  return store.read((): Lookup => {
    const id = /^#?(\d+)$/.exec(query);
    if (id) {
      const c = store.contact(Number(id[1]));
      return c ? { kind: 'found', contact: c } : { kind: 'no-such-id', id: Number(id[1]) };
    }
    if (query.includes('@')) {
      const c = store.contactByEmail(query);
      if (c) return { kind: 'found', contact: c };
    }
    // The first of the three tiers that matches decides: exactly, then at the start of a word, then anywhere.
    let matches = store.contactsNamed(query);
    // A text longer than a name cannot be part of one.
    const partial = query.length <= TEXT_LIMITS.line;
    if (matches.length === 0 && partial) matches = store.contactsAtWordStart(query, SHOWN_MATCHES + 1);
    if (matches.length === 0 && partial) matches = store.contactsContaining(query, SHOWN_MATCHES + 1);
    if (matches.length === 1) return { kind: 'found', contact: matches[0]! };
    if (matches.length > 1) return { kind: 'ambiguous', matches: matches.slice(0, SHOWN_MATCHES), more: matches.length > SHOWN_MATCHES };
    return { kind: 'none', near: closest(query, store.contactNames()) };
  });
}
