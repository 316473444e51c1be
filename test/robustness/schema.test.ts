/**
 * Schema versions: a database made at any earlier schema
 * version keeps every row when this fu upgrades it, and one from a newer fu
 * is refused by every command, byte for byte untouched.
 *
 * Old databases are built here from the migrations/ prefixes, then filled
 * with fixtures/seed-NNN.sql: data as written by fu at schema NNN. Adding
 * migration N+1 therefore needs fixtures/seed-N.sql (the test says so), made
 * with the fu of schema N, and never edited afterwards.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, listMigrations, newest, openDatabase, type Migration } from '../../src/store/db.js';
import { attemptMarks, chronological } from '../../src/domain/derive.js';
import { Store } from '../../src/store/store.js';
import { fu } from '../helpers.js';
import { derivedMismatches, filesIn, integrity, scratch } from './support.js';

const NOW = '2026-11-25T09:00:00Z';
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const MIGRATIONS = listMigrations();
const NEWEST = newest(MIGRATIONS);
const seedFile = (version: number) => path.join(FIXTURES, `seed-${String(version).padStart(3, '0')}.sql`);

type Tables = Record<string, Record<string, unknown>[]>;

function tablesOf(file: string): Tables {
  const db = new Database(file, { readonly: true });
  try {
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((r) => r.name);
    return Object.fromEntries(names.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]]));
  } finally {
    db.close();
  }
}

/**
 * The contact columns derived from the history: a migration that changes a rule derives them again (the
 * check that they equal what the history gives follows every upgrade), so they are not compared here.
 */
const DERIVED = new Set([
  'last_touch_at',
  'last_two_way_at',
  'unanswered',
  'last_attempt_at',
  'last_attempt_channel',
  'same_channel_run',
  'chase_due_on',
  'nurture_due_on',
  'value_unanswered',
]);

/** Every row of every old table is still there after the upgrade, with the same values in the old columns (new columns may be added). */
function expectRowsKept(before: Tables, after: Tables): void {
  for (const [table, rows] of Object.entries(before)) {
    expect(after[table], `table ${table} is gone`).toBeDefined();
    const columns = rows[0] ? Object.keys(rows[0]).filter((c) => table !== 'contacts' || !DERIVED.has(c)) : [];
    const project = (r: Record<string, unknown>) => JSON.stringify(columns.map((c) => r[c]));
    const kept = new Map<string, number>();
    for (const r of after[table]!) kept.set(project(r), (kept.get(project(r)) ?? 0) + 1);
    for (const r of rows) {
      const key = project(r);
      expect(kept.get(key) ?? 0, `${table} lost ${key}`).toBeGreaterThan(0);
      kept.set(key, kept.get(key)! - 1);
    }
  }
}

/** A database at schema `version`, made by the migrations up to it, holding that version's seed data. */
async function databaseAt(version: number, migrations: Migration[] = MIGRATIONS): Promise<string> {
  const file = path.join(scratch(), 'fu.db');
  openDatabase(
    file,
    migrations.filter((m) => m.version <= version),
  ).close();
  if (fs.existsSync(seedFile(version))) {
    const db = new Database(file);
    db.exec(fs.readFileSync(seedFile(version), 'utf8'));
    db.close();
  } else {
    // Only the newest schema may go without a frozen seed: today's fu writes it.
    expect(
      version,
      `add ${path.relative(process.cwd(), seedFile(version))}: data written by the fu of schema ${version}, before migration ${version + 1} lands`,
    ).toBe(NEWEST);
    expect((await fu(['demo'], { db: file, now: NOW })).code).toBe(0);
  }
  return file;
}

/** Touches whose stored attempt marks or booked step (migration 004, kept on write) differ from what the history gives. */
function attemptMarkMismatches(file: string): { id: number; stored: unknown; recomputed: unknown }[] {
  const store = new Store(new Database(file, { readonly: true }));
  try {
    const stored = new Map(
      (store.db.prepare('SELECT id, attempt, answered FROM touches').all() as { id: number; attempt: number | null; answered: number | null }[]).map((r) => [
        r.id,
        { attempt: r.attempt, answered: r.answered },
      ]),
    );
    const out: { id: number; stored: unknown; recomputed: unknown }[] = [];
    for (const { id } of store.contactNames()) {
      const touches = store.touchesOf(id);
      const marks = new Map(attemptMarks(chronological(touches)).map((m) => [m.id, { attempt: m.attempt, answered: m.answered ? 1 : 0 }]));
      for (const t of touches) {
        const recomputed = marks.get(t.id) ?? { attempt: null, answered: null };
        if (JSON.stringify(stored.get(t.id)) !== JSON.stringify(recomputed)) out.push({ id: t.id, stored: stored.get(t.id), recomputed });
      }
    }
    // The next step each touch booked, as its commitments say.
    const steps = store.db
      .prepare(
        `SELECT t.id, t.step AS stored, (SELECT CASE c.soft WHEN 1 THEN 'soft' ELSE 'firm' END FROM commitments c WHERE c.touch_id = t.id AND c.kind = 'next-step') AS recomputed
           FROM touches t WHERE t.step IS NOT recomputed`,
      )
      .all() as { id: number; stored: unknown; recomputed: unknown }[];
    return [...out, ...steps];
  } finally {
    store.close();
  }
}

describe('upgrading an older database', () => {
  it.each(MIGRATIONS.map((m) => m.version))('keeps every row of a database made at schema %i, upgraded by fu to the newest', async (version) => {
    const file = await databaseAt(version);
    const before = tablesOf(file);
    expect(Object.values(before).some((rows) => rows.length > 0)).toBe(true);
    // Any command opens and upgrades it; these read it back whole.
    for (const args of [
      ['list', '--status', 'all', '--json'],
      ['today', '--json'],
      ['stale', '--json'],
      ['show', '#1', '--json'],
    ]) {
      const r = await fu(args, { db: file, now: NOW });
      expect(r.code, `fu ${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(NEWEST);
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    raw.close();
    expectRowsKept(before, tablesOf(file));
    expect(integrity(file)).toBe('ok');
    expect(derivedMismatches(file)).toEqual([]);
    expect(attemptMarkMismatches(file)).toEqual([]);
  });

  it('takes back, after the upgrade, writes journaled before it: the columns added since follow the history again', async () => {
    const file = await databaseAt(NEWEST - 1);
    // The last two writes of the seed: an edit, and before it a call that connected (a contact's first and last two-way touch).
    for (const id of ['w8', 'w6']) {
      const r = await fu(['undo', id], { db: file, now: NOW });
      expect(r.code, `fu undo ${id}: ${r.stderr}`).toBe(0);
    }
    expect(derivedMismatches(file)).toEqual([]);
    expect(integrity(file)).toBe('ok');
  });

  it('keeps every row through a further migration too (the check above, run on a made-up next version)', async () => {
    const dir = scratch('fu-migrations-');
    for (const m of MIGRATIONS) fs.copyFileSync(m.file, path.join(dir, path.basename(m.file)));
    fs.writeFileSync(
      path.join(dir, `${String(NEWEST + 1).padStart(3, '0')}_future.sql`),
      `ALTER TABLE contacts ADD COLUMN linkedin TEXT;
       CREATE TABLE attachments (id INTEGER PRIMARY KEY, touch_id INTEGER NOT NULL REFERENCES touches (id) ON DELETE CASCADE, name TEXT NOT NULL) STRICT;
       CREATE INDEX contacts_linkedin ON contacts (linkedin) WHERE linkedin IS NOT NULL;`,
    );
    const future = listMigrations(dir);
    const file = await databaseAt(NEWEST, future);
    const before = tablesOf(file);
    openDatabase(file, future).close();
    const after = tablesOf(file);
    expectRowsKept(before, after);
    expect(Object.keys(after)).toContain('attachments');
    expect(after.contacts!.every((c) => 'linkedin' in c)).toBe(true);
    // And the checker does catch a migration that loses data.
    const lossy = { ...after, touches: after.touches!.slice(1) };
    expect(() => expectRowsKept(before, lossy)).toThrow(/touches lost/);
  });
});

/** A fu database that claims a newer schema, as a newer fu would leave it (WAL mode, cleanly closed). */
async function newerDatabase(): Promise<{ file: string; dir: string }> {
  const dir = scratch();
  const file = path.join(dir, 'fu.db');
  expect((await fu(['demo'], { db: file, now: NOW })).code).toBe(0);
  const raw = new Database(file);
  raw.pragma(`user_version = ${NEWEST + 1}`);
  raw.close();
  expect(filesIn(dir)).toEqual(['fu.db']);
  return { file, dir };
}

describe('a database from a newer fu', () => {
  it.each([
    ['list'],
    ['today'],
    ['show', 'dana'],
    ['add', 'Lee Park'],
    ['log', 'dana', '--outcome', 'no-answer'],
    ['config', 'attempts.limit', '2'],
    ['demo'],
    ['backup', 'BACKUP'],
    ['restore', 'BACKUP', '--yes'],
  ])('is refused by fu %s with exit 5, byte for byte untouched, no file added beside it', async (...command) => {
    const { file, dir } = await newerDatabase();
    // A healthy backup elsewhere, for restore; backup must not create its file.
    const backupDir = scratch();
    const backup = path.join(backupDir, 'backup.db');
    if (command[0] === 'restore') expect((await fu(['demo'], { db: backup, now: NOW })).code).toBe(0);
    const bytes = fs.readFileSync(file);
    const args = command.map((a) => (a === 'BACKUP' ? backup : a));
    const r = await fu(args, { db: file, now: NOW });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `fu: The database ${file} was written by a newer fu (schema ${NEWEST + 1}; this fu knows up to ${NEWEST}).\nUpgrade fu; the database was left untouched.\n`,
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(filesIn(dir)).toEqual(['fu.db']);
    if (command[0] === 'backup') expect(filesIn(backupDir)).toEqual([]);
  });
});
