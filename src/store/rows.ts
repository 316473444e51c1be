/** Rows to domain data and back: shared by the store and its daily queries. */
import type {
  Channel,
  Commitment,
  CommitmentKind,
  Contact,
  Decision,
  DispositionKind,
  Due,
  LocalDate,
  Outcome,
  Status,
  StoredCommitmentState,
  Touch,
} from '../domain/types.js';

export type Row = Record<string, unknown>;

export const CONTACT_COLUMNS = `id, name, company, email, phone, source, note, status, created_at, updated_at,
  last_touch_at, last_two_way_at, unanswered, last_attempt_at, last_attempt_channel, same_channel_run,
  chase_due_on, nurture_due_on, value_unanswered, next_step_id`;

export function contactFromRow(r: Row): Contact {
  return {
    id: r.id as number,
    name: r.name as string,
    company: r.company as string | null,
    email: r.email as string | null,
    phone: r.phone as string | null,
    source: r.source as string | null,
    note: r.note as string | null,
    status: r.status as Status,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    nextStepId: r.next_step_id as number | null,
    derived: {
      lastTouchAt: r.last_touch_at as string | null,
      lastTwoWayAt: r.last_two_way_at as string | null,
      unanswered: r.unanswered as number,
      lastAttemptAt: r.last_attempt_at as string | null,
      lastAttemptChannel: r.last_attempt_channel as Channel | null,
      sameChannelRun: r.same_channel_run as number,
      chaseDueOn: r.chase_due_on as string | null,
      nurtureDueOn: r.nurture_due_on as string | null,
      valueUnanswered: r.value_unanswered as number,
    },
  };
}

export function touchFromRow(r: Row): Touch {
  return {
    id: r.id as number,
    contactId: r.contact_id as number,
    at: r.happened_at as string,
    channel: r.channel as Channel,
    outcome: r.outcome as Outcome,
    note: r.note as string | null,
    value: r.value as string | null,
    until: r.until_date as LocalDate | null,
    proposal: r.proposal === 1,
    forced: r.forced !== null,
    disposition: r.disposition as DispositionKind | null,
    lostReason: r.lost_reason as string | null,
    attempt: r.chase === 1,
  };
}

export function decisionFromRow(r: Row): Decision {
  return {
    id: r.id as number,
    contactId: r.contact_id as number,
    at: r.decided_at as string,
    kind: r.kind as DispositionKind,
    lostReason: r.lost_reason as string | null,
  };
}

/**
 * A commitment's columns (of the table `m`), in the order commitmentFromRow reads them: commitments are read as arrays
 * (`.raw(true)`), which V8 builds faster than objects (fu stale's whole list reads a thousand of them at 100k contacts).
 */
export const COMMITMENT_COLUMNS = 'm.id, m.contact_id, m.kind, m.what, m.due_at, m.due_date, m.soft, m.state, m.created_at, m.closed_at, m.late';

/** A commitment read as COMMITMENT_COLUMNS (in that order: columns after them are the caller's). */
export function commitmentFromRow(r: unknown[]): Commitment {
  return {
    id: r[0] as number,
    contactId: r[1] as number,
    kind: r[2] as CommitmentKind,
    what: r[3] as string,
    due: r[4] !== null ? { at: r[4] as string } : { date: r[5] as string },
    soft: r[6] === 1,
    state: r[7] as StoredCommitmentState,
    createdAt: r[8] as string,
    closedAt: r[9] as string | null,
    late: r[10] === 1,
  };
}

export const dueColumns = (due: Due) => ('at' in due ? { due_at: due.at, due_date: null } : { due_at: null, due_date: due.date });
