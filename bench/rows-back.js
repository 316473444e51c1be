/**
 * How the bench gives every run of a write the same database: before the run, a snapshot of
 * what the write may change (the contact's own rows, and the highest id of each table rows are
 * added to); after it, those rows put back and the rows added removed, in one transaction.
 * Only stored columns are read and written back (fu's own storedColumns, from the build):
 * generated ones (contacts.silent_since...) follow the row.
 */
import Database from 'better-sqlite3';
import { storedColumns } from '../dist/store/db.js';

/** What a write to `contactId` (null: a write that only adds rows, such as fu add) may change in the database `copy`. */
export function snapshotFor(copy, contactId) {
  const db = new Database(copy);
  const max = (table) => db.prepare(`SELECT max(id) AS m FROM ${table}`).get().m ?? 0;
  const rowsOf = (table, where) => db.prepare(`SELECT ${storedColumns(db, table)} FROM ${table} WHERE ${where} = ?`).all(contactId);
  try {
    return {
      contact: contactId === null ? null : rowsOf('contacts', 'id')[0],
      // A write also changes the contact's own rows: a step replaced or kept, a touch's attempt marks.
      commitments: contactId === null ? [] : rowsOf('commitments', 'contact_id'),
      touches: contactId === null ? [] : rowsOf('touches', 'contact_id'),
      maxContact: max('contacts'),
      maxTouch: max('touches'),
      maxCommitment: max('commitments'),
      maxHistory: max('commitment_history'),
      maxJournal: max('journal'),
    };
  } finally {
    db.close();
  }
}

/** Puts back what a write changed, rows added and rows updated, so that every run sees the same database. */
export function undo(copy, snap) {
  const db = new Database(copy);
  const restore = (table, row) => {
    const cols = Object.keys(row).filter((k) => k !== 'id');
    db.prepare(`UPDATE ${table} SET ${cols.map((k) => `"${k}" = @${k}`).join(', ')} WHERE id = @id`).run(row);
  };
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM journal WHERE id > ?').run(snap.maxJournal);
      db.prepare('DELETE FROM commitment_history WHERE id > ?').run(snap.maxHistory);
      if (snap.contact) db.prepare('UPDATE contacts SET next_step_id = NULL WHERE id = ?').run(snap.contact.id);
      db.prepare('DELETE FROM commitments WHERE id > ?').run(snap.maxCommitment);
      // The old rows first: a step the write kept points at the touch it added.
      for (const row of snap.commitments) restore('commitments', row);
      for (const row of snap.touches) restore('touches', row);
      db.prepare('DELETE FROM touches WHERE id > ?').run(snap.maxTouch);
      db.prepare('DELETE FROM contacts WHERE id > ?').run(snap.maxContact);
      if (snap.contact) restore('contacts', snap.contact);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
