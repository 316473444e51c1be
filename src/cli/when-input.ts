/** WHEN options, parsed with the one date parser, relative to the command's clock and zone. */
import { HORIZON, instantAt, localDateOf, withinHorizon } from '../domain/time.js';
import type { Instant, LocalDate } from '../domain/types.js';
import { parseWhen, type When } from '../domain/when.js';
import { usageError } from '../errors.js';
import type { Deps } from './io.js';

type Clock = Pick<Deps, 'now' | 'zone'>;

/** Every WHEN fu takes lies within the horizon (docs/data-safety.md): dates computed from it then stay real dates. */
function bounded(text: string, when: When): When {
  if (!withinHorizon(when.date)) throw usageError(`"${text}" (${when.date}) is outside ${HORIZON.words}: fu takes dates within them.`);
  return when;
}

/** A WHEN that is ahead of now (next steps, promises, return dates): weekdays resolve forward. */
export async function whenAhead(clock: Clock, text: string): Promise<When> {
  return bounded(text, await parseWhen(text, clock.now, clock.zone));
}

/** A local date from a WHEN (`--until`, `fu today --on`). */
export async function whenDate(clock: Clock, text: string): Promise<LocalDate> {
  return (await whenAhead(clock, text)).date;
}

/**
 * When a touch happened (`--on`): weekdays resolve backward and it cannot be
 * in the future. A past date without a time is taken as midday that day.
 */
export async function whenHappened(clock: Clock, text: string | undefined): Promise<Instant> {
  if (text === undefined) return clock.now;
  const when = bounded(text, await parseWhen(text, clock.now, clock.zone, { direction: 'backward' }));
  const today = localDateOf(clock.now, clock.zone);
  const at = when.hasTime ? when.at : when.date === today ? clock.now : instantAt(when.date, '12:00', clock.zone);
  if (Date.parse(at) > Date.parse(clock.now)) throw usageError(`--on "${text}" is in the future: log a touch once it has happened.`);
  return at;
}
