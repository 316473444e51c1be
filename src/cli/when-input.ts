/** WHEN options, parsed with the one date parser, relative to the command's clock and zone. */
import { instantAt, localDateOf } from '../domain/time.js';
import type { Instant, LocalDate } from '../domain/types.js';
import { parseWhen, type When } from '../domain/when.js';
import { usageError } from '../errors.js';
import type { Deps } from './io.js';

type Clock = Pick<Deps, 'now' | 'zone'>;

/** A WHEN that is ahead of now (next steps, promises, return dates): weekdays resolve forward. */
export function whenAhead(clock: Clock, text: string): Promise<When> {
  return parseWhen(text, clock.now, clock.zone);
}

/** A local date from a WHEN (`--until`, `fu today --on`). */
export async function whenDate(clock: Clock, text: string): Promise<LocalDate> {
  return (await parseWhen(text, clock.now, clock.zone)).date;
}

/**
 * When a touch happened (`--on`): weekdays resolve backward and it cannot be
 * in the future. A past date without a time is taken as midday that day.
 */
export async function whenHappened(clock: Clock, text: string | undefined, flag = '--on'): Promise<Instant> {
  if (text === undefined) return clock.now;
  const when = await parseWhen(text, clock.now, clock.zone, { direction: 'backward' });
  const today = localDateOf(clock.now, clock.zone);
  const at = when.hasTime ? when.at : when.date === today ? clock.now : instantAt(when.date, '12:00', clock.zone);
  if (Date.parse(at) > Date.parse(clock.now)) throw usageError(`${flag} "${text}" is in the future: log a touch once it has happened.`);
  return at;
}
