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

/** The span the appointments a step at `at` may clash with start in: from `from` to before `to`. */
export function clashWindow(at: Instant): { from: Instant; to: Instant } {
  const ms = Date.parse(at);
  return { from: new Date(ms - CLASH_MS + 1).toISOString(), to: new Date(ms + CLASH_MS).toISOString() };
}

/**
 * The appointments a step at `at` for `contactId` clashes with, soonest first. The
 * contact's own open step is not one: the new step replaces or moves it.
 */
export function clashesWith(at: Instant, contactId: number | null, appointments: readonly Appointment[]): Appointment[] {
  const ms = Date.parse(at);
  return appointments
    .filter((a) => a.contactId !== contactId && Math.abs(Date.parse(a.at) - ms) < CLASH_MS)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
