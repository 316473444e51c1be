/**
 * All SQL lives here. Methods take and return plain domain data; callers wrap
 * each mutating command in `transaction()` so it is all-or-nothing.
 */
import type { AgendaDay, AgendaRows, ContactName } from '../domain/agenda.js';
import type { Appointment } from '../domain/clash.js';
import type { AgendaEntry } from '../domain/calendar.js';
import type { ImportedContact, KnownContact } from '../domain/contact-import.js';
import type { JournalEntry, WriteKind } from '../domain/journal.js';
import type { CommittedFacts, KeyedCategory, StaleContact, StaleKey, StaleParams } from '../domain/stale.js';
import type {
  Commitment,
  CommitmentMove,
  Contact,
  ContactFields,
  ContactHistory,
  Decision,
  DerivedState,
  DispositionKind,
  Due,
  Instant,
  LocalDate,
  NewCommitment,
  NewTouch,
  Status,
  StoredCommitmentState,
  Touch,
} from '../domain/types.js';
import type { AttemptMark } from '../domain/derive.js';
import type { StatsQuery, StatsRows } from '../domain/stats.js';
import { textKey } from '../text-key.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import * as exchange from './exchange.js';
import * as journal from './journal.js';
import { contactKeys, insertContactRow, saveWords } from './contact-keys.js';
import {
  agendaRows,
  appointmentDetailsBetween,
  appointmentsBetween,
  namesOf,
  staleContacts,
  staleCandidates,
  staleCount,
  staleMissed,
  staleRanked,
  staleSoftCount,
  staleSoftRanked,
} from './queries.js';
import { COMMITMENT_COLUMNS, commitmentFromRow, CONTACT_COLUMNS, contactFromRow, decisionFromRow, dueColumns, touchFromRow, type Row } from './rows.js';
import { prepared } from './statements.js';
import { statsRows } from './stats.js';

export type { Contact, ContactFields } from '../domain/types.js';

/** Keys compare as UTF-8 bytes: a prefix followed by the greatest code point sorts after every text that starts with the prefix. */
const LAST_CHARACTER = '\u{10ffff}';

/**
 * The contacts whose name key starts with a prefix and is @min to @max UTF-16 code units long, at no company unless
 * @company is null (those at the company come by its key, duplicateCandidates), from the covering index of migration
 * 010 alone. SQLite counts characters and bytes: a key of c characters and b bytes (UTF-8) is c to min(b, 2c) code
 * units long, so no name within the lengths is left out (at 100k contacts, of the 2,043 names starting with "be",
 * 1,234 are near the length of "Bench Person", 106 of those at no company). Exported for the query-plan test.
 */
export const NAMES_FROM_PREFIX = `SELECT id, name, company FROM contacts WHERE name_key >= @lo AND name_key < @hi
  AND length(name_key) <= @max AND min(length(CAST(name_key AS BLOB)), 2 * length(name_key)) >= @min
  AND (@company IS NULL OR company IS NULL OR company = '')`;

/** The commitments `where` (a WHERE clause and its order, on the table `m`) selects, with its parameters. */
function selectCommitments(db: Db, where: string, ...params: unknown[]): Commitment[] {
  return (
    prepared(db, `SELECT ${COMMITMENT_COLUMNS} FROM commitments m ${where}`)
      .raw(true)
      .all(...params) as unknown[][]
  ).map(commitmentFromRow);
}

export class Store {
  constructor(readonly db: Db) {}

  /**
   * One write transaction, taken at once (BEGIN IMMEDIATE) so rules are checked against what is committed,
   * and journaled in it (see journal.ts), so that fu undo can take it back.
   * A lock held by another process past the busy timeout throws SQLITE_BUSY with nothing written (exit 5, see failureOf).
   */
  transaction<T>(write: { kind: WriteKind; at: Instant }, fn: () => T): T {
    return journal.journaled(this.db, write, fn);
  }

  /** A write transaction the journal does not record: taking a write back, restoring a backup. */
  unjournaledTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * A consistent read: every query in `fn` sees the same committed state, so a
   * command that reads while another fu writes shows the state before or after
   * that write, never half of it (WAL readers never wait for writers).
   */
  read<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn).deferred();
  }

  // ---- the journal (journal.ts) ----------------------------------------------

  undoableWrites(limit: number): JournalEntry[] {
    return journal.undoableWrites(this.db, limit);
  }

  journalEntry(id: number): JournalEntry | undefined {
    return journal.journalEntry(this.db, id);
  }

  laterWritesTouching(entryId: number): Omit<JournalEntry, 'rows'>[] {
    return journal.laterWritesTouching(this.db, entryId);
  }

  revert(entryId: number, at: Instant): void {
    journal.revert(this.db, entryId, at);
  }

  close(): void {
    this.db.close();
  }

  // ---- contacts -------------------------------------------------------------

  insertContact(fields: ContactFields, now: Instant): number {
    return insertContactRow(this.db, fields, now);
  }

  updateContact(id: number, fields: Partial<ContactFields>, now: Instant): void {
    const values = { ...fields, ...contactKeys(fields) };
    const columns = Object.keys(values);
    if (columns.length === 0) return;
    const sets = columns.map((c) => `${c} = @${c}`).join(', ');
    prepared(this.db, `UPDATE contacts SET ${sets}, updated_at = @now WHERE id = @id`).run({ ...values, now, id });
    if (fields.name !== undefined || fields.company !== undefined) saveWords(this.db, id);
  }

  setStatus(id: number, status: Status, now: Instant): void {
    prepared(this.db, 'UPDATE contacts SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
  }

  deleteContact(id: number): void {
    // Children first, each row on its own: the journal then puts the contact back before its children.
    prepared(this.db, 'DELETE FROM call_points WHERE contact_id = ?').run(id);
    prepared(this.db, 'DELETE FROM commitment_history WHERE commitment_id IN (SELECT id FROM commitments WHERE contact_id = ?)').run(id);
    prepared(this.db, 'DELETE FROM commitments WHERE contact_id = ?').run(id);
    prepared(this.db, 'DELETE FROM touches WHERE contact_id = ?').run(id);
    prepared(this.db, 'DELETE FROM tags WHERE contact_id = ?').run(id);
    prepared(this.db, 'DELETE FROM contacts WHERE id = ?').run(id);
  }

  moveHistory(from: number, to: number): void {
    prepared(this.db, 'UPDATE touches SET contact_id = ? WHERE contact_id = ?').run(to, from);
    prepared(this.db, 'UPDATE commitments SET contact_id = ? WHERE contact_id = ?').run(to, from);
    prepared(this.db, 'UPDATE call_points SET contact_id = ? WHERE contact_id = ?').run(to, from);
    prepared(this.db, 'UPDATE decisions SET contact_id = ? WHERE contact_id = ?').run(to, from);
  }

  contact(id: number): Contact | undefined {
    const r = prepared(this.db, `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE id = ?`).get(id) as Row | undefined;
    return r && contactFromRow(r);
  }

  /** The contact with this email, whatever its case (one contact per email). */
  contactByEmail(email: string): Contact | undefined {
    const r = prepared(this.db, `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE email_key = ?`).get(textKey(email)) as Row | undefined;
    return r && contactFromRow(r);
  }

  /** Contacts whose name or company equals `text`, whatever its case. */
  contactsNamed(text: string): Contact[] {
    return (
      prepared(this.db, `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE name_key = @k OR company_key = @k ORDER BY id`).all({ k: textKey(text) }) as Row[]
    ).map(contactFromRow);
  }

  /**
   * Contacts whose name or company has a word that starts with `text`, whatever its case (at most `limit`), read from the
   * index of word starts: a word starts the text or follows a space or a hyphen ("lena" finds Lena Novak, not Elena García).
   */
  contactsAtWordStart(text: string, limit: number): Contact[] {
    const k = textKey(text);
    return (
      prepared(
        this.db,
        `SELECT ${CONTACT_COLUMNS} FROM contacts
           WHERE id IN (SELECT DISTINCT contact_id FROM contact_words WHERE word >= @lo AND word < @hi LIMIT @limit)
           ORDER BY id`,
      ).all({ lo: k, hi: `${k}${LAST_CHARACTER}`, limit }) as Row[]
    ).map(contactFromRow);
  }

  /** Contacts whose name or company contains `text`, whatever its case (at most `limit`). */
  contactsContaining(text: string, limit: number): Contact[] {
    return (
      prepared(this.db, `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE instr(name_key, @k) > 0 OR instr(company_key, @k) > 0 ORDER BY id LIMIT @limit`).all({
        k: textKey(text),
        limit,
      }) as Row[]
    ).map(contactFromRow);
  }

  /** Every contact's id, name and company: for "did you mean" suggestions only. */
  contactNames(): { id: number; name: string; company: string | null }[] {
    return prepared(this.db, 'SELECT id, name, company FROM contacts').all() as { id: number; name: string; company: string | null }[];
  }

  /**
   * The contacts a new one may duplicate, read through the name and company key indexes
   * instead of every contact: those whose name starts with the same two letters (a typo
   * further in still matches) and of a length within `lengths`, and those at the same company.
   * When the new contact has a company, a name at another one is no duplicate: only those at
   * none are read by name.
   */
  duplicateCandidates(name: string, company: string | null, lengths: { min: number; max: number }): { id: number; name: string; company: string | null }[] {
    const prefix = [...textKey(name)].slice(0, 2).join('');
    const companyKey = company === null || textKey(company) === '' ? null : textKey(company);
    const byName = prepared(this.db, NAMES_FROM_PREFIX).all({ lo: prefix, hi: `${prefix}${LAST_CHARACTER}`, ...lengths, company: companyKey });
    const byCompany = companyKey === null ? [] : prepared(this.db, 'SELECT id, name, company FROM contacts WHERE company_key = ?').all(companyKey);
    const seen = new Map<number, { id: number; name: string; company: string | null }>();
    for (const r of [...byName, ...byCompany] as { id: number; name: string; company: string | null }[]) seen.set(r.id, r);
    return [...seen.values()];
  }

  contactCount(): number {
    return (prepared(this.db, 'SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
  }

  listContacts(filter: { status: Status | 'all'; tag: string | null }): Contact[] {
    const where: string[] = [];
    if (filter.status !== 'all') where.push('status = @status');
    if (filter.tag !== null) where.push('id IN (SELECT contact_id FROM tags WHERE tag = @tag)');
    const sql = `SELECT ${CONTACT_COLUMNS} FROM contacts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY lower(name), id`;
    return (prepared(this.db, sql).all({ status: filter.status, tag: filter.tag }) as Row[]).map(contactFromRow);
  }

  saveDerived(id: number, d: DerivedState, nextStepId: number | null): void {
    prepared(
      this.db,
      `UPDATE contacts SET last_touch_at = @lastTouchAt, last_two_way_at = @lastTwoWayAt, unanswered = @unanswered,
           last_attempt_at = @lastAttemptAt, last_attempt_channel = @lastAttemptChannel, same_channel_run = @sameChannelRun,
           chase_due_on = @chaseDueOn, nurture_due_on = @nurtureDueOn, value_unanswered = @valueUnanswered,
           next_step_id = @nextStepId, first_touch_at = (SELECT min(t.happened_at) FROM touches t WHERE t.contact_id = @id),
           last_two_way_outcome = (SELECT t.outcome FROM touches t WHERE t.contact_id = @id AND t.happened_at = @lastTwoWayAt
                                    AND t.outcome IN ('connected', 'replied') ORDER BY t.outcome = 'connected' DESC LIMIT 1),
           -- An aggregate gives one row, with no next step too.
           (step_due_at, step_due_date, step_soft) =
             (SELECT max(m.due_at), max(m.due_date), coalesce(max(m.soft), 0) FROM commitments m WHERE m.id = @nextStepId),
           (promise_due_at, promise_due_date) =
             (SELECT min(m.due_at), min(m.due_date) FROM commitments m WHERE m.contact_id = @id AND m.state = 'open' AND m.kind = 'promise')
         WHERE id = @id`,
    ).run({ ...d, nextStepId, id });
  }

  /**
   * Active and nurture contacts (the others have no due days) with their touches since
   * their last two-way touch, that one included: the current sequence and the latest touch,
   * all their due days derive from. The touches are streamed in contact order.
   */
  *contactHistories(): Generator<ContactHistory> {
    const nextSteps = this.openNextSteps();
    const decisions = new Map<number, Decision>();
    for (const r of this.db.prepare('SELECT * FROM decisions ORDER BY decided_at, id').iterate() as Iterable<Row>)
      decisions.set(r.contact_id as number, decisionFromRow(r));
    const open = "status IN ('active', 'nurture')";
    const contacts = prepared(this.db, `SELECT id, status, chase_due_on, nurture_due_on FROM contacts WHERE ${open} ORDER BY id`).all() as Row[];
    // Streamed while the caller writes: a statement of its own, never one shared through prepared().
    const touches = this.db
      .prepare(
        `SELECT t.* FROM contacts c JOIN touches t ON t.contact_id = c.id AND (c.last_two_way_at IS NULL OR t.happened_at >= c.last_two_way_at)
         WHERE c.${open} ORDER BY c.id, t.happened_at, t.id`,
      )
      .iterate() as IterableIterator<Row>;
    let pending = touches.next();
    for (const c of contacts) {
      const id = c.id as number;
      const own: Touch[] = [];
      for (; !pending.done && pending.value.contact_id === id; pending = touches.next()) own.push(touchFromRow(pending.value));
      yield {
        id,
        status: c.status as Status,
        touches: own,
        nextStep: nextSteps.get(id) ?? null,
        lastDecision: decisions.get(id) ?? null,
        chaseDueOn: c.chase_due_on as string | null,
        nurtureDueOn: c.nurture_due_on as string | null,
      };
    }
  }

  saveDueDays(id: number, chaseDueOn: LocalDate | null, nurtureDueOn: LocalDate | null): void {
    prepared(this.db, 'UPDATE contacts SET chase_due_on = ?, nurture_due_on = ? WHERE id = ?').run(chaseDueOn, nurtureDueOn, id);
  }

  /** The marks of a contact's unanswered attempts; its other touches carry none. Rows already right are not written. */
  saveAttemptMarks(contactId: number, marks: AttemptMark[]): void {
    const marked = new Map(marks.map((m) => [m.id, m]));
    const rows = prepared(this.db, 'SELECT id, attempt, answered FROM touches WHERE contact_id = ?').all(contactId) as {
      id: number;
      attempt: number | null;
      answered: number | null;
    }[];
    // Prepared only when a mark changes: compiling it compiles the touches' journal and summary triggers into it.
    let update: Statement | undefined;
    for (const r of rows) {
      const m = marked.get(r.id);
      const [attempt, answered] = m ? [m.attempt, m.answered ? 1 : 0] : [null, null];
      if (r.attempt !== attempt || r.answered !== answered) {
        update ??= prepared(this.db, 'UPDATE touches SET attempt = ?, answered = ? WHERE id = ?');
        update.run(attempt, answered, r.id);
      }
    }
  }

  // ---- call points ----------------------------------------------------------

  /** Replaces the key points prepared for the next touch of a contact. */
  setPendingPoints(contactId: number, points: string[], now: Instant): void {
    prepared(this.db, 'DELETE FROM call_points WHERE contact_id = ? AND touch_id IS NULL').run(contactId);
    const insert = prepared(this.db, 'INSERT INTO call_points (contact_id, point, created_at) VALUES (?, ?, ?)');
    for (const p of points) insert.run(contactId, p, now);
  }

  /** The key points prepared for the next touch, not yet kept on one. */
  pendingPoints(contactId: number): string[] {
    return (prepared(this.db, 'SELECT point FROM call_points WHERE contact_id = ? AND touch_id IS NULL ORDER BY id').all(contactId) as { point: string }[]).map(
      (r) => r.point,
    );
  }

  /** The prepared points go onto the touch that follows them. */
  keepPendingPoints(contactId: number, touchId: number): void {
    prepared(this.db, 'UPDATE call_points SET touch_id = ? WHERE contact_id = ? AND touch_id IS NULL').run(touchId, contactId);
  }

  /** The points kept on each touch of a contact, by touch id. */
  pointsByTouch(contactId: number): Map<number, string[]> {
    const map = new Map<number, string[]>();
    const rows = prepared(this.db, 'SELECT touch_id, point FROM call_points WHERE contact_id = ? AND touch_id IS NOT NULL ORDER BY id').all(contactId) as {
      touch_id: number;
      point: string;
    }[];
    for (const r of rows) map.set(r.touch_id, [...(map.get(r.touch_id) ?? []), r.point]);
    return map;
  }

  // ---- tags -----------------------------------------------------------------

  tagsOf(contactId: number): string[] {
    return (prepared(this.db, 'SELECT tag FROM tags WHERE contact_id = ? ORDER BY tag').all(contactId) as { tag: string }[]).map((r) => r.tag);
  }

  /** Tags of many contacts at once (one query, not one per contact). */
  tagsByContact(): Map<number, string[]> {
    const map = new Map<number, string[]>();
    for (const r of prepared(this.db, 'SELECT contact_id, tag FROM tags ORDER BY tag').all() as { contact_id: number; tag: string }[]) {
      const list = map.get(r.contact_id) ?? [];
      list.push(r.tag);
      map.set(r.contact_id, list);
    }
    return map;
  }

  addTags(contactId: number, tags: string[]): void {
    const stmt = prepared(this.db, 'INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?, ?)');
    for (const t of tags) stmt.run(contactId, t);
  }

  removeTags(contactId: number, tags: string[]): void {
    const stmt = prepared(this.db, 'DELETE FROM tags WHERE contact_id = ? AND tag = ?');
    for (const t of tags) stmt.run(contactId, t);
  }

  // ---- touches --------------------------------------------------------------

  insertTouch(t: NewTouch, forcedRules: string[], now: Instant, step: 'firm' | 'soft' | null = null, attemptNumber: number | null = null): number {
    const info = prepared(
      this.db,
      `INSERT INTO touches (contact_id, happened_at, channel, outcome, direction, note, value, until_date, proposal,
           forced, disposition, lost_reason, chase, step, attempt, answered, created_at)
         VALUES (@contactId, @at, @channel, @outcome, @direction, @note, @value, @until, @proposal,
           @forced, @disposition, @lostReason, @chase, @step, @attemptNumber, @answered, @now)`,
    ).run({
      ...t,
      proposal: t.proposal ? 1 : 0,
      chase: t.attempt ? 1 : 0,
      forced: forcedRules.length ? forcedRules.join(',') : null,
      step,
      attemptNumber,
      answered: attemptNumber === null ? null : 0,
      now,
    });
    return Number(info.lastInsertRowid);
  }

  touch(id: number): Touch | undefined {
    const r = prepared(this.db, 'SELECT * FROM touches WHERE id = ?').get(id) as Row | undefined;
    return r && touchFromRow(r);
  }

  updateTouch(id: number, changes: Partial<Pick<NewTouch, 'at' | 'channel' | 'outcome' | 'direction' | 'note'>>): void {
    const column = { at: 'happened_at', channel: 'channel', outcome: 'outcome', direction: 'direction', note: 'note' } as const;
    const keys = Object.keys(changes) as (keyof typeof column)[];
    if (keys.length === 0) return;
    prepared(this.db, `UPDATE touches SET ${keys.map((k) => `${column[k]} = @${k}`).join(', ')} WHERE id = @id`).run({ ...changes, id });
  }

  deleteTouch(id: number): void {
    prepared(this.db, 'DELETE FROM touches WHERE id = ?').run(id);
  }

  /** The next step a touch booked, kept on it for the statistics: the data generator's, which writes a touch before its step (fu log writes both at once, insertTouch). */
  setTouchStep(touchId: number, step: 'firm' | 'soft'): void {
    prepared(this.db, 'UPDATE touches SET step = ? WHERE id = ?').run(step, touchId);
  }

  /** A contact's touches, oldest first. */
  touchesOf(contactId: number): Touch[] {
    return (prepared(this.db, 'SELECT * FROM touches WHERE contact_id = ? ORDER BY happened_at, id').all(contactId) as Row[]).map(touchFromRow);
  }

  /** The rules --force overrode on each forced touch of a contact. */
  forcedRulesOf(contactId: number): Map<number, string> {
    const rows = prepared(this.db, 'SELECT id, forced FROM touches WHERE contact_id = ? AND forced IS NOT NULL').all(contactId) as {
      id: number;
      forced: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.forced]));
  }

  // ---- decisions ------------------------------------------------------------

  insertDecision(contactId: number, kind: DispositionKind, lostReason: string | null, now: Instant): number {
    const info = prepared(this.db, 'INSERT INTO decisions (contact_id, decided_at, kind, lost_reason, created_at) VALUES (?, ?, ?, ?, ?)').run(
      contactId,
      now,
      kind,
      lostReason,
      now,
    );
    return Number(info.lastInsertRowid);
  }

  /** A contact's latest decision, or undefined. */
  lastDecisionOf(contactId: number): Decision | undefined {
    const r = prepared(this.db, 'SELECT * FROM decisions WHERE contact_id = ? ORDER BY decided_at DESC, id DESC LIMIT 1').get(contactId) as Row | undefined;
    return r && decisionFromRow(r);
  }

  /** A contact's decisions, oldest first. */
  decisionsOf(contactId: number): Decision[] {
    return (prepared(this.db, 'SELECT * FROM decisions WHERE contact_id = ? ORDER BY decided_at, id').all(contactId) as Row[]).map(decisionFromRow);
  }

  // ---- commitments ----------------------------------------------------------

  insertCommitment(c: NewCommitment, now: Instant): number {
    const info = prepared(
      this.db,
      `INSERT INTO commitments (contact_id, kind, what, due_at, due_date, soft, created_at, touch_id)
         VALUES (@contactId, @kind, @what, @due_at, @due_date, @soft, @now, @touchId)`,
    ).run({ contactId: c.contactId, kind: c.kind, what: c.what, ...dueColumns(c.due), soft: c.soft ? 1 : 0, now, touchId: c.touchId });
    return Number(info.lastInsertRowid);
  }

  /** Every open next step, by contact (one indexed query for lists). */
  openNextSteps(): Map<number, Commitment> {
    return new Map(selectCommitments(this.db, "WHERE kind = 'next-step' AND state = 'open'").map((m) => [m.contactId, m]));
  }

  commitment(id: number): Commitment | undefined {
    return selectCommitments(this.db, 'WHERE id = ?', id)[0];
  }

  openCommitmentsOf(contactId: number): Commitment[] {
    return selectCommitments(this.db, "WHERE contact_id = ? AND state = 'open' ORDER BY id", contactId);
  }

  /** The commitments a touch created (what was agreed then), in the order they were recorded. */
  commitmentsCreatedBy(touchId: number): Commitment[] {
    return selectCommitments(this.db, 'WHERE touch_id = ? ORDER BY id', touchId);
  }

  commitmentsOf(contactId: number): Commitment[] {
    return selectCommitments(this.db, 'WHERE contact_id = ? ORDER BY created_at, id', contactId);
  }

  closeCommitment(id: number, state: Exclude<StoredCommitmentState, 'open'>, at: Instant, byTouchId: number | null, late = false): void {
    prepared(this.db, "UPDATE commitments SET state = ?, closed_at = ?, closed_by_touch_id = ?, late = ? WHERE id = ? AND state = 'open'").run(
      state,
      at,
      byTouchId,
      late ? 1 : 0,
      id,
    );
  }

  /** Reschedules an open commitment, keeping its old what and due in its history. */
  moveCommitment(id: number, what: string, due: Due, soft: boolean, now: Instant): void {
    prepared(
      this.db,
      `INSERT INTO commitment_history (commitment_id, moved_at, old_what, old_due_at, old_due_date, old_soft)
         SELECT id, ?, what, due_at, due_date, soft FROM commitments WHERE id = ?`,
    ).run(now, id);
    prepared(this.db, 'UPDATE commitments SET what = @what, due_at = @due_at, due_date = @due_date, soft = @soft WHERE id = @id').run({
      id,
      what,
      ...dueColumns(due),
      soft: soft ? 1 : 0,
    });
  }

  /** The reschedule history of every commitment of a contact, in one query. */
  historyByCommitment(contactId: number): Map<number, CommitmentMove[]> {
    const rows = prepared(
      this.db,
      'SELECT h.* FROM commitment_history h JOIN commitments c ON c.id = h.commitment_id WHERE c.contact_id = ? ORDER BY h.id',
    ).all(contactId) as Row[];
    const map = new Map<number, CommitmentMove[]>();
    for (const r of rows) {
      const list = map.get(r.commitment_id as number) ?? [];
      list.push({
        movedAt: r.moved_at as string,
        oldWhat: r.old_what as string,
        oldDue: r.old_due_at !== null ? { at: r.old_due_at as string } : { date: r.old_due_date as string },
        oldSoft: r.old_soft === 1,
      });
      map.set(r.commitment_id as number, list);
    }
    return map;
  }

  // ---- the daily reads (queries.ts) -----------------------------------------

  /** Everything `fu today` needs for one day. */
  agendaRows(day: AgendaDay): AgendaRows {
    return agendaRows(this, day);
  }

  /** The name and company of each of these contacts, by id. */
  namesOf(contactIds: readonly number[]): Map<number, ContactName> {
    return namesOf(this, contactIds);
  }

  /** What the rows of the live contacts that may be missed say of their open commitments. */
  staleMissed(params: StaleParams): CommittedFacts[] {
    return staleMissed(this, params);
  }

  /** How many live contacts have a soft next step not missed. */
  staleSoftCount(params: StaleParams): number {
    return staleSoftCount(this, params);
  }

  /** The live contacts with a soft next step not missed, in fu stale's order, read as they are taken. */
  staleSoftRanked(params: StaleParams): Iterable<number> {
    return staleSoftRanked(this, params);
  }

  /** How many contacts neither missed nor soft a stale category after those two holds, decided by SQL. */
  staleCount(category: KeyedCategory, params: StaleParams): number {
    return staleCount(this, category, params);
  }

  /** The contacts of a stale category after missed and soft, with the instant each one's rank runs from, in rank order, read as they are taken. */
  staleRanked(category: KeyedCategory, params: StaleParams): Iterable<StaleKey> {
    return staleRanked(this, category, params);
  }

  /** The live contacts that may be stale, with the open commitments that can decide their category: the whole list. */
  staleCandidates(params: StaleParams): StaleContact[] {
    return staleCandidates(this, params);
  }

  /** The stale contacts shown: those found missed or soft with every open commitment, the others with their open next step. */
  staleContacts(committed: readonly number[], keyed: readonly number[]): StaleContact[] {
    return staleContacts(this, committed, keyed);
  }

  /** The counts `fu stats` makes its figures from (stats.ts). */
  statsRows(query: StatsQuery): StatsRows {
    return statsRows(this.db, query);
  }

  appointmentsBetween(from: Instant, to: Instant): Instant[] {
    return appointmentsBetween(this, from, to);
  }

  appointmentDetailsBetween(from: Instant, to: Instant): Appointment[] {
    return appointmentDetailsBetween(this, from, to);
  }

  // ---- in and out in bulk (exchange.ts) ---------------------------------------

  knownContacts(): KnownContact[] {
    return exchange.knownContacts(this);
  }

  insertImported(contacts: readonly ImportedContact[], now: Instant, progress?: (done: number) => void): number[] {
    return exchange.insertImported(this, contacts, now, progress);
  }

  exportedContacts(): Record<string, unknown>[] {
    return exchange.exportedContacts(this);
  }

  exportedTouches(): Record<string, unknown>[] {
    return exchange.exportedTouches(this);
  }

  exportedCommitments(): Record<string, unknown>[] {
    return exchange.exportedCommitments(this);
  }

  exportedMoves(): Record<string, unknown>[] {
    return exchange.exportedMoves(this);
  }

  openAgenda(): AgendaEntry[] {
    return exchange.openAgenda(this);
  }

  agendaEntry(commitmentId: number): AgendaEntry | undefined {
    return exchange.agendaEntry(this, commitmentId);
  }

  // ---- config ---------------------------------------------------------------

  configValues(): Map<string, string> {
    return new Map((prepared(this.db, 'SELECT key, value FROM config').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  }

  setConfigValue(key: string, value: string): void {
    prepared(this.db, 'INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
