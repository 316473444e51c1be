/**
 * The read commands' data, each read in one consistent snapshot: a write
 * committed by another fu meanwhile shows whole or not at all. The daily
 * reads have modules of their own (agenda.ts, stale.ts), so that `fu today`
 * loads only its own.
 */
import { SLOT_SEARCH_DAYS } from '../domain/draft.js';
import { addDays, localDateOf, startOfDay } from '../domain/time.js';
import type { Commitment, CommitmentMove, Contact, Decision, Instant, Status, Touch } from '../domain/types.js';
import type { AppContext } from './context.js';

export interface ContactDetails {
  contact: Contact;
  tags: string[];
  /** Oldest first. */
  touches: Touch[];
  commitments: Commitment[];
  /** Dispositions decided without a touch (fu close), oldest first. */
  decisions: Decision[];
  nextStep: Commitment | null;
  history: Map<number, CommitmentMove[]>;
  /** The rules overridden on each forced touch, by touch id. */
  forced: Map<number, string[]>;
  /** The key points prepared for each touch (fu prep --points), by touch id. */
  points: Map<number, string[]>;
  /** The key points prepared for the next touch. */
  pendingPoints: string[];
}

/** `fu show`: a contact and its whole history. */
export function contactDetails(ctx: AppContext, contactId: number): ContactDetails {
  const { store } = ctx;
  return store.read(() => {
    const contact = store.contact(contactId)!;
    const commitments = store.commitmentsOf(contactId);
    return {
      contact,
      tags: store.tagsOf(contactId),
      touches: store.touchesOf(contactId),
      commitments,
      decisions: store.decisionsOf(contactId),
      nextStep: commitments.find((c) => c.id === contact.nextStepId) ?? null,
      history: store.historyByCommitment(contactId),
      forced: new Map([...store.forcedRulesOf(contactId)].map(([id, rules]) => [id, rules.split(',')])),
      points: store.pointsByTouch(contactId),
      pendingPoints: store.pendingPoints(contactId),
    };
  });
}

export interface ContactList {
  contacts: Contact[];
  tags: Map<number, string[]>;
  nextSteps: Map<number, Commitment>;
}

/** `fu list`: contacts by status and tag, with their tags and open next steps. */
export function contactList(ctx: AppContext, filter: { status: Status | 'all'; tag: string | null }): ContactList {
  const { store } = ctx;
  return store.read(() => ({ contacts: store.listContacts(filter), tags: store.tagsByContact(), nextSteps: store.openNextSteps() }));
}

export interface DraftMaterial {
  contact: Contact;
  touches: Touch[];
  commitments: Commitment[];
  /** When the user's own appointments start (open next steps with a time, of every contact), in the days slots are looked for; none when the draft offers no slots. */
  appointments: Instant[];
}

/** The user's appointments in the days free slots are looked for (fu draft, fu prep), inside the caller's read. */
export function slotAppointments(ctx: AppContext): Instant[] {
  const { store, zone } = ctx;
  const today = localDateOf(ctx.now, zone);
  // Only the days slots are looked in: at 100k contacts there are tens of thousands of next steps.
  return store.appointmentsBetween(startOfDay(today, zone), startOfDay(addDays(today, SLOT_SEARCH_DAYS + 2), zone));
}

/**
 * `fu draft`: what a message to a contact is written from. The appointments are read only when `offersSlots` says,
 * from the contact and its commitments, that the draft offers free slots (at 100k contacts they are thousands).
 */
export function draftMaterial(ctx: AppContext, contactId: number, offersSlots: (contact: Contact, commitments: Commitment[]) => boolean): DraftMaterial {
  const { store } = ctx;
  return store.read(() => {
    const contact = store.contact(contactId)!;
    const commitments = store.commitmentsOf(contactId);
    return {
      contact,
      touches: store.touchesOf(contactId),
      commitments,
      appointments: offersSlots(contact, commitments) ? slotAppointments(ctx) : [],
    };
  });
}
