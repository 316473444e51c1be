/**
 * Calendar arithmetic in an explicit time zone. Pure: the zone is always
 * passed in (a Zone, domain/zone.ts), never read from the process. Day arithmetic works on local dates
 * (`YYYY-MM-DD`), so "3 days after Monday" is Thursday across DST changes.
 */
import type { Instant, LocalDate } from './types.js';
import type { Zone } from './zone.js';

/** The first and last dates fu accepts or computes from (docs/data-safety.md): every computed date (a chase, a check-in) then stays a four-digit year. */
export const HORIZON = { first: '1900-01-01', last: '2999-12-31', words: 'the years 1900 to 2999' } as const;

/** Whether a `YYYY-MM-DD` date (or the date part of an ISO instant) lies within the horizon. */
export function withinHorizon(date: string): boolean {
  const day = date.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= HORIZON.first && day <= HORIZON.last;
}

const MS_PER_DAY = 86_400_000;

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `zone` at the instant `ms`: UTC shifted by the offset, read natively. */
export function wallClock(ms: number, zone: Zone): WallClock {
  const d = new Date(ms + zone.offsetMs(ms));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Offset of `zone` from UTC at the instant `ms`, in milliseconds (east positive). */
export function offsetMs(ms: number, zone: Zone): number {
  return zone.offsetMs(ms);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The local calendar date of an instant in `zone`. */
export function localDateOf(at: Instant | number, zone: Zone): LocalDate {
  return dateOfDay(dayNumberOf(at, zone));
}

/** `HH:MM` of an instant in `zone`. */
export function localTimeOf(at: Instant, zone: Zone): string {
  const w = wallClock(Date.parse(at), zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Parses `YYYY-MM-DD` strictly (no 30 February); null when impossible. */
export function parseLocalDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * `compute`, remembered by argument: the daily commands work on a few hundred
 * distinct dates, thousands of times. Bounded, for a long-lived caller.
 */
function memoized<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      value = compute(key);
      if (known.size > 10_000) known.clear();
      known.set(key, value);
    }
    return value as V;
  };
}

/** Days since 1970-01-01 to `YYYY-MM-DD`. */
const dateOfDay = memoized((day: number): LocalDate => {
  const d = new Date(day * MS_PER_DAY);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
});

/** Midnight UTC of a local date, as milliseconds; null when it is not a real date. */
const utcMsOf = memoized((date: LocalDate): number | null => {
  const p = parseLocalDate(date);
  return p ? Date.UTC(p.year, p.month - 1, p.day) : null;
});

function dateToUtcMs(date: LocalDate): number {
  const ms = utcMsOf(date);
  if (ms === null) throw new Error(`not a local date: ${date}`);
  return ms;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDay(Math.round(dateToUtcMs(date) / MS_PER_DAY) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / MS_PER_DAY);
}

/** Whole calendar days from the local day of `at` in `zone` to `to`: daysBetween(localDateOf(at, zone), to), without making the date. */
export function daysFrom(at: Instant, to: LocalDate, zone: Zone): number {
  return dayNumber(to) - dayNumberOf(at, zone);
}

/** A local date as a day number: days since 1970-01-01. Counting days between numbers parses no date (fu stale counts thousands). */
export function dayNumber(date: LocalDate): number {
  return Math.round(dateToUtcMs(date) / MS_PER_DAY);
}

/** The day number (dayNumber) of the local day of an instant in `zone`, without making the date. */
export function dayNumberOf(at: Instant | number, zone: Zone): number {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Math.floor((ms + zone.offsetMs(ms)) / MS_PER_DAY);
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(dateToUtcMs(date)).getUTCDay();
}

/** Parses `HH:MM` (00:00-23:59); null when impossible. */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/**
 * How a local date and time maps onto instants in a zone (Time, docs/rules.md):
 * once; twice, when the clocks go back (`at` is the earlier); or never, when they
 * go forward (`after` is the same reading moved past the gap: 02:30 in a one-hour
 * gap is 03:30).
 */
export type LocalInstant = { kind: 'exact'; at: Instant } | { kind: 'overlap'; at: Instant } | { kind: 'skipped'; after: Instant };

export function resolveLocal(date: LocalDate, time: string, zone: Zone): LocalInstant {
  const t = parseTimeOfDay(time);
  const day = utcMsOf(date);
  if (!t || day === null) throw new Error(`not a local date and time: ${date} ${time}`);
  const naive = day + (t.hour * 60 + t.minute) * 60_000;
  // The offsets a day either side bound any clock change near this reading; each
  // is a candidate, kept when the zone really has that offset at the instant it gives.
  const before = zone.offsetMs(naive - MS_PER_DAY);
  const after = zone.offsetMs(naive + MS_PER_DAY);
  // Most days: one offset either side, and the reading falls on it. The general case below gives the same answer.
  if (before === after && zone.offsetMs(naive - before) === before) return { kind: 'exact', at: new Date(naive - before).toISOString() };
  const fits = [...new Set([before, after, zone.offsetMs(naive - before)])]
    .map((off) => naive - off)
    .filter((ms) => zone.offsetMs(ms) === naive - ms)
    .sort((a, b) => a - b);
  const iso = (ms: number) => new Date(ms).toISOString();
  if (fits.length === 0) return { kind: 'skipped', after: iso(naive - before) };
  return { kind: fits.length > 1 ? 'overlap' : 'exact', at: iso(fits[0]!) };
}

/**
 * The instant at which the wall clock in `zone` reads `date` `hh:mm`: the
 * earlier one when it reads so twice; past the gap when never (for the times
 * fu derives, like `day.end`; what the user types goes through resolveLocal).
 */
export function instantAt(date: LocalDate, time: string, zone: Zone): Instant {
  let known = instantsIn.get(zone);
  if (!known) {
    known = memoized((reading: string) => {
      const space = reading.indexOf(' ');
      const r = resolveLocal(reading.slice(0, space), reading.slice(space + 1), zone);
      return r.kind === 'skipped' ? r.after : r.at;
    });
    instantsIn.set(zone, known);
  }
  return known(`${date} ${time}`);
}

/**
 * instantAt's answers, per zone: every date-only due is reached at `day.end` of its date,
 * and fu stale and fu today ask that of a few hundred dates thousands of times.
 */
const instantsIn = new WeakMap<Zone, (reading: string) => Instant>();

/** The first instant of a local day. */
export function startOfDay(date: LocalDate, zone: Zone): Instant {
  return instantAt(date, '00:00', zone);
}

/** The instant a date-only due is reached: `dayEnd` of that date for promises. */
export function dueInstant(due: { at: Instant } | { date: LocalDate }, dayEnd: string, zone: Zone): Instant {
  return 'at' in due ? due.at : instantAt(due.date, dayEnd, zone);
}

/** The local date a due falls on. */
export function dueDate(due: { at: Instant } | { date: LocalDate }, zone: Zone): LocalDate {
  return 'at' in due ? localDateOf(due.at, zone) : due.date;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 24 Nov" of a date: fu stale names a few hundred distinct days thousands of times. */
const dayName = memoized((date: LocalDate): string => {
  // One parse (remembered) and one Date give the weekday, the day and the month.
  const d = new Date(dateToUtcMs(date));
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
});

/** "Tue 24 Nov" (with the year when it is not the year of `today`). */
export function formatDay(date: LocalDate, today?: LocalDate): string {
  const base = dayName(date);
  return today && today.slice(0, 4) !== date.slice(0, 4) ? `${base} ${Number(date.slice(0, 4))}` : base;
}

/**
 * "Tue 24 Nov 15:00" for an instant, "Tue 24 Nov" for a date: every write prints this.
 * A time the clock reads twice (clocks going back) says which: "Sun 1 Nov 01:30 (UTC-04:00)".
 */
export function formatDue(due: { at: Instant } | { date: LocalDate }, zone: Zone, today?: LocalDate): string {
  if ('date' in due) return formatDay(due.date, today);
  const date = localDateOf(due.at, zone);
  const time = localTimeOf(due.at, zone);
  const shown = `${formatDay(date, today)} ${time}`;
  const ms = Date.parse(due.at);
  // Only a day with a change of offset can hold a repeated reading: the common case asks no more.
  if (zone.offsetMs(ms - MS_PER_DAY) === zone.offsetMs(ms + MS_PER_DAY)) return shown;
  return resolveLocal(date, time, zone).kind === 'overlap' ? `${shown} (UTC${offsetSuffix(zone.offsetMs(ms))})` : shown;
}

/**
 * ISO-8601 with the zone's offset, for --json and piped output: `2026-11-24T15:00:00-05:00`. `ms` is the instant as
 * milliseconds when the caller has it, to the second at least (what is shown): fu stale prints thousands of instants
 * whose seconds the store keeps (StaleRow.twoWaySince), and parsing each would cost more than the rest of this.
 */
export function isoWithOffset(at: Instant, zone: Zone, ms: number = Date.parse(at)): string {
  const offset = zone.offsetMs(ms);
  const local = ms + offset;
  const day = Math.floor(local / MS_PER_DAY);
  // Most instants are fu's own (toISOString's form: 2026-11-24T20:00:00.000Z, in UTC), in a zone a whole number of hours
  // from UTC, on the same day there as in UTC: the text itself, with its hour moved (fu stale prints thousands of them).
  if (offset % MS_PER_HOUR === 0 && at.length === 24 && at.charCodeAt(10) === 84 && at.charCodeAt(23) === 90 && day === Math.floor(ms / MS_PER_DAY)) {
    return `${at.slice(0, 11)}${HOURS[Math.floor((local - day * MS_PER_DAY) / MS_PER_HOUR)]}${at.slice(13, 19)}${offsetSuffix(offset)}`;
  }
  // Else the local wall clock is UTC shifted by the offset: its day and its second of the day, each worded once.
  return `${dateOfDay(day)}T${clockOf(Math.floor((local - day * MS_PER_DAY) / 1000))}${offsetSuffix(offset)}`;
}

const MS_PER_HOUR = 3_600_000;
/** `00` to `23`. */
const HOURS = Array.from({ length: 24 }, (_, h) => pad(h));

/** `HH:MM:SS` of a second of the day. */
const clockOf = memoized((second: number): string => `${pad(Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`);

/** `+01:00` for an offset in milliseconds (whole minutes). Remembered: a zone has a few offsets, and fu stale prints thousands of instants. */
const offsetSuffix = memoized((offsetMs: number): string => {
  const off = Math.round(offsetMs / 60_000);
  const abs = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
});
