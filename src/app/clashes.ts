/** Double booking (docs/rules.md): which appointments a new timed next step lands on. */
import { clashesWith, clashWindow, type Appointment } from '../domain/clash.js';
import type { Due } from '../domain/types.js';
import type { StorePort } from './ports.js';

/** The other contacts' appointments near `due` (none for a step without a time), read inside the caller's transaction. */
export function clashesOf(store: StorePort, contactId: number, due: Due | undefined): Appointment[] {
  if (due === undefined || !('at' in due)) return [];
  const { from, to } = clashWindow(due.at);
  return clashesWith(contactId, store.appointmentDetailsBetween(from, to));
}
