/** `fu calendar`: the open next steps and promises as calendar events. */
import { agendaEvents, type CalendarEvent } from '../domain/calendar.js';
import type { AppContext } from './context.js';

export function calendarEvents(ctx: AppContext): CalendarEvent[] {
  return agendaEvents(
    ctx.store.read(() => ctx.store.openAgenda()),
    ctx.config,
    ctx.zone,
  );
}
