/** How a commitment stands at a given moment (R3, docs/rules.md). */
import { dueDate, dueInstant } from './time.js';
import type { Commitment, CommitmentState, Config, Instant, LocalDate } from './types.js';

/**
 * `missed` is derived, never stored: a next step is missed once its local day
 * has ended without a two-way touch; a promise once its due time has passed
 * (a date-only promise is due at `day.end`).
 */
export function isMissed(c: Pick<Commitment, 'kind' | 'due' | 'state'>, now: Instant, today: LocalDate, config: Pick<Config, 'dayEnd'>, tz: string): boolean {
  if (c.state !== 'open') return false;
  if (c.kind === 'next-step') return dueDate(c.due, tz) < today;
  return dueInstant(c.due, config.dayEnd, tz) < now;
}

export function effectiveState(c: Commitment, now: Instant, today: LocalDate, config: Pick<Config, 'dayEnd'>, tz: string): CommitmentState {
  return isMissed(c, now, today, config, tz) ? 'missed' : c.state;
}
