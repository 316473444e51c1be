/**
 * SQL for moving data in and out in bulk: contacts imported by the thousand,
 * every table read for export, the open commitments for the calendar.
 */
import type { AgendaEntry } from '../domain/calendar.js';
import type { ImportedContact, KnownContact } from '../domain/contact-import.js';
import type { Instant } from '../domain/types.js';
import type { Db } from './db.js';
import { insertContactRow } from './contact-keys.js';
import { COMMITMENT_COLUMNS, commitmentFromRow, type Row } from './rows.js';

/** What the queries run on: the store's connection. */
type Store = { readonly db: Db; tagsByContact(): Map<number, string[]> };

/** Every contact as import matching sees it: identity, the fields it may fill, tags. */
export function knownContacts(store: Store): KnownContact[] {
  const tags = store.tagsByContact();
  const rows = store.db.prepare('SELECT id, name, company, email, phone, source, note FROM contacts').all() as Omit<KnownContact, 'tags'>[];
  return rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] }));
}

/** Inserts imported contacts with their tags, in order; returns their ids. Callers run it in their transaction. */
export function insertImported(store: Store, contacts: readonly ImportedContact[], now: Instant, progress?: (done: number) => void): number[] {
  const tag = store.db.prepare('INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?, ?)');
  const ids: number[] = [];
  for (const c of contacts) {
    const id = insertContactRow(store.db, c, now);
    for (const t of c.tags) tag.run(id, t);
    ids.push(id);
    if (progress && ids.length % 1000 === 0) progress(ids.length);
  }
  return ids;
}

/** Every row of a table, columns as stored (snake_case), in id order. */
function allRows(store: Store, sql: string): Row[] {
  return store.db.prepare(sql).all() as Row[];
}

export const exportedContacts = (store: Store) =>
  allRows(
    store,
    `SELECT c.id, c.name, c.company, c.email, c.phone, c.source, c.note,
       (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM tags WHERE contact_id = c.id ORDER BY tag)) AS tags,
       c.status, c.created_at, c.updated_at, c.last_touch_at, c.last_two_way_at, c.unanswered, c.last_attempt_at,
       c.last_attempt_channel, c.same_channel_run, c.chase_due_on, c.nurture_due_on, c.value_unanswered, c.next_step_id
     FROM contacts c ORDER BY c.id`,
  );

export const exportedTouches = (store: Store) => allRows(store, 'SELECT * FROM touches ORDER BY id');

export const exportedCommitments = (store: Store) =>
  allRows(store, 'SELECT c.*, (SELECT count(*) FROM commitment_history h WHERE h.commitment_id = c.id) AS moves FROM commitments c ORDER BY c.id');

export const exportedMoves = (store: Store) => allRows(store, 'SELECT * FROM commitment_history ORDER BY id');

/** A commitment (COMMITMENT_COLUMNS), then its contact's name, company, email and phone, then how many times it moved. */
const ENTRY_SQL = `SELECT ${COMMITMENT_COLUMNS}, p.name, p.company, p.email, p.phone,
    (SELECT count(*) FROM commitment_history h WHERE h.commitment_id = m.id) AS moves
  FROM commitments m JOIN contacts p ON p.id = m.contact_id`;

function entryFromRow(r: unknown[]): AgendaEntry {
  return {
    commitment: commitmentFromRow(r),
    contact: {
      id: r[1] as number,
      name: r[11] as string,
      company: r[12] as string | null,
      email: r[13] as string | null,
      phone: r[14] as string | null,
    },
    moves: r[15] as number,
  };
}

/** Every open commitment with its contact and number of moves, by due time. */
export function openAgenda(store: Store): AgendaEntry[] {
  return (store.db.prepare(`${ENTRY_SQL} WHERE m.state = 'open' ORDER BY coalesce(m.due_at, m.due_date), m.id`).raw(true).all() as unknown[][]).map(
    entryFromRow,
  );
}

/** One commitment with its contact and number of moves. */
export function agendaEntry(store: Store, commitmentId: number): AgendaEntry | undefined {
  const r = store.db.prepare(`${ENTRY_SQL} WHERE m.id = ?`).raw(true).get(commitmentId) as unknown[] | undefined;
  return r && entryFromRow(r);
}
