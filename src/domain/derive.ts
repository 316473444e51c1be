/**
 * Per-contact state derived from the touch history (the words and R4-R6, docs/rules.md).
 * Pure: no clock, no zone but the one passed in. The store keeps the result
 * on the contact row; recomputing it from the history must give the same row.
 */
import { addDays, localDateOf } from './time.js';
import type { Commitment, Config, DerivedState, Decision, Direction, LocalDate, Outcome, Status, Touch } from './types.js';
import { addWorkdays, nextWorkday, workdaysOf } from './workdays.js';
import type { Zone } from './zone.js';

export function directionOf(outcome: Outcome): Direction {
  switch (outcome) {
    case 'connected':
      return 'two-way';
    case 'replied':
    case 'auto-reply':
      return 'inbound';
    default:
      return 'outbound';
  }
}

export function isTwoWay(t: Pick<Touch, 'outcome'>): boolean {
  return t.outcome === 'connected' || t.outcome === 'replied';
}

/** An outbound touch that is not a nurture value touch: an unanswered attempt if made while chasing. */
export function isOutboundChase(t: Pick<Touch, 'outcome' | 'value'>): boolean {
  return (t.outcome === 'no-answer' || t.outcome === 'voicemail' || t.outcome === 'sent') && t.value === null;
}

/** Touches by time, oldest first; stable, so touches at the same instant keep their order. */
export function chronological<T extends Pick<Touch, 'at'>>(touches: readonly T[]): T[] {
  return [...touches].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

type SeqTouch = Pick<Touch, 'at' | 'outcome' | 'value' | 'until' | 'attempt'>;

/** The current sequence: what happened after the last two-way touch (or ever). */
export interface Sequence<T extends SeqTouch> {
  lastTwoWay: T | null;
  /** Unanswered attempts, oldest first. */
  attempts: T[];
  /** Value touches. */
  values: number;
  /** The return date of the latest auto-reply that gave one: the next chase waits until then. */
  until: LocalDate | null;
  /** The latest no-show: the chase to rebook is due that day (R3). */
  noShow: T | null;
}

/** `touches` must be chronological. */
export function sequenceOf<T extends SeqTouch>(touches: readonly T[]): Sequence<T> {
  let start = 0;
  let lastTwoWay: T | null = null;
  for (const [i, t] of touches.entries()) {
    if (isTwoWay(t)) {
      lastTwoWay = t;
      start = i + 1;
    }
  }
  const seq: Sequence<T> = { lastTwoWay, attempts: [], values: 0, until: null, noShow: null };
  for (const t of touches.slice(start)) {
    if (t.attempt) seq.attempts.push(t);
    else if (t.value !== null && directionOf(t.outcome) === 'outbound') seq.values++;
    else if (t.outcome === 'auto-reply' && t.until !== null) seq.until = t.until;
    else if (t.outcome === 'no-show') seq.noShow = t;
  }
  return seq;
}

export function deriveState(
  status: Status,
  touches: Touch[],
  openNextStep: Commitment | null,
  config: Config,
  zone: Zone,
  /** The latest disposition decided without a touch, if any. */
  lastDecision: Pick<Decision, 'at' | 'kind'> | null,
): DerivedState {
  const sorted = chronological(touches);
  const last = sorted.at(-1) ?? null;
  const seq = sequenceOf(sorted);
  const lastAttempt = seq.attempts.at(-1) ?? null;

  let sameChannelRun = 0;
  for (let i = seq.attempts.length - 1; i >= 0 && seq.attempts[i]!.channel === lastAttempt!.channel; i--) sameChannelRun++;

  const unanswered = seq.attempts.length;
  let chaseDueOn: LocalDate | null = null;
  // A chase is due only in a running sequence: an appointment on the books or a
  // finished sequence (the break-up sent) means there is nothing to chase.
  // A no-show after the last attempt: the chase to rebook is due that same day (R3).
  const rebook = seq.noShow && (!lastAttempt || Date.parse(seq.noShow.at) > Date.parse(lastAttempt.at)) ? seq.noShow : null;
  // A soft step is no commitment: once its date has passed it is missed and the chase starts (R3).
  // Computed due days fall on working days; the gap between attempts counts them (docs/rules.md, "Working days").
  const workdays = workdaysOf(config.workdays);
  const softMissedOn = openNextStep?.soft && 'date' in openNextStep.due ? nextWorkday(addDays(openNextStep.due.date, 1), workdays) : null;
  const chasing = openNextStep === null || softMissedOn !== null;
  let due = rebook
    ? nextWorkday(localDateOf(rebook.at, zone), workdays)
    : lastAttempt
      ? addWorkdays(localDateOf(lastAttempt.at, zone), config.attemptsGapDays, workdays)
      : null;
  if (softMissedOn !== null && (due === null || softMissedOn > due)) due = softMissedOn;
  // Active at or past the limit (it was lowered, or a backfill): the break-up is still to send.
  if (status === 'active' && chasing && due !== null) {
    chaseDueOn = due;
    // Same auto-reply as R5 checks (the latest in the sequence), so the day
    // shown as due is never a day R5 refuses.
    if (seq.until !== null && seq.until > chaseDueOn) chaseDueOn = seq.until;
  }

  let nurtureDueOn: LocalDate | null = null;
  // R6: the clock restarts at the latest touch, or at a later decision to nurture.
  const latest = lastDecision && (!last || Date.parse(lastDecision.at) >= Date.parse(last.at)) ? { at: lastDecision.at, disposition: lastDecision.kind } : last;
  if (status === 'nurture' && latest) {
    const days = latest.disposition === 'not-fit' ? config.nurtureNotFitDays : config.nurtureEveryDays;
    nurtureDueOn = nextWorkday(addDays(localDateOf(latest.at, zone), days), workdays);
  }

  return {
    lastTouchAt: last?.at ?? null,
    lastTwoWayAt: seq.lastTwoWay?.at ?? null,
    unanswered,
    lastAttemptAt: lastAttempt?.at ?? null,
    sameChannelRun,
    lastAttemptChannel: lastAttempt?.channel ?? null,
    chaseDueOn,
    nurtureDueOn,
    valueUnanswered: seq.values,
  };
}

/** An unanswered attempt's place in its sequence, kept on the touch for the statistics. */
export interface AttemptMark {
  id: number;
  /** 1 for the first unanswered attempt after a two-way touch (or ever), 2 for the next... */
  attempt: number;
  /** A two-way touch followed it before any further attempt: it got the reply. */
  answered: boolean;
}

/** The marks of a contact's unanswered attempts, as sequenceOf counts them; `touches` must be chronological. */
export function attemptMarks(touches: readonly Pick<Touch, 'id' | 'outcome' | 'attempt'>[]): AttemptMark[] {
  const marks: AttemptMark[] = [];
  let run: AttemptMark[] = [];
  for (const t of touches) {
    if (isTwoWay(t)) {
      const last = run.at(-1);
      if (last) last.answered = true;
      run = [];
    } else if (t.attempt) {
      const mark = { id: t.id, attempt: run.length + 1, answered: false };
      run.push(mark);
      marks.push(mark);
    }
  }
  return marks;
}
