/** The disposition flags, shared by `fu log` and `fu add --met`. */
import type { Command } from 'commander';
import type { TouchInput } from '../domain/rules.js';
import { usageError } from '../errors.js';
import { formatDay } from '../domain/time.js';
import type { LocalDate, Touch } from '../domain/types.js';
import { requiredText } from './input.js';
import { safe } from './output.js';

export interface DispositionOptions {
  won?: boolean;
  lost?: string;
  nurture?: boolean;
  notFit?: boolean;
}

export function addDispositionOptions(cmd: Command): Command {
  return cmd
    .option('--won', 'the deal is won')
    .option('--lost <reason>', 'the deal is lost, and why')
    .option('--nurture', 'not now: move to nurture')
    .option('--not-fit', 'not a fit: nurture with a first check-in months away');
}

/** The disposition flags given, as one value; more than one is a usage error. */
export function dispositionOf(opts: DispositionOptions): TouchInput['disposition'] {
  const given: NonNullable<TouchInput['disposition']>[] = [];
  if (opts.won) given.push({ kind: 'won', reason: null });
  if (opts.lost !== undefined) given.push({ kind: 'lost', reason: requiredText('--lost', opts.lost) });
  if (opts.nurture) given.push({ kind: 'nurture', reason: null });
  if (opts.notFit) given.push({ kind: 'not-fit', reason: null });
  if (given.length > 1) throw usageError('Give one disposition at most: --won, --lost REASON, --nurture or --not-fit.');
  return given[0] ?? null;
}

/** A next step and a disposition other than won exclude each other; --next and --at go together. */
export function checkNextAndDisposition(opts: { next?: string; at?: string; soft?: boolean }, disposition: TouchInput['disposition']): void {
  if ((opts.next === undefined) !== (opts.at === undefined)) throw usageError('--next and --at go together: what the next step is, and when.');
  // A won deal may book its kickoff in the same command (docs/rules.md, won and lost).
  if (opts.next !== undefined && disposition && disposition.kind !== 'won')
    throw usageError(`--next and --${disposition.kind} do not go together: book a next step or close the contact out, not both.`);
  if (opts.soft && opts.next === undefined) throw usageError('--soft applies to a next step: give --next WHAT --at WHEN with it.');
}

/** What a disposition did, in words: one line, or none. */
export function dispositionLine(touch: Pick<Touch, 'disposition' | 'lostReason'>, nurtureDueOn: LocalDate | null, today: LocalDate): string | null {
  const next = nurtureDueOn ? formatDay(nurtureDueOn, today) : 'not set';
  switch (touch.disposition) {
    case 'won':
      return 'Marked won. Congratulations.';
    case 'lost':
      return `Marked lost: ${safe(touch.lostReason)}.`;
    case 'nurture':
      return `Moved to nurture: next value touch ${next}.`;
    case 'not-fit':
      return `Not a fit for now: moved to nurture, first check-in ${next}.`;
    default:
      return null;
  }
}
