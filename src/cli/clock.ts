/** The current time: `$FU_NOW` when set (scripts, demos, tests), else the system clock. */
import { usageError } from '../errors.js';
import { parseIsoInstant } from '../domain/when.js';
import type { Instant } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';

export function currentTime(fuNow: string | undefined, zone: Zone, systemNow: () => number): Instant {
  if (fuNow === undefined || fuNow === '') return new Date(systemNow()).toISOString();
  const parsed = parseIsoInstant(fuNow, zone);
  if (!parsed) throw usageError(`FU_NOW is not an ISO-8601 time: "${fuNow}".`, 'Use for example FU_NOW=2026-11-23T09:00:00Z, or unset it.');
  return parsed;
}
