/** The current time: `$FU_NOW` when set (scripts, demos, tests), else the system clock. */
import { usageError } from '../errors.js';
import { HORIZON, instantAt, localDateOf, parseLocalDate, parseTimeOfDay, withinHorizon } from '../domain/time.js';
import type { Instant } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Strict ISO-8601: a date, or a date-time with optional seconds and offset (local time in `zone` without one). */
export function parseIsoInstant(text: string, zone: Zone): Instant | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, date, time = '00:00', seconds = '00', fraction = '', offset] = m;
  if (!parseLocalDate(date!) || !parseTimeOfDay(time) || Number(seconds) > 59) return null;
  if (!offset) {
    const base = Date.parse(instantAt(date!, time, zone));
    return new Date(base + Number(seconds) * 1000 + Math.round(Number(`0${fraction || '.0'}`) * 1000)).toISOString();
  }
  const ms = Date.parse(`${date}T${time}:${seconds}${fraction}${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function currentTime(fuNow: string | undefined, zone: Zone, systemNow: () => number): Instant {
  if (fuNow === undefined || fuNow === '') return new Date(systemNow()).toISOString();
  const parsed = parseIsoInstant(fuNow, zone);
  if (!parsed) throw usageError(`FU_NOW is not an ISO-8601 time: "${fuNow}".`, 'Use for example FU_NOW=2026-11-23T09:00:00Z, or unset it.');
  // The clock itself within the horizon (docs/data-safety.md), as every date fu takes.
  if (!withinHorizon(parsed) || !withinHorizon(localDateOf(parsed, zone))) throw usageError(`FU_NOW "${fuNow}" is outside ${HORIZON.words}.`, 'Use for example FU_NOW=2026-11-23T09:00:00Z, or unset it.');
  return parsed;
}
