/**
 * The keys a contact is found by (migration 008): its name, company and email
 * case folded (src/text-key.ts), and where each word of its name and company
 * starts (contact_words). Written with every write of those fields.
 */
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

/** Brings a contact's rows of contact_words in line with its keys, writing only those that change (each is journaled). */
export function saveWords(db: Db, contactId: number): void {
  const keys = db.prepare('SELECT name_key, company_key FROM contacts WHERE id = ?').get(contactId) as { name_key: string; company_key: string | null };
  const wanted = new Set(wordsOf(keys.name_key, keys.company_key));
  const stored = (db.prepare('SELECT word FROM contact_words WHERE contact_id = ?').all(contactId) as { word: string }[]).map((r) => r.word);
  const remove = db.prepare('DELETE FROM contact_words WHERE word = ? AND contact_id = ?');
  for (const w of stored) if (!wanted.delete(w)) remove.run(w, contactId);
  const insert = db.prepare('INSERT INTO contact_words (word, contact_id) VALUES (?, ?)');
  for (const w of wanted) insert.run(w, contactId);
}
