/**
 * The journal's SQL (migrations/006_journal.sql): the triggers copy every row a
 * write changes while its entry is named in journal_recording; these functions
 * name it, read the journal back, and put rows back as they were.
 */
import type { JournalEntry, JournalRow, WriteKind } from '../domain/journal.js';
import type { ContactFields, Instant } from '../domain/types.js';
import type { Db } from './db.js';
import { contactKeys, saveWords } from './contact-keys.js';
import { prepared } from './statements.js';

/** How many writes fu keeps to take back; older entries are dropped by the write that makes room. */
export const JOURNAL_KEPT = 100;

/** Each journaled table's key columns, as in the triggers' row_key (test/robustness/journal.test.ts checks every journaled table has one). */
export const JOURNAL_KEYS: Readonly<Record<string, readonly string[]>> = {
  contacts: ['id'],
  call_points: ['id'],
  tags: ['contact_id', 'tag'],
  touches: ['id'],
  commitments: ['id'],
  commitment_history: ['id'],
  config: ['key'],
  decisions: ['id'],
};

/** Runs `fn` as one write transaction, journaled as `kind`; a write that changed no row leaves no entry. */
export function journaled<T>(db: Db, write: { kind: WriteKind; at: Instant }, fn: () => T): T {
  return db
    .transaction(() => {
      const entry = Number(prepared(db, 'INSERT INTO journal (kind, at) VALUES (?, ?)').run(write.kind, write.at).lastInsertRowid);
      prepared(db, 'INSERT INTO journal_recording (entry_id) VALUES (?)').run(entry);
      try {
        return fn();
      } finally {
        // On a throw the whole transaction rolls back anyway; on success nothing is recorded past here.
        prepared(db, 'DELETE FROM journal_recording').run();
        if (prepared(db, 'SELECT 1 FROM journal_rows WHERE entry_id = ? LIMIT 1').get(entry) === undefined) {
          prepared(db, 'DELETE FROM journal WHERE id = ?').run(entry);
        } else {
          prepared(db, 'DELETE FROM journal WHERE id <= ?').run(entry - JOURNAL_KEPT);
        }
      }
    })
    .immediate();
}

type EntryRow = { id: number; kind: WriteKind; at: string; undone_at: string | null };
const entryOf = (r: EntryRow): Omit<JournalEntry, 'rows'> => ({ id: r.id, kind: r.kind, at: r.at, undoneAt: r.undone_at });

function rowsOf(db: Db, entryId: number): JournalRow[] {
  const rows = db.prepare('SELECT tbl, before, after FROM journal_rows WHERE entry_id = ? ORDER BY id').all(entryId) as {
    tbl: string;
    before: string | null;
    after: string | null;
  }[];
  return rows.map((r) => ({ table: r.tbl, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) }));
}

export function undoableWrites(db: Db, limit: number): JournalEntry[] {
  const entries = db.prepare('SELECT * FROM journal WHERE undone_at IS NULL ORDER BY id DESC LIMIT ?').all(limit) as EntryRow[];
  return entries.map((e) => ({ ...entryOf(e), rows: rowsOf(db, e.id) }));
}

export function journalEntry(db: Db, id: number): JournalEntry | undefined {
  const e = db.prepare('SELECT * FROM journal WHERE id = ?').get(id) as EntryRow | undefined;
  return e && { ...entryOf(e), rows: rowsOf(db, e.id) };
}

export function laterWritesTouching(db: Db, entryId: number): Omit<JournalEntry, 'rows'>[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT j.* FROM journal_rows mine
         JOIN journal_rows later ON later.tbl = mine.tbl AND later.row_key = mine.row_key AND later.entry_id > mine.entry_id
         JOIN journal j ON j.id = later.entry_id AND j.undone_at IS NULL
       WHERE mine.entry_id = ? ORDER BY j.id`,
    )
    .all(entryId) as EntryRow[];
  return rows.map(entryOf);
}

/** Puts every row the entry changed back as it was, last change first; the foreign keys are checked at commit, when all are back. */
export function revert(db: Db, entryId: number, at: Instant): void {
  db.pragma('defer_foreign_keys = ON');
  const rows = db.prepare('SELECT tbl, row_key, before FROM journal_rows WHERE entry_id = ? ORDER BY id DESC').all(entryId) as {
    tbl: string;
    row_key: string;
    before: string | null;
  }[];
  for (const r of rows) {
    const keys = JOURNAL_KEYS[r.tbl];
    if (!keys) throw new Error(`the journal names an unknown table ${r.tbl}`);
    const keyValues = JSON.parse(r.row_key) as unknown[];
    const where = keys.map((k) => `"${k}" = ?`).join(' AND ');
    const exists = prepared(db, `SELECT 1 FROM "${r.tbl}" WHERE ${where}`).get(...keyValues) !== undefined;
    if (r.before === null) {
      prepared(db, `DELETE FROM "${r.tbl}" WHERE ${where}`).run(...keyValues);
      continue;
    }
    const before = JSON.parse(r.before) as Record<string, unknown>;
    // A contact journaled before it had keys (migration 009) gets them from its restored fields.
    if (r.tbl === 'contacts' && !('name_key' in before)) Object.assign(before, contactKeys(before as Pick<ContactFields, 'name' | 'company' | 'email'>));
    const columns = Object.keys(before);
    if (exists) {
      prepared(db, `UPDATE "${r.tbl}" SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')} WHERE ${where}`).run(...keyValues, before);
    } else {
      prepared(db, `INSERT INTO "${r.tbl}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(before);
    }
    // The words of a name are not journaled: they follow from the keys just put back.
    if (r.tbl === 'contacts') saveWords(db, before.id as number);
  }
  db.prepare('UPDATE journal SET undone_at = ? WHERE id = ?').run(at, entryId);
}
