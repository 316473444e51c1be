/**
 * A database written before contacts had their case-folded keys (schema 7): the
 * upgrade fills the keys of every contact, and an undo of a write journaled
 * before the upgrade puts the keys back with the fields.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDatabase } from '../../src/store/db.js';
import { textKey, wordsOf } from '../../src/text-key.js';
import { fu } from '../helpers.js';
import { openRaw, scratch } from './support.js';

const NOW = '2026-11-29T09:00:00Z';
const SEED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'seed-007.sql');

/** The seed of schema 7 (Émile Zola at Ørsted, Felix Wagner's company just edited to Ätlas Robotics), in a database at schema 7. */
function databaseAt7(): string {
  const file = path.join(scratch(), 'fu.db');
  openDatabase(
    file,
    listMigrations().filter((m) => m.version <= 7),
  ).close();
  const db = new Database(file);
  db.exec(fs.readFileSync(SEED, 'utf8'));
  db.close();
  return file;
}

const show = async (file: string, query: string) => {
  const r = await fu(['show', query, '--json'], { db: file, now: NOW });
  return r.code === 0 ? (JSON.parse(r.stdout) as { id: number; company: string }) : r.code;
};

describe('upgrading a database written before the keys', () => {
  it('fills the key of every name, company and email as fu folds them, and the start of every word', async () => {
    const file = databaseAt7();
    expect((await show(file, 'ÉMILE ZOLA')) as { id: number }).toMatchObject({ id: 17 });
    const db = openRaw(file);
    try {
      const rows = db.prepare('SELECT name, company, email, name_key, company_key, email_key FROM contacts').all() as Record<string, string | null>[];
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        expect(r.name_key).toBe(textKey(r.name!));
        expect(r.company_key).toBe(r.company === null ? null : textKey(r.company));
        expect(r.email_key).toBe(r.email === null ? null : textKey(r.email));
      }
      const words = db
        .prepare('SELECT c.name_key, c.company_key, (SELECT json_group_array(word) FROM contact_words w WHERE w.contact_id = c.id) AS words FROM contacts c')
        .all() as {
        name_key: string;
        company_key: string | null;
        words: string;
      }[];
      for (const w of words) expect((JSON.parse(w.words) as string[]).sort()).toEqual(wordsOf(w.name_key, w.company_key).sort());
    } finally {
      db.close();
    }
  });

  it('keeps both contacts whose emails differed only in a non-ASCII case, and refuses a third', async () => {
    const file = databaseAt7();
    expect(await show(file, 'émile@zola.fr')).toMatchObject({ id: 17 });
    expect((await fu(['add', 'Third', '--email', 'Émile@Zola.fr'], { db: file, now: NOW })).code).toBe(2);
  });

  it('puts the key back with the company when fu undo takes back an edit made before the upgrade', async () => {
    const file = databaseAt7();
    expect(await show(file, 'ÄTLAS ROBOTICS')).toMatchObject({ id: 12 });
    expect((await fu(['undo'], { db: file, now: NOW })).code).toBe(0);
    expect(await show(file, 'ATLAS ROBOTICS')).toMatchObject({ id: 12, company: 'Atlas Robotics' });
    expect(await show(file, 'ätlas')).toBe(4);
  });
});
