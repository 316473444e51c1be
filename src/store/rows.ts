/** Rows to domain data and back: shared by the store and its daily queries. */
import type {
  Channel,
  Commitment,
  CommitmentKind,
  Contact,
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

export function commitmentFromRow(r: Row): Commitment {
  return {
    id: r.id as number,
    contactId: r.contact_id as number,
    kind: r.kind as CommitmentKind,
    what: r.what as string,
    due: r.due_at !== null ? { at: r.due_at as string } : { date: r.due_date as string },
    soft: r.soft === 1,
    state: r.state as StoredCommitmentState,
    createdAt: r.created_at as string,
    closedAt: r.closed_at as string | null,
    late: r.late === 1,
  };
}

export const dueColumns = (due: Due) => ('at' in due ? { due_at: due.at, due_date: null } : { due_at: null, due_date: due.date });
