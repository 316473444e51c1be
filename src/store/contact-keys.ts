/**
 * The keys a contact is found by (migration 009): its name, company and email
 * case folded (src/text-key.ts), and where each word of its name and company
 * starts (contact_words). Written with every write of those fields; the
 * journal leaves contact_words out, and an undo writes them again (journal.ts).
 */
import type { ContactFields, Instant } from '../domain/types.js';
import { textKey, wordsOf } from '../text-key.js';
import type { Db } from './db.js';
import { prepared } from './statements.js';

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
  insert: `INSERT INTO contacts (name, company, email, phone, source, note, created_at, updated_at, name_key, company_key, email_key)
           VALUES (@name, @company, @email, @phone, @source, @note, @now, @now, @name_key, @company_key, @email_key)`,
  keys: 'SELECT name_key, company_key FROM contacts WHERE id = ?',
  words: 'SELECT word FROM contact_words WHERE contact_id = ?',
  removeWord: 'DELETE FROM contact_words WHERE word = ? AND contact_id = ?',
  insertWord: 'INSERT INTO contact_words (word, contact_id) VALUES (?, ?)',
};

/** Inserts a contact with its keys and the words of its name and company; returns its id. */
export function insertContactRow(db: Db, fields: ContactFields, now: Instant): number {
  const { name, company, email, phone, source, note } = fields;
  const keys = contactKeys(fields);
  const id = Number(prepared(db, SQL.insert).run({ name, company, email, phone, source, note, now, ...keys }).lastInsertRowid);
  const insertWord = prepared(db, SQL.insertWord);
  for (const w of wordsOf(keys.name_key!, keys.company_key ?? null)) insertWord.run(w, id);
  return id;
}

/** Brings a contact's rows of contact_words in line with its keys, writing only those that change. */
export function saveWords(db: Db, contactId: number): void {
  const keys = prepared(db, SQL.keys).get(contactId) as { name_key: string; company_key: string | null };
  const wanted = new Set(wordsOf(keys.name_key, keys.company_key));
  const remove = prepared(db, SQL.removeWord);
  for (const { word } of prepared(db, SQL.words).all(contactId) as { word: string }[]) if (!wanted.delete(word)) remove.run(word, contactId);
  const insert = prepared(db, SQL.insertWord);
  for (const w of wanted) insert.run(w, contactId);
}
