/** Double booking (docs/rules.md): a timed next step close to another one is accepted, with a warning. */
import type { Instant } from './types.js';

/** An open next step with a time, of any contact, as the seller's calendar sees it. */
export interface Appointment {
  id: number;
  contactId: number;
  contact: string;
  company: string | null;
  what: string;
  at: Instant;
}

/** Two steps less than this apart clash: back-to-back half-hour meetings do not. */
export const CLASH_MS = 30 * 60_000;

/**
 * The rule itself: the appointments a step at `at` clashes with start less than CLASH_MS
 * before or after it, from `from` to before `to` (the store reads them in that span).
 */
export function clashWindow(at: Instant): { from: Instant; to: Instant } {
  const ms = Date.parse(at);
  return { from: new Date(ms - CLASH_MS + 1).toISOString(), to: new Date(ms + CLASH_MS).toISOString() };
}

/**
 * The clashes among the appointments in a step's window (soonest first, as read): the
 * contact's own open step is not one, as the new step replaces or moves it.
 */
export function clashesWith(contactId: number | null, inWindow: readonly Appointment[]): Appointment[] {
  return inWindow.filter((a) => a.contactId !== contactId);
}
