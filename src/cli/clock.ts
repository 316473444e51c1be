/** The current time: `$FU_NOW` when set (scripts, demos, tests), else the system clock. */
import { usageError } from '../errors.js';
import { HORIZON, instantAt, localDateOf, parseLocalDate, parseTimeOfDay, withinHorizon } from '../domain/time.js';
import type { Instant } from '../domain/types.js';

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Strict ISO-8601: a date, or a date-time with optional seconds and offset (local time in `tz` without one). */
export function parseIsoInstant(text: string, tz: string): Instant | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, date, time = '00:00', seconds = '00', fraction = '', zone] = m;
  if (!parseLocalDate(date!) || !parseTimeOfDay(time) || Number(seconds) > 59) return null;
  if (!zone) {
    const base = Date.parse(instantAt(date!, time, tz));
    return new Date(base + Number(seconds) * 1000 + Math.round(Number(`0${fraction || '.0'}`) * 1000)).toISOString();
  }
  const ms = Date.parse(`${date}T${time}:${seconds}${fraction}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function currentTime(fuNow: string | undefined, tz: string, systemNow: () => number): Instant {
  if (fuNow === undefined || fuNow === '') return new Date(systemNow()).toISOString();
  const parsed = parseIsoInstant(fuNow, tz);
  if (!parsed) throw usageError(`FU_NOW is not an ISO-8601 time: "${fuNow}".`, 'Use for example FU_NOW=2026-11-23T09:00:00Z, or unset it.');
  // The clock itself within the horizon (docs/data-safety.md), as every date fu takes.
  if (!withinHorizon(parsed) || !withinHorizon(localDateOf(parsed, tz))) throw usageError(`FU_NOW "${fuNow}" is outside ${HORIZON.words}.`, 'Use for example FU_NOW=2026-11-23T09:00:00Z, or unset it.');
  return parsed;
}
