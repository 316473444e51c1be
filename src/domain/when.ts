/**
 * The WHEN parser (WHEN and time, docs/rules.md). Pure: `now` and the zone are passed in. The forms people type
 * most are read here, without chrono-node: ISO, `+3d` and `+2w 10:00`,
 * today/tomorrow with a time, bare times, a weekday with a time (`tue 3pm`,
 * `next monday 10:30`) and `in 2 weeks 10am`, each giving what chrono-node gives.
 * Anything else in words goes to chrono-node's English parser, loaded only then:
 * it costs tens of milliseconds to load and compile, more than the rest of a command.
 */
import type { Component } from 'chrono-node';
import type { Instant, LocalDate } from './types.js';
import { usageError } from '../errors.js';
import {
  addDays,
  formatLocalDate,
  instantAt,
  localDateOf,
  localTimeOf,
  offsetMs,
  parseLocalDate,
  resolveLocal,
  startOfDay,
  wallClock,
  weekdayOf,
} from './time.js';
import type { Zone } from './zone.js';

/** A parsed WHEN: an instant when a time of day was given, else a local date. */
export type When = { hasTime: true; at: Instant; date: LocalDate } | { hasTime: false; date: LocalDate; partOfDay?: 'morning' | 'afternoon' | 'evening' };

export interface ParseWhenOptions {
  /** 'forward' (default): weekdays and bare times resolve to the next occurrence still ahead; 'backward': the latest not in the future. */
  direction?: 'forward' | 'backward';
}

type PartOfDay = 'morning' | 'afternoon' | 'evening';

const HINT = 'Try 2026-12-01 15:00, tomorrow 5pm, tue 3pm or +3d.';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PARTS = new Map<string, PartOfDay>([
  ['morning', 'morning'],
  ['afternoon', 'afternoon'],
  ['evening', 'evening'],
  ['night', 'evening'],
  ['tonight', 'evening'],
]);
const ISO = /^(\d+)-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)? ?(z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Weekday names as chrono-node reads them (a trailing dot allowed too), 0 = Sunday. */
const WEEKDAYS = new Map([
  ...['sunday', 'sun'].map((w) => [w, 0] as const),
  ...['monday', 'mon'].map((w) => [w, 1] as const),
  ...['tuesday', 'tue'].map((w) => [w, 2] as const),
  ...['wednesday', 'wed'].map((w) => [w, 3] as const),
  ...['thursday', 'thurs', 'thur', 'thu'].map((w) => [w, 4] as const),
  ...['friday', 'fri'].map((w) => [w, 5] as const),
  ...['saturday', 'sat'].map((w) => [w, 6] as const),
]);
const WEEKDAY = `(${[...WEEKDAYS.keys()].join('|')})\\.?`;
const WEEKDAY_FIRST = new RegExp(`^(?:(this|next|last|past) )?${WEEKDAY}(?:,? (?:at )?(.+))?$`);
const WEEKDAY_LAST = new RegExp(`^(.+?),? (?:on )?${WEEKDAY}$`);
/** `+2w 10:00`, `in 3 days`, `in a week 10am`: calendar days from today, as chrono-node counts them. */
const DAYS_ON = /^(?:\+(\d+) ?([dw])|in (\d+|a|one) (d|w)(?:ay|eek)s?)(?:,? (?:at )?(.+))?$/;

let chrono: typeof import('chrono-node/en') | undefined;

/** Test hook: whether chrono-node has been imported by this module. */
export const chronoLoaded = (): boolean => chrono !== undefined;

/** Thrown inside the parser with the reason; parseWhen turns it into the user-facing error. */
class Unreadable extends Error {}

/** A typed reading the clocks skip in the zone (Time, docs/rules.md); `after` is the same reading past the gap. */
class Skipped extends Error {
  constructor(
    readonly date: LocalDate,
    readonly time: string,
    readonly after: Instant,
  ) {
    super('');
  }
}

/** The instant the user's `date` `time` names: the earlier when it occurs twice; Skipped when never. */
function typedInstant(date: LocalDate, time: string, zone: Zone): number {
  const r = resolveLocal(date, time, zone);
  if (r.kind === 'skipped') throw new Skipped(date, time, r.after);
  return Date.parse(r.at);
}

interface Ctx {
  nowMs: number;
  zone: Zone;
  today: LocalDate;
  forward: boolean;
}

export function parseWhen(text: string, now: Instant, zone: Zone, options: ParseWhenOptions = {}): Promise<When> {
  return read(text, now, zone, options, true);
}

/** Test hook: `parseWhen` with chrono-node reading every form in words, to check that the fast forms agree with it. */
export function parseWhenWithChrono(text: string, now: Instant, zone: Zone, options: ParseWhenOptions = {}): Promise<When> {
  return read(text, now, zone, options, false);
}

async function read(text: string, now: Instant, zone: Zone, options: ParseWhenOptions, fastForms: boolean): Promise<When> {
  const nowMs = Date.parse(now);
  const ctx: Ctx = { nowMs, zone, today: localDateOf(nowMs, zone), forward: options.direction !== 'backward' };
  try {
    const s = text
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/^(?:(?:at|on|by) )+/, '');
    if (s === '') throw new Unreadable('it is empty');
    return (fastForms ? fast(s, ctx) : undefined) ?? (await natural(text.trim(), ctx));
  } catch (e) {
    if (e instanceof Skipped) {
      const after = `${localDateOf(e.after, zone)} ${localTimeOf(e.after, zone)}`;
      throw usageError(`${e.date} ${e.time} does not exist in ${zone.name}: the clocks skip it`, `The first valid time after it is ${after}.`);
    }
    if (!(e instanceof Unreadable)) throw e;
    throw usageError(`cannot read the date "${text}"${e.message ? `: ${e.message}` : ''}`, HINT);
  }
}

/** The forms read without chrono; undefined when `s` is none of them. */
function fast(s: string, c: Ctx): When | undefined {
  let m: RegExpExecArray | null;
  const iso = readIso(s, c.zone);
  if (iso) return iso;
  if ((m = /^\+(\d+) ?([dwmh])$/.exec(s))) {
    const n = Number(m[1]);
    if (m[2] === 'h') return timed(c.nowMs + n * 3_600_000, c.zone);
    return dateOnly(m[2] === 'm' ? addMonths(c.today, n) : addDays(c.today, m[2] === 'w' ? 7 * n : n));
  }
  if (s === 'now') return timed(c.nowMs, c.zone);
  if ((m = /^(today|tonight|tomorrow|yesterday)(?: (?:at )?(.+))?$/.exec(s))) {
    const date = addDays(c.today, m[1] === 'tomorrow' ? 1 : m[1] === 'yesterday' ? -1 : 0);
    const part = PARTS.get(m[2] ?? m[1]!);
    return part ? dateOnly(date, part) : onDate(date, m[2], c);
  }
  if ((m = DAYS_ON.exec(s))) {
    const n = /^\d/.test(m[1] ?? m[3]!) ? Number(m[1] ?? m[3]) : 1;
    return onDate(addDays(c.today, (m[2] ?? m[4]) === 'w' ? 7 * n : n), m[5], c);
  }
  if ((m = WEEKDAY_FIRST.exec(s))) return onWeekday(WEEKDAYS.get(m[2]!)!, m[1], m[3], c);
  if ((m = WEEKDAY_LAST.exec(s)) && clock(m[1]!)) return onWeekday(WEEKDAYS.get(m[2]!)!, undefined, m[1], c);
  const time = clock(s);
  if (!time) return undefined;
  let date = c.today;
  if (c.forward && Date.parse(instantAt(date, time, c.zone)) <= c.nowMs) date = addDays(date, 1);
  return timed(typedInstant(date, time, c.zone), c.zone);
}

/** `date`, at the time of day `rest` names if there is one; undefined when `rest` is not a time. */
function onDate(date: LocalDate, rest: string | undefined, c: Ctx): When | undefined {
  const day = dateOnly(date);
  if (rest === undefined) return day;
  const time = clock(rest);
  return time === undefined ? undefined : timed(typedInstant(date, time, c.zone), c.zone);
}

/**
 * A weekday, alone, with a time of day or a part of the day. Without a word
 * before it, it is the next occurrence still ahead (the latest one not in the
 * future, backward); `this`, `next` and `last` are read as chrono-node reads
 * them, whatever the direction: `this tue` is the coming Tuesday (today on a
 * Tuesday), `last tue` the one before today, and `next tue` the Tuesday of
 * next week, weeks running Monday to Sunday (on a Sunday, `next monday` is
 * tomorrow).
 */
function onWeekday(weekday: number, modifier: string | undefined, rest: string | undefined, c: Ctx): When | undefined {
  const part = rest === 'tonight' ? undefined : PARTS.get(rest ?? '');
  const time = rest === undefined || part ? undefined : (clock(rest) ?? workingHour(rest));
  if (rest !== undefined && !part && !time) return undefined;
  const instantOn = (date: LocalDate) => Date.parse(instantAt(date, time!, c.zone));
  const ahead = (weekday - weekdayOf(c.today) + 7) % 7;
  const date =
    modifier === 'this'
      ? addDays(c.today, ahead)
      : modifier === 'next'
        ? addDays(c.today, 7 - ((weekdayOf(c.today) + 6) % 7) + ((weekday + 6) % 7))
        : modifier
          ? addDays(c.today, ahead - 7)
          : weekdayDate(weekday, c, fitsFor(c, time ? instantOn : undefined));
  return time ? timed(typedInstant(date, time, c.zone), c.zone) : dateOnly(date, part);
}

/** This week's `weekday`, or the one a week later (earlier, backward) when it does not fit. */
function weekdayDate(weekday: number, c: Ctx, fits: (date: LocalDate) => boolean): LocalDate {
  const ahead = (weekday - weekdayOf(c.today) + 7) % 7;
  const date = addDays(c.today, c.forward || ahead === 0 ? ahead : ahead - 7);
  return fits(date) ? date : addDays(date, c.forward ? 7 : -7);
}

/** Whether a date (at `instantOn(date)` when there is a time) is ahead of now, forward; not after now, backward. */
function fitsFor(c: Ctx, instantOn?: (date: LocalDate) => number): (date: LocalDate) => boolean {
  return (date) => (c.forward ? (instantOn ? instantOn(date) > c.nowMs : date >= c.today) : instantOn ? instantOn(date) <= c.nowMs : date <= c.today);
}

/**
 * ISO-8601, read here only (a WHEN, and FU_NOW through parseIsoInstant): a date
 * (`2026-12-01`), or a date and time with optional seconds, fraction and offset
 * (`2026-12-01T15:00`, `2026-12-01 15:00:30.5+01:00`, `...Z`), letters in either
 * case; without an offset, the wall clock in `zone`. Undefined when `s` is not
 * shaped like ISO; Unreadable when it is but names no real date or time.
 */
function readIso(s: string, zone: Zone): When | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const date = localDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (m[4] === undefined) return dateOnly(date);
  const time = clock(`${m[4]}:${m[5]}`)!;
  const seconds = Number(m[6] ?? 0);
  if (seconds > 59) throw new Unreadable(`${m[4]}:${m[5]}:${m[6]} is not a time of day`);
  const extra = seconds * 1000 + Math.round(Number(`0.${m[7] ?? 0}`) * 1000);
  if (!m[8]) return timed(typedInstant(date, time, zone) + extra, zone);
  // An explicit offset names the instant itself, whatever the user's zone.
  const off = /^([+-])(\d{2}):?(\d{2})?$/.exec(m[8]);
  const minutes = off ? Number(off[2]) * 60 + Number(off[3] ?? 0) : 0;
  if (off && (Number(off[2]) > 23 || Number(off[3] ?? 0) > 59)) throw new Unreadable(`${m[8]} is not a UTC offset`);
  return timed(Date.parse(`${date}T${time}:00Z`) + extra - (off?.[1] === '-' ? -minutes : minutes) * 60_000, zone);
}

/** An ISO-8601 text (readIso) as an instant, a date alone at the start of that day in `zone`; null when it is none. */
export function parseIsoInstant(text: string, zone: Zone): Instant | null {
  try {
    const when = readIso(text.trim(), zone);
    if (!when) return null;
    return when.hasTime ? when.at : startOfDay(when.date, zone);
  } catch (e) {
    if (e instanceof Unreadable || e instanceof Skipped) return null;
    throw e;
  }
}

/** Natural language through chrono, resolved against the local calendar in `c.zone`. */
async function natural(input: string, c: Ctx): Promise<When> {
  chrono ??= await import('chrono-node/en');
  // Chrono reads its reference through Date's local getters; giving it the zone's
  // offset makes those read the wall clock in `c.zone`, whatever the process zone.
  const results = chrono.parse(input, { instant: new Date(c.nowMs), timezone: offsetMs(c.nowMs, c.zone) / 60_000 });
  const r = results[0];
  if (!r) throw new Unreadable('');
  const rest = input.slice(0, r.index) + ' ' + input.slice(r.index + r.text.length);
  if (results.length > 1 || !/^(?:[\s,]|\b(?:at|on|by)\b)*$/i.test(rest)) throw new Unreadable(`only "${r.text}" reads as a date`);

  const s = r.start;
  const get = (k: Component) => s.get(k) ?? 0;
  if (r.tags().has('result/relativeDateAndTime')) {
    // "in 2 hours": elapsed time from now, so a DST change in between does not shift it.
    const w = wallClock(c.nowMs, c.zone);
    const target = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return timed(c.nowMs + target - Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second), c.zone);
  }

  const hasTime = s.isCertain('hour');
  const time = `${pad(get('hour'))}:${pad(get('minute'))}`;
  const offsetMinutes = s.isCertain('timezoneOffset') ? get('timezoneOffset') : null;
  // Built here rather than by chrono so the offset is the one of the target date.
  const instantOn = (date: LocalDate) =>
    offsetMinutes === null ? Date.parse(instantAt(date, time, c.zone)) : Date.parse(`${date}T${time}:00Z`) - offsetMinutes * 60_000;
  const fits = fitsFor(c, hasTime ? instantOn : undefined);

  let date: LocalDate;
  const modifier = /\b(?:this|next|last|past)\b/i.test(r.text);
  if (s.isCertain('weekday') && !s.isCertain('day') && !s.isCertain('month') && !modifier) {
    // Chrono picks the closest weekday; we want the next (or latest) occurrence.
    date = weekdayDate(get('weekday'), c, fits);
  } else if (!(['weekday', 'day', 'month', 'year'] as const).some((k) => s.isCertain(k))) {
    date = c.forward && !fits(c.today) ? addDays(c.today, 1) : c.today;
  } else if (s.isCertain('month') && !s.isCertain('year')) {
    const year = Number(c.today.slice(0, 4));
    date = localDate(year, get('month'), get('day'));
    if (!fits(date)) date = localDate(year + (c.forward ? 1 : -1), get('month'), get('day'));
  } else {
    date = localDate(get('year'), get('month'), get('day'));
  }
  if (hasTime) return timed(offsetMinutes === null ? typedInstant(date, time, c.zone) : instantOn(date), c.zone);
  const part = [...r.tags()].map((t) => PARTS.get(t.replace('casualReference/', ''))).find(Boolean);
  return dateOnly(date, part);
}

/** `HH:MM` for `5pm`, `5:30 pm`, `17:00`, `noon`, `midnight`; undefined when not shaped like a time. */
function clock(s: string): string | undefined {
  if (s === 'noon') return '12:00';
  if (s === 'midnight') return '00:00';
  const m = /^(\d{1,2})(?::(\d{2}))? ?([ap]m)$/.exec(s) ?? /^(\d{1,2}):(\d{2})()$/.exec(s);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3]) hour = hour < 1 || hour > 12 ? 99 : (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  if (hour > 23 || minute > 59) throw new Unreadable(`${s} is not a time of day`);
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * A bare hour after a weekday (`mon 9`), read as a working hour (WHEN and time,
 * docs/rules.md): 7 to 11 in the morning, 12 noon, 1 to 6 in the afternoon.
 * Undefined when `s` is not a whole hour from 1 to 12.
 */
function workingHour(s: string): string | undefined {
  const hour = /^\d{1,2}$/.test(s) ? Number(s) : 0;
  if (hour < 1 || hour > 12) return undefined;
  return `${pad(hour >= 7 ? hour : hour + 12)}:00`;
}

function localDate(year: number, month: number, day: number): LocalDate {
  if (year < 1000 || year > 9999) throw new Unreadable(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new Unreadable(`there is no month ${month}`);
  const date = formatLocalDate(year, month, day);
  if (!parseLocalDate(date)) throw new Unreadable(`${MONTHS[month - 1]} has no ${ordinal(day)} day`);
  return date;
}

/** Same day of the month `n` months later, clamped to the month's end (31 Jan + 1m = 28 Feb). */
function addMonths(date: LocalDate, n: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + m - 1 + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return formatLocalDate(year, month, Math.min(d, last));
}

function dateOnly(date: LocalDate, partOfDay?: PartOfDay): When {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Unreadable('it is too far away');
  return partOfDay ? { hasTime: false, date, partOfDay } : { hasTime: false, date };
}

function timed(ms: number, zone: Zone): When {
  const at = Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : '';
  if (!/^\d{4}-/.test(at)) throw new Unreadable('it is too far away');
  return { hasTime: true, at, date: localDateOf(at, zone) };
}

const pad = (n: number) => String(n).padStart(2, '0');

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
