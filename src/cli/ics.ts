/**
 * iCalendar text of calendar events (ical-generator): timed events in the
 * user's zone with its VTIMEZONE, soft steps as all-day entries. Loaded only
 * by the commands that write .ics files.
 */
import { TZDate } from '@date-fns/tz';
// Named imports: the bundle loads the CommonJS build, whose default export Node-style interop does not unwrap.
import { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { spanOf, vtimezone, type CalendarEvent } from '../domain/calendar.js';
import type { Instant } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';
import type { Invitation } from '../app/invite.js';

export interface IcsOptions {
  now: Instant;
  zone: Zone;
  name?: string;
  invitation?: Omit<Invitation, 'event'>;
}

export function icsText(events: readonly CalendarEvent[], options: IcsOptions): string {
  const { zone, now, invitation } = options;
  const span = spanOf(events, now, zone);
  const cal = new ICalCalendar({ prodId: { company: 'fu', product: 'fu', language: 'EN' }, name: options.name ?? null });
  if (invitation) cal.method(invitation.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  // No calendar-wide zone: DTSTAMP stays in UTC; each timed event names the zone, whose VTIMEZONE is written once.
  cal.timezone({ name: null, generator: () => vtimezone(zone, span.first, span.last) });
  const stamp = new Date(now);
  for (const e of events) {
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp,
      summary: e.summary,
      description: e.description,
      ...(e.start
        ? { start: new TZDate(Date.parse(e.start), zone.name), end: new TZDate(Date.parse(e.end!), zone.name), timezone: zone.name }
        : { start: new Date(`${e.day}T00:00:00Z`), allDay: true }),
    });
    if (invitation) {
      event.organizer({ name: invitation.organizer.name, email: invitation.organizer.email });
      event.createAttendee({
        name: invitation.attendee.name,
        email: invitation.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      });
      event.status(invitation.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED);
    }
  }
  return cal.toString() + '\r\n';
}
