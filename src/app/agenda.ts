/** `fu today`'s read, in one consistent snapshot. */
import { agendaDay, buildAgenda, nextDueDate, type Agenda } from '../domain/agenda.js';
import type { LocalDate } from '../domain/types.js';
import type { AppContext } from './context.js';

/** `fu today`: the agenda of one day. */
export function agendaOf(ctx: AppContext, date: LocalDate): Agenda {
  const { store, now, zone, config } = ctx;
  const rows = store.read(() => store.agendaRows(agendaDay(date, zone)));
  return buildAgenda({ date, now, zone, config, commitments: rows.commitments, contacts: rows.contacts, nextDate: nextDueDate(rows.next, zone) });
}
