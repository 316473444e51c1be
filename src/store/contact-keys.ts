/**
 * The keys a contact is found by (migration 009): its name, company and email
 * case folded (src/text-key.ts), and where each word of its name and company
 * starts (contact_words). Written with every write of those fields; the
 * journal leaves contact_words out, and an undo writes them again (journal.ts).
 */
import type Database from 'better-sqlite3';
import type { ContactFields } from '../domain/types.js';
import { textKey, wordsOf } from '../text-key.js';
import type { Db } from './db.js';

/** The key columns of the fields among name, company and email that `fields` sets. */
export function contactKeys(fields: Partial<Pick<ContactFields, 'name' | 'company' | 'email'>>): Record<string, string | null> {
  const keys: Record<string, string | null> = {};
  for (const field of ['name', 'company', 'email'] as const) {
    const value = fields[field];
    if (value !== undefined) keys[`${field}_key`] = value === null ? null : textKey(value);
  }
  return keys;
}

const SQL = {
  keys: 'SELECT name_key, company_key FROM contacts WHERE id = ?',
  words: 'SELECT word FROM contact_words WHERE contact_id = ?',
  remove: 'DELETE FROM contact_words WHERE word = ? AND contact_id = ?',
  insert: 'INSERT INTO contact_words (word, contact_id) VALUES (?, ?)',
};
type Statements = Record<keyof typeof SQL, Database.Statement>;

/** Prepared once per connection: an import saves the words of thousands of contacts. */
const prepared = new WeakMap<Db, Statements>();
function statements(db: Db): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Statements;
    prepared.set(db, s);
  }
  return s;
}

/** Adds the words of a contact just inserted, from its keys. */
export function addWords(db: Db, contactId: number, keys: Record<string, string | null>): void {
  const insert = statements(db).insert;
  for (const w of wordsOf(keys.name_key!, keys.company_key ?? null)) insert.run(w, contactId);
}

/** Brings a contact's rows of contact_words in line with its keys, writing only those that change. */
export function saveWords(db: Db, contactId: number): void {
  const s = statements(db);
  const keys = s.keys.get(contactId) as { name_key: string; company_key: string | null };
  const wanted = new Set(wordsOf(keys.name_key, keys.company_key));
  for (const { word } of s.words.all(contactId) as { word: string }[]) if (!wanted.delete(word)) s.remove.run(word, contactId);
  for (const w of wanted) s.insert.run(w, contactId);
}
