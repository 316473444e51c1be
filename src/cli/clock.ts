/** The current time: `$FU_NOW` when set (scripts, demos, tests), else the system clock. */
import { usageError } from '../errors.js';
import { HORIZON, localDateOf, withinHorizon } from '../domain/time.js';
import { parseIsoInstant } from '../domain/when.js';
import type { Instant } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';

export function currentTime(fuNow: string | undefined, zone: Zone, systemNow: () => number): Instant {
  if (fuNow === undefined || fuNow === '') return new Date(systemNow()).toISOString();
  const parsed = parseIsoInstant(fuNow, zone);
  if (!parsed) throw usageError(`FU_NOW is not an ISO-8601 time: "${fuNow}".`, 'Use for example FU_NOW=2026-11-23T09:00:00Z, or unset it.');
  // The clock itself within the horizon (docs/data-safety.md), as every date fu takes.
  if (!withinHorizon(parsed) || !withinHorizon(localDateOf(parsed, zone)))
    throw usageError(`FU_NOW "${fuNow}" is outside ${HORIZON.words}.`, 'Use for example FU_NOW=2026-11-23T09:00:00Z, or unset it.');
  return parsed;
}
