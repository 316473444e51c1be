/**
 * The two daily read paths, `fu today` and `fu stale`. They run over the whole
 * database every day, so each is a fixed handful of index-driven queries: no
 * query per contact, and the touches table is never scanned (the per-contact
 * state they need is kept on the contact row by every write, see refreshDerived in app/history.ts).
 * test/store/queries.test.ts proves the plans with EXPLAIN QUERY PLAN.
 */
import type { AgendaCommitment, AgendaContact, AgendaDay, AgendaRows, ContactName } from '../domain/agenda.js';
import type { Appointment } from '../domain/clash.js';
import type { CommittedFacts, KeyedCategory, StaleContact, StaleKey, StaleParams, TwoWayOutcome } from '../domain/stale.js';
import type { Channel, Commitment, CommitmentKind, DerivedState, Instant, LocalDate, Status } from '../domain/types.js';
import type { Db } from './db.js';
import { COMMITMENT_COLUMNS, commitmentFromRow } from './rows.js';

/** What the queries run on: the store's connection. */
type Connection = { readonly db: Db };

/**
 * An open commitment in the order commitmentFromRow reads it (COMMITMENT_COLUMNS), from the columns of the
 * covering index commitments_open_due_at or _due_date (migration 002) alone:
 * an open commitment's state is 'open', it was never closed, and it is due
 * either at a time (due_at) or on a date (due_date).
 */
const openCommitment = (due: 'due_at' | 'due_date') =>
  `id, contact_id, kind, what, ${due === 'due_at' ? 'due_at, NULL AS due_date' : 'NULL AS due_at, due_date'}, soft, 'open' AS state, created_at, NULL AS closed_at, late`;
/**
 * What fu stale reads of a contact, in the order staleContactOf takes it: every column is in the covering index
 * contacts_stale (migrations 003, 013 and 015), silent_since and two_way_since too (generated columns: SQLite reads
 * them from that index, and computes them from the row for a contact read by id).
 */
const STALE_CONTACT = `c.id, c.name, c.company, c.status, c.silent_since, c.last_touch_at, c.last_two_way_at, c.unanswered, c.last_attempt_at,
           c.last_attempt_channel, c.same_channel_run, c.chase_due_on, c.nurture_due_on, c.value_unanswered, c.next_step_id, c.two_way_since,
           c.last_two_way_outcome`;
/** contacts_stale's WHERE, written the same so that SQLite can use that partial index. */
const STALE_INDEXED = "c.status IN ('active', 'nurture') AND (c.next_step_id IS NULL OR c.unanswered >= 2 OR c.value_unanswered > 0)";
/**
 * fu stale's categories after missed and soft (verdictOf's rules, src/domain/stale.ts, with the bounds of staleParams),
 * each read from its partial index (migrations 012 to 014), in rank order: its index's WHERE written out so that SQLite can
 * use it, then the rest of the rule. Re-engage (warm, then given up too soon: silent since before @silentBefore) and
 * drop (at the attempt limit with no two-way touch since @dropBefore, or nurture with value touches unanswered) never
 * hold the same contact (the first is active and under the limit); no-next-step (active, nothing booked, no chase
 * running) leaves out both. With no two-way touch, a contact is known since it was added or first touched, whichever
 * was earlier (first_touch_at, kept on the row by every write).
 * The contacts missed or soft come first: each category leaves them out from what the row says of the contact's open
 * commitments (kept on it by every write): re-engage and no-next-step hold no contact with an open next step, so only
 * a promise can make one of theirs missed.
 */
const PROMISE_NOT_MISSED = '(c.promise_due_at IS NULL OR c.promise_due_at >= @now) AND (c.promise_due_date IS NULL OR c.promise_due_date > @promisesMissedBy)';
const STEP_NEITHER_MISSED_NOR_SOFT =
  '(c.step_due_at IS NULL OR c.step_due_at >= @todayStart) AND (c.step_due_date IS NULL OR (c.step_due_date >= @today AND c.step_soft = 0))';
const RE_ENGAGE = `c.last_two_way_at IS NOT NULL AND c.unanswered BETWEEN 1 AND @limit - 1 AND coalesce(c.last_touch_at, c.created_at) < @silentBefore`;
const TWO_WAY_OR_KNOWN = 'coalesce(c.last_two_way_at, min(c.created_at, coalesce(c.first_touch_at, c.created_at)))';
const DROP_SEQUENCE = `c.unanswered >= @limit AND ${TWO_WAY_OR_KNOWN} < @dropBefore`;
/** Each category after missed and soft: where its contacts are, and the instant its rank runs from. */
const STALE_RANKED: Record<KeyedCategory, { from: string; since: string }> = {
  're-engage': {
    from: `contacts c INDEXED BY contacts_stale_reengage
     WHERE c.status = 'active' AND c.next_step_id IS NULL AND c.last_two_way_at IS NOT NULL AND c.unanswered >= 1
       AND ${RE_ENGAGE} AND ${PROMISE_NOT_MISSED}`,
    since: 'coalesce(c.last_touch_at, c.created_at)',
  },
  drop: {
    from: `contacts c INDEXED BY contacts_stale_drop
     WHERE c.status IN ('active', 'nurture') AND (c.unanswered >= 2 OR c.value_unanswered >= 3)
       AND ((${DROP_SEQUENCE}) OR (c.status = 'nurture' AND c.value_unanswered >= @valueTouches))
       AND ${PROMISE_NOT_MISSED} AND ${STEP_NEITHER_MISSED_NOR_SOFT}`,
    since: TWO_WAY_OR_KNOWN,
  },
  'no-next-step': {
    from: `contacts c INDEXED BY contacts_stale_no_step
     WHERE c.status = 'active' AND c.next_step_id IS NULL AND c.chase_due_on IS NULL
       AND NOT (${RE_ENGAGE}) AND NOT (${DROP_SEQUENCE}) AND ${PROMISE_NOT_MISSED}`,
    since: 'coalesce(c.last_touch_at, c.created_at)',
  },
};
const staleQueries = (query: (from: string, since: string) => string) =>
  Object.fromEntries(Object.entries(STALE_RANKED).map(([k, { from, since }]) => [k, query(from, since)])) as Record<KeyedCategory, string>;
/** The commitments whose ids the JSON array @`param` holds, by rowid. */
const commitmentsById = (param: string) => `SELECT ${COMMITMENT_COLUMNS} FROM json_each(@${param}) j CROSS JOIN commitments m ON m.id = j.value`;
/** The live contacts (what a partial index of fu stale's holds). */
const LIVE = "c.status IN ('active', 'nurture')";
/** What a contact's row says of its open commitments, in the order staleMissed takes it (CommittedFacts). */
const COMMITTED_FACTS = 'c.id, c.step_due_at, c.step_due_date, c.step_soft, c.promise_due_at, c.promise_due_date';
/** A live contact's soft next step, not missed: on a date (contacts_step_due_date's WHERE), soft, today or later. */
const SOFT_STEP = `c.step_due_date IS NOT NULL AND ${LIVE} AND c.step_due_date >= @today AND c.step_soft = 1`;
/** What fu today reads of a contact due: every column is in the covering indexes contacts_chase_due and _nurture_due (migration 011). */
const AGENDA_CONTACT = `id, status, last_touch_at, last_two_way_at, unanswered, last_attempt_at, last_attempt_channel,
  same_channel_run, chase_due_on, nurture_due_on, value_unanswered`;

/**
 * The SQL, exported for the query-plan tests. `state = 'open'` is written out
 * literally and each range names its column, so SQLite can use the partial
 * indexes commitments_open_due_at / _due_date and contacts_chase_due / _nurture_due.
 */
export const SQL = {
  /**
   * Open commitments due before the end of the agenda day (@end: first instant of the next day; @date: the day),
   * from the covering indexes alone: who they are with is read for the rows shown only (namesOf), not a
   * page of the contacts table for each of the ~700 due at 100k contacts. Only the columns the agenda
   * decides and words by, read as arrays (agendaRows): V8 builds those faster than objects.
   */
  agendaCommitments: `
    SELECT id, contact_id, kind, what, due_at, NULL, soft FROM commitments WHERE state = 'open' AND due_at < @end
    UNION ALL
    SELECT id, contact_id, kind, what, NULL, due_date, soft FROM commitments WHERE state = 'open' AND due_date <= @date`,
  chasesDue: `SELECT ${AGENDA_CONTACT} FROM contacts WHERE chase_due_on <= @date`,
  nurtureDue: `SELECT ${AGENDA_CONTACT} FROM contacts WHERE nurture_due_on <= @date`,
  /** The first thing due after the agenda day, one MIN per index. */
  nextDue: `
    SELECT (SELECT min(due_at) FROM commitments WHERE state = 'open' AND due_at >= @end) AS due_at,
           (SELECT min(due_date) FROM commitments WHERE state = 'open' AND due_date > @date) AS due_date,
           (SELECT min(chase_due_on) FROM contacts WHERE chase_due_on > @date) AS chase,
           (SELECT min(nurture_due_on) FROM contacts WHERE nurture_due_on > @date) AS nurture`,
  /**
   * fu stale's categories after missed and soft (see STALE_RANKED), each counted from its index alone, and ranked: by
   * the instant its rank runs from, then by id: each streams from its index in that order, stopped after the rows shown.
   */
  staleCounted: staleQueries((from) => `SELECT count(*) FROM ${from}`),
  staleRanked: staleQueries((from, since) => `SELECT c.id, ${since} AS since FROM ${from} ORDER BY since, c.id`),
  /**
   * The stale contacts shown (@ids, JSON array), from the table by rowid: a page of the table for each, where a seek in
   * the wide contacts_stale (by status, then id) read more pages (at 100k contacts, 146 rows in 1.1 ms instead of 1.55).
   */
  staleShown: `SELECT ${STALE_CONTACT} FROM json_each(@ids) j CROSS JOIN contacts c ON c.id = j.value`,
  /**
   * The commitments of the stale contacts shown: every open one of those found missed or soft (@committed, from
   * commitments_contact), the open next step of the others (@steps, by id).
   */
  staleOpen: `SELECT ${COMMITMENT_COLUMNS} FROM json_each(@committed) j CROSS JOIN commitments m ON m.contact_id = j.value AND m.state = 'open'
    UNION ALL
    ${commitmentsById('steps')}`,
  /**
   * fu stale's candidates for the whole list (--limit 0), where every row is shown: the live contacts that may fall
   * in a category, a superset that the domain (rankStale) narrows; reading them whole at once costs the least there. Two parts, in one statement:
   * - from the covering index contacts_stale (migrations 003 and 013), which holds the
   *   live contacts with nothing booked or with attempts or value touches
   *   unanswered: those warm, then dropped (re-engage); at the attempt limit,
   *   or in nurture with value touches unanswered (drop); active with nothing
   *   booked and no chase running (no-next-step). Its few hundred pages are
   *   read instead of a page of the table for each candidate.
   * - by id, the contacts with an open commitment that may be missed by now or
   *   a soft one (soft steps are the date-only ones); a contact may come from
   *   both parts (staleCandidates keeps one).
   * It relies on the derived columns, which every write keeps equal to the
   * history (refreshDerived in app/history.ts). CROSS JOIN keeps SQLite on the commitments' indexes: the planner would rather
   * walk every live contact.
   */
  staleContacts: `
    SELECT ${STALE_CONTACT} FROM contacts c INDEXED BY contacts_stale
     WHERE ${STALE_INDEXED}
       AND ((c.status = 'active' AND c.next_step_id IS NULL
             AND (c.chase_due_on IS NULL OR (c.last_two_way_at IS NOT NULL AND c.unanswered > 0 AND c.last_touch_at < @silentBefore)))
         OR (c.unanswered >= @limit AND (c.last_two_way_at IS NULL OR c.last_two_way_at < @dropBefore))
         OR (c.status = 'nurture' AND c.value_unanswered >= @valueTouches))
    UNION ALL
    SELECT ${STALE_CONTACT}
      FROM (SELECT DISTINCT contact_id AS id FROM (
              SELECT contact_id FROM commitments WHERE state = 'open' AND due_at < @now
              UNION ALL SELECT contact_id FROM commitments WHERE state = 'open' AND due_date <= @today
              UNION ALL SELECT contact_id FROM commitments WHERE state = 'open' AND due_date IS NOT NULL AND soft = 1) AS due) AS i
     CROSS JOIN contacts c ON c.id = i.id
     WHERE c.status IN ('active', 'nurture')`,
  /** The open commitments that can decide a category: those that may be missed by now, and the soft ones. */
  staleCommitments: `
    SELECT ${openCommitment('due_at')} FROM commitments WHERE state = 'open' AND due_at < @now
    UNION ALL SELECT ${openCommitment('due_date')} FROM commitments WHERE state = 'open' AND due_date <= @today
    UNION ALL SELECT ${openCommitment('due_date')} FROM commitments WHERE state = 'open' AND due_date > @today AND soft = 1`,
  /**
   * What the rows of the live contacts that may be missed say of their open commitments (isMissed in
   * src/domain/commitments.ts, with the bounds of staleParams): a next step whose local day has ended, a promise whose
   * due time has passed (what they were to do binds no rule). One range of each due's covering index (migration 014):
   * a contact with more than one due passed comes once for each.
   */
  staleMissed: [
    ['contacts_step_due_at', 'c.step_due_at < @todayStart'],
    ['contacts_step_due_date', 'c.step_due_date < @today'],
    ['contacts_promise_due_at', 'c.promise_due_at < @now'],
    ['contacts_promise_due_date', 'c.promise_due_date <= @promisesMissedBy'],
  ]
    .map(
      ([index, passed]) =>
        `SELECT ${COMMITTED_FACTS} FROM contacts c INDEXED BY ${index} WHERE c.${index.slice('contacts_'.length)} IS NOT NULL AND ${LIVE} AND ${passed}`,
    )
    .join('\n    UNION ALL\n    '),
  /** The live contacts with a soft next step (on a date, soft) not missed (its day not over), counted and in fu stale's order: by its day, then by contact. */
  staleSoftCounted: `SELECT count(*) FROM contacts c INDEXED BY contacts_step_due_date WHERE ${SOFT_STEP}`,
  staleSoftRanked: `SELECT c.id FROM contacts c INDEXED BY contacts_step_due_date WHERE ${SOFT_STEP} ORDER BY c.step_due_date, c.id`,
  /**
   * When the user's appointments from @from to before @to start (open next steps with a time), from the covering
   * index alone. `+kind`: with an index on kind, state and due_at, SQLite would otherwise read every open next step
   * (40,000 at 100k contacts, 6 to 8 ms for a clash check) instead of the time range of commitments_open_due_at.
   * Each start once: two appointments at the same time block the same slots (at 100k contacts the 60 days of a
   * slot search hold 20,000 appointments at 2,500 different times).
   */
  appointments: "SELECT DISTINCT due_at FROM commitments WHERE state = 'open' AND due_at >= @from AND due_at < @to AND +kind = 'next-step'",
  /** The same appointments with what they are and with whom (a double booking names them). */
  appointmentDetails:
    "SELECT m.id, m.contact_id, c.name, c.company, m.what, m.due_at FROM commitments m JOIN contacts c ON c.id = m.contact_id WHERE m.state = 'open' AND m.due_at >= @from AND m.due_at < @to AND +m.kind = 'next-step' ORDER BY m.due_at, m.id",
  /** The name and company of each contact (@ids: a JSON array), by rowid. */
  namesOf: 'SELECT c.id, c.name, c.company FROM json_each(@ids) j JOIN contacts c ON c.id = j.value',
  /** Commitments by id (@ids: a JSON array): the open next steps of candidates not read yet. */
  commitmentsById: commitmentsById('ids'),
} as const;

/** The nine derived columns, selected in their table order starting at `i`, as a DerivedState. */
function derivedAt(r: unknown[], i: number): DerivedState {
  return {
    lastTouchAt: r[i] as string | null,
    lastTwoWayAt: r[i + 1] as string | null,
    unanswered: r[i + 2] as number,
    lastAttemptAt: r[i + 3] as string | null,
    lastAttemptChannel: r[i + 4] as Channel | null,
    sameChannelRun: r[i + 5] as number,
    chaseDueOn: r[i + 6] as string | null,
    nurtureDueOn: r[i + 7] as string | null,
    valueUnanswered: r[i + 8] as number,
  };
}

/** A raw row of STALE_CONTACT's columns as a StaleContact, with the open commitments read for it. */
function staleContactOf(r: unknown[], open: Commitment[]): StaleContact {
  return {
    id: r[0] as number,
    name: r[1] as string,
    company: r[2] as string | null,
    status: r[3] as Status,
    derived: derivedAt(r, 5),
    silentSince: r[4] as number,
    twoWaySince: r[15] as number,
    lastTwoWayOutcome: r[16] as TwoWayOutcome | null,
    open,
  };
}

/** Everything `fu today` needs to decide a day (its instants computed by the domain, see agendaDay): four index range reads and one MIN lookup. */
export function agendaRows(store: Connection, params: AgendaDay): AgendaRows {
  const { date } = params;
  const commitments = (store.db.prepare(SQL.agendaCommitments).raw(true).all(params) as unknown[][]).map(
    (r): AgendaCommitment => ({
      id: r[0] as number,
      contactId: r[1] as number,
      kind: r[2] as CommitmentKind,
      what: r[3] as string,
      due: r[4] !== null ? { at: r[4] as string } : { date: r[5] as string },
      soft: r[6] === 1,
      state: 'open',
    }),
  );
  // A contact can be due both (only when its derived state is inconsistent); keep one row object each.
  const contacts = new Map<number, AgendaContact>();
  for (const sql of [SQL.chasesDue, SQL.nurtureDue]) {
    for (const r of store.db.prepare(sql).raw(true).all({ date }) as unknown[][]) {
      contacts.set(r[0] as number, { id: r[0] as number, status: r[1] as Status, derived: derivedAt(r, 2) });
    }
  }
  const next = store.db.prepare(SQL.nextDue).get(params) as { due_at: string | null; due_date: string | null; chase: string | null; nurture: string | null };
  return { commitments, contacts: [...contacts.values()], next: { dueAt: next.due_at, dueDate: next.due_date, chase: next.chase, nurture: next.nurture } };
}

/** What the rows of the live contacts that may be missed say of their open commitments (a contact may come more than once). */
export function staleMissed(store: Connection, params: StaleParams): CommittedFacts[] {
  return (store.db.prepare(SQL.staleMissed).raw(true).all(params) as unknown[][]).map((r) => ({
    contactId: r[0] as number,
    stepDueAt: r[1] as Instant | null,
    stepDueDate: r[2] as LocalDate | null,
    stepSoft: r[3] === 1,
    promiseDueAt: r[4] as Instant | null,
    promiseDueDate: r[5] as LocalDate | null,
  }));
}

/** How many live contacts have a soft next step not missed. */
export function staleSoftCount(store: Connection, params: StaleParams): number {
  return store.db.prepare(SQL.staleSoftCounted).pluck().get(params) as number;
}

/** The live contacts with a soft next step not missed, by its day, then by id, read as the caller goes (see staleRanked). */
export function* staleSoftRanked(store: Connection, params: StaleParams): Generator<number> {
  yield* store.db.prepare(SQL.staleSoftRanked).pluck().iterate(params) as Iterable<number>;
}

/** How many live contacts neither missed nor soft are stale in a category. */
export function staleCount(store: Connection, category: KeyedCategory, params: StaleParams): number {
  return store.db.prepare(SQL.staleCounted[category]).pluck().get(params) as number;
}

/**
 * The live contacts stale in a category after missed and soft if they are neither, each with the instant its rank runs
 * from, in rank order; read as the caller goes, so that it can stop after the rows it shows (the connection is busy
 * until it stops).
 */
export function* staleRanked(store: Connection, category: KeyedCategory, params: StaleParams): Generator<StaleKey> {
  yield* store.db.prepare(SQL.staleRanked[category]).raw(true).iterate(params) as Iterable<StaleKey>;
}

/**
 * The stale contacts shown: those found missed or soft (`committed`) with every open commitment (the oldest missed one
 * words the row, and how many more there are), the others (`keyed`) with their open next step.
 */
export function staleContacts(store: Connection, committed: readonly number[], keyed: readonly number[]): StaleContact[] {
  if (committed.length + keyed.length === 0) return [];
  const rows = store.db
    .prepare(SQL.staleShown)
    .raw(true)
    .all({ ids: JSON.stringify([...committed, ...keyed]) }) as unknown[][];
  const readWhole = new Set(committed);
  // The next steps of the others, by id (r[14]: next_step_id).
  const steps = rows.filter((r) => r[14] !== null && !readWhole.has(r[0] as number)).map((r) => r[14]);
  const open = new Map<number, Commitment[]>();
  for (const r of store.db
    .prepare(SQL.staleOpen)
    .raw(true)
    .all({ committed: JSON.stringify(committed), steps: JSON.stringify(steps) }) as unknown[][]) {
    const m = commitmentFromRow(r);
    const list = open.get(m.contactId);
    if (list) list.push(m);
    else open.set(m.contactId, [m]);
  }
  return rows.map((r) => staleContactOf(r, open.get(r[0] as number) ?? []));
}

/** The name and company of each of these contacts, by id. */
export function namesOf(store: Connection, ids: readonly number[]): Map<number, ContactName> {
  const names = new Map<number, ContactName>();
  for (const r of store.db
    .prepare(SQL.namesOf)
    .raw(true)
    .all({ ids: JSON.stringify(ids) }) as [number, string, string | null][])
    names.set(r[0], { name: r[1], company: r[2] });
  return names;
}

/**
 * The live contacts that may be stale, each with the open commitments that
 * can decide its category (those that may be missed by now, and its open next
 * step): three index-driven queries (a fourth for next steps not read yet),
 * whatever the number of contacts. For the whole list (--limit 0).
 */
export function staleCandidates(store: Connection, params: StaleParams): StaleContact[] {
  const open = new Map<number, Commitment[]>();
  const seen = new Set<number>();
  const add = (r: unknown[]) => {
    const c = commitmentFromRow(r);
    if (seen.has(c.id)) return;
    seen.add(c.id);
    const list = open.get(c.contactId);
    if (list) list.push(c);
    else open.set(c.contactId, [c]);
  };
  for (const r of store.db.prepare(SQL.staleCommitments).raw(true).all({ now: params.now, today: params.today }) as unknown[][]) add(r);
  // Each contact made as it is read (raw arrays: V8 builds them faster than objects; see SQL.staleContacts for the
  // columns), once: a contact may be found both ways. Those whose next step is not read yet get it below.
  const contacts = new Map<number, StaleContact>();
  const steps: number[] = [];
  for (const r of store.db.prepare(SQL.staleContacts).raw(true).all(params) as unknown[][]) {
    const id = r[0] as number;
    if (contacts.has(id)) continue;
    const step = r[14] as number | null;
    if (step !== null && !seen.has(step)) steps.push(step);
    contacts.set(id, staleContactOf(r, open.get(id) ?? []));
  }
  if (steps.length) {
    for (const r of store.db
      .prepare(SQL.commitmentsById)
      .raw(true)
      .all({ ids: JSON.stringify(steps) }) as unknown[][]) {
      add(r);
      const c = contacts.get(r[1] as number);
      if (c) c.open = open.get(c.id)!;
    }
  }
  return [...contacts.values()];
}

/** When the open next steps with a time from `from` to before `to` start: fu draft's free slots avoid them. */
export function appointmentsBetween(store: Connection, from: Instant, to: Instant): Instant[] {
  return store.db.prepare(SQL.appointments).pluck().all({ from, to }) as Instant[];
}

/** The open next steps with a time from `from` to before `to`, with what and whom. */
export function appointmentDetailsBetween(store: Connection, from: Instant, to: Instant): Appointment[] {
  return (store.db.prepare(SQL.appointmentDetails).raw(true).all({ from, to }) as unknown[][]).map((r) => ({
    id: r[0] as number,
    contactId: r[1] as number,
    contact: r[2] as string,
    company: r[3] as string | null,
    what: r[4] as string,
    at: r[5] as Instant,
  }));
}
