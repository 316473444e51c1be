/** `fu today`'s read, in one consistent snapshot. */
import { agendaContactIds, agendaDay, buildAgenda, nextDueDate, type Agenda, type ContactName } from '../domain/agenda.js';
import type { LocalDate } from '../domain/types.js';
import type { AppContext } from './context.js';

/** An agenda, with the name and company of whom each row shown is about. */
export interface DayAgenda extends Agenda {
  names: ReadonlyMap<number, ContactName>;
}

/**
 * `fu today`: the agenda of one day, the first `limit` rows of each section (0: all) and each section's count.
 * Every row due is decided, but names are read for the rows shown only.
 */
export function agendaOf(ctx: AppContext, date: LocalDate, limit: number): DayAgenda {
  const { store, now, zone, config } = ctx;
  return store.read(() => {
    const rows = store.agendaRows(agendaDay(date, zone));
    const agenda = buildAgenda({
      date,
      now,
      zone,
      config,
      commitments: rows.commitments,
      contacts: rows.contacts,
      nextDate: nextDueDate(rows.next, zone),
      limit,
    });
    return { ...agenda, names: store.namesOf(agendaContactIds(agenda)) };
  });
}
