/**
 * The agenda as calendar events: open next steps and promises, each with a UID
 * that stays the same for as long as the commitment exists, so a calendar that
 * reads the file again updates its events instead of adding copies, and a
 * SEQUENCE that rises with every move, so an invitation sent again is an update.
 * Pure: the commitments, the zone and the settings are passed in.
 */
import { addDays, dueInstant, formatLocalDate, localDateOf } from './time.js';
import type { Commitment, Config, Instant, LocalDate } from './types.js';
import type { Zone } from './zone.js';

/** A timed next step (and a promise) takes this long in the calendar. */
export const EVENT_MINUTES = 30;

export interface CalendarContact {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
}

export interface AgendaEntry {
  commitment: Commitment;
  contact: CalendarContact;
  /** How many times the commitment was moved (rescheduled). */
  moves: number;
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  /** A timed event: its start and end. */
  start: Instant | null;
  end: Instant | null;
  /** An all-day entry (a soft next step: a date, no time agreed). */
  day: LocalDate | null;
}

/**
 * Control characters are not allowed in calendar text (tabs and line breaks
 * aside, which the writer escapes): stored text may hold anything.
 */
// eslint-disable-next-line no-control-regex
export const calendarText = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ');

/** A commitment's UID: its id and creation time, so two databases never give the same one. */
export function commitmentUid(c: Pick<Commitment, 'id' | 'createdAt'>): string {
  return `fu-${c.id}-${c.createdAt.replace(/[-:]|\.\d+/g, '')}@fu`;
}

const who = (c: CalendarContact) => `${c.name}${c.company ? `, ${c.company}` : ''}`;

function describe(entry: AgendaEntry): string {
  const c = entry.contact;
  return calendarText([`${who(c)} (#${c.id})`, c.email, c.phone].filter(Boolean).join('\n'));
}

const plusMinutes = (at: Instant, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

/**
 * Open commitments as events: a timed next step for EVENT_MINUTES, a soft one
 * as an all-day entry on its date, a promise at its due time (`day.end` of its
 * date when it has none). Closed ones (done, cancelled, replaced) are left out.
 */
export function agendaEvents(entries: readonly AgendaEntry[], config: Pick<Config, 'dayEnd'>, zone: Zone): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const entry of entries) {
    const c = entry.commitment;
    // What they were to do is theirs, not an appointment or a promise of yours.
    if (c.state !== 'open' || c.kind === 'expectation') continue;
    const base = { uid: commitmentUid(c), sequence: entry.moves, description: describe(entry) };
    if (c.kind === 'next-step') {
      const summary = calendarText(`${c.what} (${who(entry.contact)})`);
      if ('at' in c.due) events.push({ ...base, summary, start: c.due.at, end: plusMinutes(c.due.at, EVENT_MINUTES), day: null });
      else events.push({ ...base, summary, start: null, end: null, day: c.due.date });
    } else {
      const at = dueInstant(c.due, config.dayEnd, zone);
      events.push({ ...base, summary: calendarText(`Promise to ${who(entry.contact)}: ${c.what}`), start: at, end: plusMinutes(at, EVENT_MINUTES), day: null });
    }
  }
  return events;
}

export type InvitationCheck = { ok: true; event: CalendarEvent } | { ok: false; problem: 'no-step' | 'soft' | 'not-cancelled' | 'not-a-next-step' };

/**
 * The invitation for a next step: the step's "what" as the summary, the same
 * UID as in the agenda, SEQUENCE the number of moves (one more for a
 * cancellation, which must outrank the last request).
 */
export function invitationEvent(entry: AgendaEntry | null, cancel: boolean): InvitationCheck {
  if (!entry) return { ok: false, problem: 'no-step' };
  const c = entry.commitment;
  if (c.kind !== 'next-step') return { ok: false, problem: 'not-a-next-step' };
  if (cancel && c.state !== 'cancelled' && c.state !== 'replaced') return { ok: false, problem: 'not-cancelled' };
  if (!cancel && c.state !== 'open') return { ok: false, problem: 'no-step' };
  if (!('at' in c.due)) return { ok: false, problem: 'soft' };
  return {
    ok: true,
    event: {
      uid: commitmentUid(c),
      sequence: entry.moves + (cancel ? 1 : 0),
      summary: calendarText(c.what),
      description: calendarText(c.what),
      start: c.due.at,
      end: plusMinutes(c.due.at, EVENT_MINUTES),
      day: null,
    },
  };
}

// ---- the zone's VTIMEZONE ---------------------------------------------------------

const MINUTE = 60_000;
const DAY = 86_400_000;

/** `+0100` */
function icsOffset(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** `20260329T020000`: the wall clock at `ms` read with `offset`. */
function icsLocal(ms: number, offset: number): string {
  const d = new Date(ms + offset);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()).replace(/-/g, '')}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** The instants (to the minute) where the zone's offset changes between `from` and `to`. */
function transitions(zone: Zone, from: number, to: number): { at: number; before: number; after: number }[] {
  const found: { at: number; before: number; after: number }[] = [];
  let prev = zone.offsetMs(from);
  for (let t = from + DAY; t <= to; t += DAY) {
    const off = zone.offsetMs(t);
    if (off === prev) continue;
    // Bisect, in whole minutes, to the first minute with the new offset.
    let lo = (t - DAY) / MINUTE;
    let hi = t / MINUTE;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offsetMs(mid * MINUTE) === prev) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi * MINUTE, before: prev, after: off });
    prev = off;
  }
  return found;
}

/**
 * The VTIMEZONE of `zone` for the years from `first` to `last` (local dates):
 * every change of offset in them, from the zone data the runtime has (no
 * rules guessed), and the offset in force before the first.
 */
export function vtimezone(zone: Zone, first: LocalDate, last: LocalDate): string {
  const from = Date.parse(`${first.slice(0, 4)}-01-01T00:00:00Z`) - DAY;
  const to = Date.parse(`${addDays(last, 366).slice(0, 4)}-01-01T00:00:00Z`);
  const changes = transitions(zone, from, to);
  const initial = zone.offsetMs(from);
  const offsets = [initial, ...changes.map((c) => c.after)];
  const standard = Math.min(...offsets);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone.name}`];
  const observance = (kind: string, start: string, before: number, after: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${icsOffset(before)}`, `TZOFFSETTO:${icsOffset(after)}`, `END:${kind}`);
  observance(initial === standard ? 'STANDARD' : 'DAYLIGHT', '19700101T000000', initial, initial);
  for (const c of changes) observance(c.after > c.before ? 'DAYLIGHT' : 'STANDARD', icsLocal(c.at, c.before), c.before, c.after);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The local dates from today to the last event (for the VTIMEZONE). */
export function spanOf(events: readonly CalendarEvent[], now: Instant, zone: Zone): { first: LocalDate; last: LocalDate } {
  const days = events.map((e) => (e.start ? localDateOf(e.start, zone) : e.day!));
  days.push(localDateOf(now, zone));
  days.sort();
  return { first: days[0]!, last: days[days.length - 1]! };
}
