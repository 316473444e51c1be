/**
 * `fu invite`: the contact's open timed next step as an invitation, from the
 * seller (`user.email`) to the contact; or, for a next step that was cancelled
 * or replaced, its cancellation.
 */
import { commitmentHandle } from '../domain/ids.js';
import { invitationEvent, type AgendaEntry, type CalendarEvent } from '../domain/calendar.js';
import { notFoundError, usageError } from '../errors.js';
import type { Contact } from '../domain/types.js';
import type { AppContext } from './context.js';

export interface Invitation {
  method: 'REQUEST' | 'CANCEL';
  event: CalendarEvent;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  commitmentId: number;
}

/** What an invitation needs besides the step: who sends it and to whom. Checked before anything is written. */
export function checkInvitable(config: AppContext['config'], contact: Pick<Contact, 'id' | 'name' | 'email'>): void {
  if (!config.userEmail) throw usageError('An invitation comes from you: your email is not set.', 'Set it once with: fu config user.email you@example.com');
  if (!contact.email) throw usageError(`${contact.name} has no email to invite.`, `Add it with: fu edit ${contact.id} --email ADDRESS`);
}

/**
 * The invitation for `contact`'s open next step, or (`cancelled` given: a
 * commitment id) the cancellation of that next step of the same contact.
 */
export function invitation(ctx: AppContext, contact: Contact, cancelled?: number): Invitation {
  checkInvitable(ctx.config, contact);
  const { store } = ctx;
  const entry: AgendaEntry | null = store.read(() => {
    if (cancelled !== undefined) return store.agendaEntry(cancelled) ?? null;
    const id = store.contact(contact.id)?.nextStepId;
    return id ? (store.agendaEntry(id) ?? null) : null;
  });
  if (cancelled !== undefined && (!entry || entry.contact.id !== contact.id))
    throw notFoundError(`${contact.name} has no next step ${commitmentHandle(cancelled)}.`, `See the steps with: fu show ${contact.id}`);
  const checked = invitationEvent(entry, cancelled !== undefined);
  if (!checked.ok) {
    switch (checked.problem) {
      case 'no-step':
        throw notFoundError(`${contact.name} has no open next step to invite to.`, `Book one with: fu next ${contact.id} WHAT --at WHEN`);
      case 'soft':
        throw usageError(
          `The next step with ${contact.name} has no time agreed (soft): an invitation needs one.`,
          `Set the time with: fu next ${contact.id} WHAT --at WHEN`,
        );
      case 'not-a-next-step':
        throw usageError(`${commitmentHandle(entry!.commitment.id)} is a promise, not a next step: promises are not invitations.`);
      case 'not-cancelled':
        throw usageError(
          `${commitmentHandle(entry!.commitment.id)} is still ${entry!.commitment.state}: cancel it first.`,
          `fu cancel ${commitmentHandle(entry!.commitment.id)}`,
        );
    }
  }
  return {
    method: cancelled !== undefined ? 'CANCEL' : 'REQUEST',
    event: checked.event,
    organizer: { name: ctx.config.userName || ctx.config.userEmail, email: ctx.config.userEmail },
    attendee: { name: contact.name, email: contact.email! },
    commitmentId: entry!.commitment.id,
  };
}
