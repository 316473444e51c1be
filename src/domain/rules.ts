/**
 * The follow-up rules R1-R7 (docs/rules.md). Each check returns a plan of
 * what to write or the first rule it breaks; it never writes, prints or reads
 * the clock. Several broken rules: R2 (bad dates) first, then R1, R7, R4, R5.
 * A refusal is a rule id, a reason code and the facts behind it: the CLI
 * words it (and names the flags that fix it).
 */
import { chronological, isOutboundChase, isTwoWay, sequenceOf } from './derive.js';
import { dueDate, dueInstant, localDateOf } from './time.js';
import type { Channel, Commitment, CommitmentKind, Config, DispositionKind, Due, Instant, LocalDate, Outcome, Status, Touch } from './types.js';
import type { When } from './when.js';
import { addWorkdays, latestBefore, workdaysOf } from './workdays.js';
import type { Zone } from './zone.js';

type PartOfDay = NonNullable<Extract<When, { hasTime: false }>['partOfDay']>;

export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';
/** Why a touch or a step is refused; `data` holds the facts the words need. */
export type RuleViolation =
  /** A conversation without a next step ahead or a disposition (metAt: the event where they met, for a new contact). */
  | { rule: 'R1'; reason: 'no-next-step'; data: { metAt: string | null } }
  /** A next step that is not ahead. */
  | { rule: 'R2'; reason: 'step-in-past'; data: { due: Due } }
  /** A next step with a date but no time, not accepted as soft. */
  | { rule: 'R2'; reason: 'step-without-time'; data: { date: LocalDate; partOfDay: PartOfDay | null } }
  /** A promise due in the past (a date-only one at config.dayEnd). */
  | { rule: 'R2'; reason: 'promise-in-past'; data: { what: string; due: Due } }
  /** What they will do, dated in the past (a date-only one at config.dayEnd). */
  | { rule: 'R2'; reason: 'expectation-in-past'; data: { what: string; due: Due } }
  /** A proposal sent without a firm review meeting booked. */
  | { rule: 'R7'; reason: 'proposal-without-review'; data: Record<string, never> }
  /** The sequence is over: `count` unanswered attempts, the limit `limit`. */
  | { rule: 'R4'; reason: 'attempt-limit'; data: { count: number; limit: number } }
  /** A chase of a nurture contact. */
  | { rule: 'R4'; reason: 'nurture'; data: Record<string, never> }
  /** Too soon after the last attempt (on `last`): the next one is due on `due`. */
  | { rule: 'R5'; reason: 'too-soon'; data: { last: LocalDate; gapDays: number; due: LocalDate } }
  /** A no-show with no booked next step to miss. */
  | { rule: 'R3'; reason: 'no-show-without-step'; data: Record<string, never> }
  /** A backfilled attempt that would make the sequence `count` attempts long, past the limit. */
  | { rule: 'R4'; reason: 'backfill-over-limit'; data: { count: number; limit: number } }
  /** A backfilled attempt too close to the later attempt on `later`. */
  | { rule: 'R5'; reason: 'too-close-to-later'; data: { later: LocalDate; gapDays: number; latest: LocalDate } }
  /** They are away until `until`. */
  | { rule: 'R5'; reason: 'away'; data: { until: LocalDate } };
export type RefusalReason = RuleViolation['reason'];

export interface ContactState {
  id: number;
  status: Status;
  /** All touches, oldest first. */
  touches: Touch[];
  /** Its commitments in state 'open'. */
  open: Commitment[];
}

export interface NextStepInput {
  what: string;
  when: When;
}

export interface TouchInput {
  at: Instant;
  channel: Channel;
  outcome: Outcome;
  note: string | null;
  next: NextStepInput | null;
  soft: boolean;
  promises: { what: string; by: When }[];
  /** What they said they would do by a date: recorded, binds no rule. */
  expectations: { what: string; by: When }[];
  disposition: { kind: DispositionKind; reason: string | null } | null;
  value: string | null;
  until: LocalDate | null;
  proposal: boolean;
  force: boolean;
}

/** A touch with nothing but its time and outcome (a call: no note, step, promise or flag), plus what `extra` sets. */
export function plainTouch(at: Instant, outcome: Outcome, extra: Partial<TouchInput> = {}): TouchInput {
  return {
    at,
    channel: 'call',
    outcome,
    note: null,
    next: null,
    soft: false,
    promises: [],
    expectations: [],
    disposition: null,
    value: null,
    until: null,
    proposal: false,
    force: false,
    ...extra,
  };
}

export interface PlannedCommitment {
  kind: CommitmentKind;
  what: string;
  due: Due;
  soft: boolean;
}

export interface Warning {
  rule: RuleId | null;
  message: string;
}

export interface TouchPlan {
  /** forced is true only when --force actually overrode R4 or R5. */
  touch: Omit<Touch, 'id' | 'contactId'>;
  close: { id: number; state: 'kept' | 'replaced' | 'cancelled' | 'missed' }[];
  create: PlannedCommitment[];
  /** The status after the touch. */
  status: Status;
  /** Set when the touch is an unanswered attempt; number counts the current sequence. */
  attempt: { number: number; limit: number; breakUp: boolean } | null;
  /** Rules --force overrode for this touch. */
  overridden: RuleId[];
  warnings: Warning[];
}

export type Decision<T> = { ok: true; plan: T } | { ok: false; violation: RuleViolation };

export interface MetInput {
  at: Instant;
  event: string;
  next: NextStepInput | null;
  soft: boolean;
  disposition: TouchInput['disposition'];
  /** None when not given. */
  promises?: TouchInput['promises'];
  expectations?: TouchInput['expectations'];
}

export interface ReschedulePlan {
  /** The open next step to move (the store keeps its old date in the history), with its new what/due/soft. */
  move: ({ id: number } & PlannedCommitment) | null;
  /** A new next step, when none was open. */
  create: PlannedCommitment | null;
  status: Status;
  warnings: Warning[];
}

const refuse = <T>(violation: RuleViolation): Decision<T> => ({ ok: false, violation });

export function dueOf(when: When): Due {
  return when.hasTime ? { at: when.at } : { date: when.date };
}

// Soft commitments dressed up as steps (R2, docs/rules.md), with their -ing/-ed forms.
const VAGUE = new RegExp(
  '\\b(?:' +
    [
      'touch(?:es|ing|ed)?[\\s-]+base',
      'check(?:s|ing|ed)?[\\s-]*ins?',
      'circl(?:e|es|ing|ed)[\\s-]+back',
      '(?:be|being)[\\s-]+in[\\s-]+touch',
      // "let's stay in touch" is the spec's own example of a soft commitment.
      '(?:stay|staying|keep|keeping)[\\s-]+in[\\s-]+touch',
      '(?:get|gets|getting|got)[\\s-]+back[\\s-]+to',
      'reach(?:es|ing|ed)?[\\s-]+out',
      'call(?:ing)?[\\s-]+me[\\s-]+in',
      'follow(?:s|ing|ed)?[\\s-]*ups?',
    ].join('|') +
    ')\\b',
  'i',
);

/** The first vague phrase in `text`, as written, or null. */
export function vaguePhrase(text: string): string | null {
  return VAGUE.exec(text)?.[0] ?? null;
}

export function vagueWarning(what: string): Warning | null {
  const phrase = vaguePhrase(what);
  return phrase === null
    ? null
    : {
        rule: 'R2',
        message: `"${phrase}" is vague: name what the step is for (a demo, a decision on the quote) so both sides know why they meet.`,
      };
}

/** R2 for a next step: in the future (timed: after now; soft date: today or later) and with a time unless soft. */
export function checkNextStep(next: NextStepInput, soft: boolean, now: Instant, zone: Zone): RuleViolation | null {
  const today = localDateOf(now, zone);
  const w = next.when;
  if (w.hasTime) return Date.parse(w.at) > Date.parse(now) ? null : { rule: 'R2', reason: 'step-in-past', data: { due: { at: w.at } } };
  // A soft step never allows a past date; a soft step for today is allowed (it is not over yet).
  if (w.date < today) return { rule: 'R2', reason: 'step-in-past', data: { due: { date: w.date } } };
  if (soft) return null;
  return { rule: 'R2', reason: 'step-without-time', data: { date: w.date, partOfDay: w.partOfDay ?? null } };
}

/** R2 for a promise or an expectation: its due (a date-only by is due at config.dayEnd) must not be in the past. */
export function checkPromise(
  p: { what: string; by: When },
  now: Instant,
  config: Config,
  zone: Zone,
  kind: 'promise' | 'expectation' = 'promise',
): RuleViolation | null {
  const due = dueOf(p.by);
  if (Date.parse(dueInstant(due, config.dayEnd, zone)) >= Date.parse(now)) return null;
  return { rule: 'R2', reason: kind === 'promise' ? 'promise-in-past' : 'expectation-in-past', data: { what: p.what, due } };
}

/** Still ahead: a timed due after now, a date-only due today or later. */
function isAhead(due: Due, now: Instant, zone: Zone): boolean {
  return 'at' in due ? Date.parse(due.at) > Date.parse(now) : due.date >= localDateOf(now, zone);
}

function nextStepOf(next: NextStepInput): PlannedCommitment {
  // A step with a time is firm even if --soft was given: --soft only allows a missing time.
  return { kind: 'next-step', what: next.what, due: dueOf(next.when), soft: !next.when.hasTime };
}

const DISPOSITION_STATUS: Record<DispositionKind, Status> = {
  won: 'won',
  lost: 'lost',
  nurture: 'nurture',
  'not-fit': 'nurture',
};

/**
 * The status after a next step is booked: a booked meeting is a live deal, so
 * it reopens a lost contact and ends nurture; a won one stays won (its kickoff,
 * onboarding: docs/rules.md, won and lost).
 */
function afterBooking(status: Status): Status {
  return status === 'won' ? 'won' : 'active';
}

/** What a disposition cancels: lost ends everything; nurture and not-fit end the appointment but not what I owe them; won keeps all. */
function cancelledBy(kind: DispositionKind, open: Commitment[]): Commitment[] {
  if (kind === 'lost') return open;
  return kind === 'won' ? [] : open.filter((c) => c.kind === 'next-step');
}

export interface ClosePlan {
  /** The open commitments the decision cancels. */
  cancel: number[];
  status: Status;
}

/** `fu close`: a disposition decided without a touch; no rule refuses it. */
export function planClose(state: ContactState, kind: DispositionKind): ClosePlan {
  return { cancel: cancelledBy(kind, state.open).map((c) => c.id), status: DISPOSITION_STATUS[kind] };
}

export function checkTouch(state: ContactState, input: TouchInput, config: Config, now: Instant, zone: Zone): Decision<TouchPlan> {
  return planTouch(state, input, config, now, zone, null);
}

function planTouch(state: ContactState, input: TouchInput, config: Config, now: Instant, zone: Zone, metAt: string | null): Decision<TouchPlan> {
  // Won and lost contacts: touches are recorded without R1-R7 (R2 still checks
  // the dates given, which are a matter of validity) and the status stays,
  // except that a new next step reopens the contact.
  const ruled = state.status === 'active' || state.status === 'nurture';
  const warnings: Warning[] = [];

  // R2: bad dates first.
  if (input.next) {
    const v = checkNextStep(input.next, input.soft, now, zone);
    if (v) return refuse(v);
  }
  for (const p of input.promises) {
    const v = checkPromise(p, now, config, zone);
    if (v) return refuse(v);
  }
  for (const e of input.expectations) {
    const v = checkPromise(e, now, config, zone, 'expectation');
    if (v) return refuse(v);
  }
  const vague = input.next && vagueWarning(input.next.what);
  if (vague) warnings.push(vague);

  const kind = input.disposition?.kind ?? null;
  const day = localDateOf(input.at, zone);
  const openSteps = state.open.filter((c) => c.kind === 'next-step');
  // R3: a no-show misses the booked step at once; there must be one to miss.
  const noShow = input.outcome === 'no-show' ? (openSteps.at(-1) ?? null) : null;
  if (input.outcome === 'no-show' && !noShow) return refuse({ rule: 'R3', reason: 'no-show-without-step', data: {} });

  // R3: a two-way touch on the local day of the open next step keeps it; an
  // unanswered attempt at the appointment keeps nothing. Applied on every
  // status: it is bookkeeping, not a refusal (a won deal's kickoff is kept too).
  const kept = new Set(isTwoWay(input) ? openSteps.filter((c) => dueDate(c.due, zone) === day).map((c) => c.id) : []);
  const cancelsStep = kind === 'lost' || kind === 'nurture' || kind === 'not-fit';
  // The open next step that is still there after the touch, if any.
  const remaining = input.next || cancelsStep || noShow ? [] : openSteps.filter((c) => !kept.has(c.id));

  if (ruled && input.outcome === 'connected' && !input.next && !kind && !remaining.some((c) => isAhead(c.due, now, zone))) {
    return refuse({ rule: 'R1', reason: 'no-next-step', data: { metAt } });
  }

  // R7: only a firm (timed), future step can be the review; whether its wording
  // mentions the proposal is left to the seller.
  const firmAfter = input.next ? input.next.when.hasTime : remaining.some((c) => !c.soft && 'at' in c.due && isAhead(c.due, now, zone));
  if (ruled && input.proposal && !firmAfter) {
    return refuse({ rule: 'R7', reason: 'proposal-without-review', data: {} });
  }

  const overridden: ('R4' | 'R5')[] = [];
  let attempt: TouchPlan['attempt'] = null;
  // Chasing: no firm next step still ahead when the touch is made (a soft one is
  // no commitment). A message before a booked meeting is not an attempt, and
  // closing a contact out (a disposition) is not a chase: R4 and R5 do not apply.
  const booked = openSteps.some((c) => !c.soft && 'at' in c.due && Date.parse(c.due.at) > Date.parse(input.at));
  if (ruled && isOutboundChase(input) && !kind && !booked) {
    const L = config.attemptsLimit;
    const sorted = chronological(state.touches);
    const seq = sequenceOf(sorted.filter((t) => Date.parse(t.at) <= Date.parse(input.at)));
    // A touch backfilled with --on is judged against the history as it would stand:
    // the attempts after it, up to the next two-way touch, are in its sequence too.
    const later: Touch[] = [];
    for (const t of sorted) {
      if (Date.parse(t.at) <= Date.parse(input.at)) continue;
      if (isTwoWay(t)) break;
      if (t.attempt) later.push(t);
    }
    const count = seq.attempts.length + later.length;

    // R4: a nurture contact gets value, not chases (R6): its break-up was sent, or it was
    // closed out to nurture. A backfilled attempt must leave its sequence within the limit.
    // An active contact at or past the limit (the limit was lowered) has not had its
    // break-up yet: the next attempt is the break-up.
    if (state.status === 'nurture' || (later.length > 0 && count >= L)) {
      if (!input.force) {
        return refuse(
          state.status === 'nurture'
            ? count >= L
              ? { rule: 'R4', reason: 'attempt-limit', data: { count, limit: L } }
              : { rule: 'R4', reason: 'nurture', data: {} }
            : { rule: 'R4', reason: 'backfill-over-limit', data: { count: count + 1, limit: L } },
        );
      }
      overridden.push('R4');
    }

    // R5: spacing in local working days on both sides, and not while they are away.
    const workdays = workdaysOf(config.workdays);
    const prev = seq.attempts.at(-1);
    if (prev) {
      const prevDay = localDateOf(prev.at, zone);
      const due = addWorkdays(prevDay, config.attemptsGapDays, workdays);
      if (day < due) {
        if (!input.force) return refuse({ rule: 'R5', reason: 'too-soon', data: { last: prevDay, gapDays: config.attemptsGapDays, due } });
        overridden.push('R5');
      }
    }
    const next = later[0];
    if (next) {
      const nextDay = localDateOf(next.at, zone);
      if (addWorkdays(day, config.attemptsGapDays, workdays) > nextDay) {
        if (!input.force) {
          return refuse({
            rule: 'R5',
            reason: 'too-close-to-later',
            data: { later: nextDay, gapDays: config.attemptsGapDays, latest: latestBefore(nextDay, config.attemptsGapDays, workdays) },
          });
        }
        if (!overridden.includes('R5')) overridden.push('R5');
      }
    }
    if (seq.until !== null && seq.until > day) {
      if (!input.force) return refuse({ rule: 'R5', reason: 'away', data: { until: seq.until } });
      if (!overridden.includes('R5')) overridden.push('R5');
    }

    const number = seq.attempts.length + 1;
    // The break-up is the latest attempt reaching the limit; never a backfilled one.
    attempt = { number, limit: L, breakUp: later.length === 0 && number >= L && state.status === 'active' };
    // The hint matters only while there is a further chase to make.
    if (number < L && prev && prev.channel === input.channel) {
      warnings.push({
        rule: 'R5',
        message: `Two unanswered attempts by ${input.channel} in a row: try another channel for the next one, or ask for a mutual introduction.`,
      });
    }
  }

  let status: Status = state.status;
  if (kind) status = DISPOSITION_STATUS[kind];
  else if (input.next) status = afterBooking(state.status);
  else if (!ruled) status = state.status;
  else if (isTwoWay(input))
    status = 'active'; // R4: a two-way touch resets the sequence
  else if (attempt?.breakUp) status = 'nurture';

  const close = new Map<number, TouchPlan['close'][number]['state']>();
  for (const id of kept) close.set(id, 'kept');
  if (noShow) close.set(noShow.id, 'missed');
  // At most one open next step: a new one replaces the open one.
  if (input.next) for (const c of openSteps) if (!close.has(c.id)) close.set(c.id, 'replaced');
  for (const c of kind ? cancelledBy(kind, state.open) : []) if (!close.has(c.id)) close.set(c.id, 'cancelled');

  const create: PlannedCommitment[] = [];
  if (input.next) create.push(nextStepOf(input.next));
  for (const p of input.promises) create.push({ kind: 'promise', what: p.what, due: dueOf(p.by), soft: false });
  for (const e of input.expectations) create.push({ kind: 'expectation', what: e.what, due: dueOf(e.by), soft: false });

  return {
    ok: true,
    plan: {
      touch: {
        at: input.at,
        channel: input.channel,
        outcome: input.outcome,
        note: input.note,
        value: input.value,
        until: input.until,
        proposal: input.proposal,
        forced: overridden.length > 0,
        disposition: kind,
        lostReason: kind === 'lost' ? (input.disposition?.reason ?? null) : null,
        attempt: attempt !== null,
      },
      close: [...close].map(([id, s]) => ({ id, state: s })),
      create,
      status,
      attempt,
      overridden,
      warnings,
    },
  };
}

/** `fu add NAME --met EVENT`: a new contact and a connected meeting; R1 and R2 as for any conversation. */
export function checkMet(input: MetInput, config: Config, now: Instant, zone: Zone): Decision<TouchPlan> {
  return planTouch(
    { id: 0, status: 'active', touches: [], open: [] },
    plainTouch(input.at, 'connected', {
      channel: 'meeting',
      note: `Met at ${input.event}`,
      next: input.next,
      soft: input.soft,
      disposition: input.disposition,
      promises: input.promises ?? [],
      expectations: input.expectations ?? [],
    }),
    config,
    now,
    zone,
    input.event,
  );
}

/** `fu next CONTACT WHAT --at WHEN [--soft]`: move the open next step, or create one. */
export function checkReschedule(state: ContactState, next: NextStepInput, soft: boolean, now: Instant, zone: Zone): Decision<ReschedulePlan> {
  const v = checkNextStep(next, soft, now, zone);
  if (v) return refuse(v);
  const step = nextStepOf(next);
  const open = state.open.filter((c) => c.kind === 'next-step').at(-1);
  const vague = vagueWarning(next.what);
  return {
    ok: true,
    plan: {
      move: open ? { id: open.id, ...step } : null,
      create: open ? null : step,
      status: afterBooking(state.status),
      warnings: vague ? [vague] : [],
    },
  };
}
