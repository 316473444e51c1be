/**
 * The brief before a call (`fu prep`): who they are, the story so far, what is
 * open both ways, what was agreed last time, the proposal, and the close to
 * ask for. Pure: the store hands over the contact's history and the user's
 * appointments; the close's two slots come from the same finder as drafts.
 */
import { isMissed } from './commitments.js';
import { chronological, isTwoWay, sequenceOf } from './derive.js';
import { proposeSlots } from './draft.js';
import { dueDate, localDateOf } from './time.js';
import type { Commitment, Config, Instant, Status, Touch } from './types.js';
import type { Zone } from './zone.js';

/** At most this many key points are prepared for one call: more are not key. */
export const MAX_POINTS = 2;

export interface BriefInput {
  contact: { id: number; name: string; company: string | null; source: string | null; status: Status };
  tags: string[];
  touches: Touch[];
  commitments: Commitment[];
  /** The commitments the last two-way touch created: what was agreed then. */
  agreed: Commitment[];
  /** The key points prepared for the next call. */
  points: string[];
  /** When the user's own appointments start, in the days free slots are looked for (as for drafts). */
  appointments: Instant[];
  config: Config;
  now: Instant;
  zone: Zone;
}

export interface BriefCommitment {
  id: number;
  what: string;
  due: Commitment['due'];
  /** Its time has passed while still open: missed (yours), passed (theirs). */
  late: boolean;
}

export interface Brief {
  who: BriefInput['contact'] & { tags: string[] };
  story: {
    first: Pick<Touch, 'at' | 'channel' | 'outcome'> | null;
    lastTwoWay: Pick<Touch, 'at' | 'channel' | 'outcome' | 'note'> | null;
    /** Unanswered attempts since the last two-way touch (or ever), oldest first. */
    attemptsSince: Pick<Touch, 'at' | 'channel' | 'outcome'>[];
  };
  open: {
    promises: BriefCommitment[];
    expectations: BriefCommitment[];
    nextStep: (BriefCommitment & { soft: boolean }) | null;
  };
  /** What was agreed at the last two-way touch, in the order it was recorded. */
  agreed: { kind: Commitment['kind']; what: string; due: Commitment['due'] }[];
  proposal: { at: Instant; note: string | null } | null;
  points: string[];
  close: {
    /** The booked step ahead to confirm, when there is one. */
    confirm: BriefCommitment | null;
    /** Else: two free slots to offer for the small next step, */
    slots: Instant[];
    /** and when they are not ready, the smaller step. */
    smaller: string;
    /** A passed expectation to open with: where did it land? */
    opener: BriefCommitment | null;
  };
}

/** When they are not ready for the next step: the smaller concrete one (docs/rules.md, R1). */
export const SMALLER_STEP = 'a 15-minute call';

export function buildBrief(input: BriefInput): Brief {
  const { now, zone, config } = input;
  const today = localDateOf(now, zone);
  const touches = chronological(input.touches.filter((t) => Date.parse(t.at) <= Date.parse(now)));
  const seq = sequenceOf(touches);
  const lastTwoWay = [...touches].reverse().find(isTwoWay) ?? null;
  const open = input.commitments.filter((c) => c.state === 'open');
  const brief = (c: Commitment): BriefCommitment => ({ id: c.id, what: c.what, due: c.due, late: isMissed(c, now, today, config, zone) });
  const byDue = (a: Commitment, b: Commitment) =>
    dueDate(a.due, zone) < dueDate(b.due, zone) ? -1 : dueDate(a.due, zone) > dueDate(b.due, zone) ? 1 : a.id - b.id;
  const step = open.find((c) => c.kind === 'next-step') ?? null;
  const expectations = open
    .filter((c) => c.kind === 'expectation')
    .sort(byDue)
    .map(brief);
  const nextStep = step && { ...brief(step), soft: step.soft };
  const confirm = nextStep && !nextStep.late && !step!.soft && 'at' in step!.due && Date.parse(step!.due.at) > Date.parse(now) ? nextStep : null;
  const proposal = touches.filter((t) => t.proposal).at(-1) ?? null;
  const pick = <T extends Touch>(t: T | null) => t && { at: t.at, channel: t.channel, outcome: t.outcome };
  return {
    who: { ...input.contact, tags: input.tags },
    story: {
      first: pick(touches[0] ?? null),
      lastTwoWay: lastTwoWay && { ...pick(lastTwoWay)!, note: lastTwoWay.note },
      attemptsSince: seq.attempts.map((t) => pick(t)!),
    },
    open: {
      promises: open
        .filter((c) => c.kind === 'promise')
        .sort(byDue)
        .map(brief),
      expectations,
      nextStep,
    },
    agreed: [...input.agreed].sort((a, b) => a.id - b.id).map((c) => ({ kind: c.kind, what: c.what, due: c.due })),
    proposal: proposal && { at: proposal.at, note: proposal.note },
    points: input.points,
    close: {
      confirm,
      slots: confirm ? [] : proposeSlots(2, input.appointments, config, now, zone),
      smaller: SMALLER_STEP,
      opener: expectations.find((e) => e.late) ?? null,
    },
  };
}
