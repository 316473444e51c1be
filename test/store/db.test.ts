import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, listMigrations, openDatabase, resolveDbPath } from '../../src/store/db.js';
import { tempDir } from '../helpers.js';

const newest = () => listMigrations().at(-1)!.version;

describe('database path', () => {
  it.each([
    ['--db wins over everything', 'x/flag.db', { FU_DB: '/env/fu.db', XDG_DATA_HOME: '/xdg', HOME: '/home/u' }, path.resolve('x/flag.db')],
    ['FU_DB comes next', undefined, { FU_DB: '/env/fu.db', XDG_DATA_HOME: '/xdg', HOME: '/home/u' }, '/env/fu.db'],
    ['then XDG_DATA_HOME/fu/fu.db', undefined, { XDG_DATA_HOME: '/xdg', HOME: '/home/u' }, '/xdg/fu/fu.db'],
    ['a relative XDG_DATA_HOME is ignored, as the XDG spec says', undefined, { XDG_DATA_HOME: 'rel', HOME: '/home/u' }, '/home/u/.local/share/fu/fu.db'],
    ['else ~/.local/share/fu/fu.db', undefined, { HOME: '/home/u' }, '/home/u/.local/share/fu/fu.db'],
  ])('%s', (_name, flag, env, expected) => {
    expect(resolveDbPath(flag, env)).toBe(expected);
  });
});

describe('opening and migrating', () => {
  it('creates the schema from empty, in a 0700 folder and a 0600 file', () => {
    const file = path.join(tempDir(), 'new', 'nested', 'fu.db');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(newest());
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual([
      'call_points',
      'commitment_history',
      'commitments',
      'config',
      'contact_words',
      'contacts',
      'decisions',
      'journal',
      'journal_recording',
      'journal_rows',
      'stats_due_days',
      'stats_touch_days',
      'tags',
      'touches',
    ]);
    db.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it("keeps a page cache of 1 MB, not better-sqlite3's 16 MB: a run reads most pages once", () => {
    const db = openDatabase(path.join(tempDir(), 'fu.db'));
    expect(db.pragma('cache_size', { simple: true })).toBe(-1024);
    db.close();
  });

  it('re-opening a migrated database changes nothing', () => {
    const file = path.join(tempDir(), 'fu.db');
    openDatabase(file).close();
    const before = fs.readFileSync(file);
    openDatabase(file).close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('applies only the migrations newer than the recorded version, each recorded', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '001_a.sql'), 'CREATE TABLE a (x INTEGER) STRICT; PRAGMA application_id = 1718943744;');
    fs.writeFileSync(path.join(dir, '002_b.sql'), 'CREATE TABLE b (y INTEGER) STRICT;');
    const file = path.join(tempDir(), 'fu.db');
    openDatabase(file, listMigrations(dir).slice(0, 1)).close();
    const db = openDatabase(file, listMigrations(dir));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a', 'b')").get()).toEqual({ n: 2 });
    db.close();
  });

  it('rolls a failing migration back whole, leaving the previous version', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '001_a.sql'), 'CREATE TABLE a (x INTEGER) STRICT; PRAGMA application_id = 1718943744;');
    fs.writeFileSync(path.join(dir, '002_bad.sql'), 'CREATE TABLE b (y INTEGER) STRICT; INSERT INTO nowhere VALUES (1);');
    const file = path.join(tempDir(), 'fu.db');
    openDatabase(file, listMigrations(dir).slice(0, 1)).close();
    expect(() => openDatabase(file, listMigrations(dir))).toThrow(/Cannot use the database/);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('refuses a database from a newer fu and leaves it byte-for-byte untouched', () => {
    const file = path.join(tempDir(), 'fu.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${newest() + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ exitCode: 5, message: expect.stringMatching(/newer fu/) }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it("refuses another program's SQLite database, untouched", () => {
    const file = path.join(tempDir(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE songs (title TEXT)');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ exitCode: 5, message: expect.stringMatching(/another program/) }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite, untouched', () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'Call Dana on Tuesday\n'.repeat(50));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ exitCode: 5, message: expect.stringContaining(file) }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a directory', () => {
    const dir = tempDir();
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ exitCode: 5, message: expect.stringMatching(/is a directory/) }));
  });
});
