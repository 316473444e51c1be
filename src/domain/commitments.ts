/** How a commitment stands at a given moment (R3, docs/rules.md). */
import { dueDate, dueInstant } from './time.js';
import type { Commitment, CommitmentState, Config, Instant, LocalDate } from './types.js';
import type { Zone } from './zone.js';

/**
 * `missed` is derived, never stored: a next step is missed once its local day
 * has ended without a two-way touch; a promise or an expectation once its due
 * time has passed (a date-only one is due at `day.end`).
 */
export function isMissed(
  c: Pick<Commitment, 'kind' | 'due' | 'state'>,
  now: Instant,
  today: LocalDate,
  config: Pick<Config, 'dayEnd'>,
  zone: Zone,
  /** Its local due day, when the caller has it already (fu today, for a thousand commitments). */
  day?: LocalDate,
): boolean {
  if (c.state !== 'open') return false;
  if (c.kind === 'next-step') return (day ?? dueDate(c.due, zone)) < today;
  return dueInstant(c.due, config.dayEnd, zone) < now;
}

export function effectiveState(c: Commitment, now: Instant, today: LocalDate, config: Pick<Config, 'dayEnd'>, zone: Zone): CommitmentState {
  return isMissed(c, now, today, config, zone) ? 'missed' : c.state;
}
