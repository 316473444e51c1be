/**
 * The two daily read paths, `fu today` and `fu stale`. They run over the whole
 * database every day, so each is a fixed handful of index-driven queries: no
 * query per contact, and the touches table is never scanned (the per-contact
 * state they need is kept on the contact row by every write, see derived.ts).
 * test/store/queries.test.ts proves the plans with EXPLAIN QUERY PLAN.
 */
import type { AgendaCommitment } from '../domain/agenda.js';
import type { StaleContact } from '../domain/stale.js';
import { addDays, localDateOf, startOfDay } from '../domain/time.js';
import type { LocalDate } from '../domain/types.js';
import { commitmentFromRow, contactFromRow, type Contact, type Store } from './store.js';

type Row = Record<string, unknown>;

/**
 * The SQL, exported for the query-plan tests. `state = 'open'` is written out
 * literally and each range names its column, so SQLite can use the partial
 * indexes commitments_open_due_at / _due_date and contacts_chase_due / _nurture_due.
 */
export const SQL = {
  /** Open commitments due before the end of the agenda day (@end: first instant of the next day; @date: the day). */
  agendaCommitments: `
    SELECT cm.*, c.name AS contact_name, c.company AS contact_company
      FROM commitments cm JOIN contacts c ON c.id = cm.contact_id
     WHERE cm.state = 'open' AND cm.due_at < @end
    UNION ALL
    SELECT cm.*, c.name AS contact_name, c.company AS contact_company
      FROM commitments cm JOIN contacts c ON c.id = cm.contact_id
     WHERE cm.state = 'open' AND cm.due_date <= @date`,
  chasesDue: 'SELECT * FROM contacts WHERE chase_due_on <= @date',
  nurtureDue: 'SELECT * FROM contacts WHERE nurture_due_on <= @date',
  /** The first thing due after the agenda day, one MIN per index. */
  nextDue: `
    SELECT (SELECT min(due_at) FROM commitments WHERE state = 'open' AND due_at >= @end) AS due_at,
           (SELECT min(due_date) FROM commitments WHERE state = 'open' AND due_date > @date) AS due_date,
           (SELECT min(chase_due_on) FROM contacts WHERE chase_due_on > @date) AS chase,
           (SELECT min(nurture_due_on) FROM contacts WHERE nurture_due_on > @date) AS nurture`,
  /**
   * Live contacts. The first touch is read (one covering-index seek on
   * touches_contact) only for contacts that never had a two-way touch: how
   * long they have been silent then runs from when they were first known.
   */
  staleContacts: `
    SELECT c.*,
           CASE WHEN c.last_two_way_at IS NULL
                THEN (SELECT min(t.happened_at) FROM touches t WHERE t.contact_id = c.id) END AS first_touch_at
      FROM contacts c
     WHERE c.status IN ('active', 'nurture')`,
  /** The open commitments of live contacts. */
  staleCommitments: `
    SELECT cm.*
      FROM contacts c JOIN commitments cm ON cm.contact_id = c.id AND cm.state = 'open'
     WHERE c.status IN ('active', 'nurture')`,
} as const;

/** The day's range: [start of the day, start of the next day) as UTC instants, and the day itself. */
export function dayParams(date: LocalDate, tz: string): { date: LocalDate; end: string } {
  return { date, end: startOfDay(addDays(date, 1), tz) };
}

export interface AgendaRows {
  commitments: AgendaCommitment[];
  contacts: Contact[];
  nextDate: LocalDate | null;
}

/** Everything `fu today` needs for `date`: four index range reads and one MIN lookup. */
export function agendaRows(store: Store, date: LocalDate, tz: string): AgendaRows {
  const params = dayParams(date, tz);
  const commitments = (store.db.prepare(SQL.agendaCommitments).all(params) as Row[]).map((r) => ({
    ...commitmentFromRow(r),
    contact: { id: r.contact_id as number, name: r.contact_name as string, company: r.contact_company as string | null },
  }));
  // A contact can be due both (only when its derived state is inconsistent); keep one row object each.
  const contacts = new Map<number, Contact>();
  for (const sql of [SQL.chasesDue, SQL.nurtureDue]) {
    for (const r of store.db.prepare(sql).all({ date }) as Row[]) contacts.set(r.id as number, contactFromRow(r));
  }
  const next = store.db.prepare(SQL.nextDue).get(params) as { due_at: string | null; due_date: string | null; chase: string | null; nurture: string | null };
  const days = [next.due_at && localDateOf(next.due_at, tz), next.due_date, next.chase, next.nurture].filter((d): d is string => Boolean(d));
  return { commitments, contacts: [...contacts.values()], nextDate: days.length ? days.sort()[0]! : null };
}

/** Every live contact with its open commitments: two queries, whatever the number of contacts. */
export function staleCandidates(store: Store): StaleContact[] {
  const open = new Map<number, ReturnType<typeof commitmentFromRow>[]>();
  for (const r of store.db.prepare(SQL.staleCommitments).all() as Row[]) {
    const c = commitmentFromRow(r);
    const list = open.get(c.contactId) ?? [];
    list.push(c);
    open.set(c.contactId, list);
  }
  return (store.db.prepare(SQL.staleContacts).all() as Row[]).map((r) => ({
    ...contactFromRow(r),
    firstTouchAt: r.first_touch_at as string | null,
    open: open.get(r.id as number) ?? [],
  }));
}
