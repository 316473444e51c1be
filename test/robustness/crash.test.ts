/**
 * A writer killed with SIGKILL: the database still opens,
 * passes PRAGMA integrity_check and holds all or none of the interrupted
 * write; an interrupted migration leaves the previous version and re-runs.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, newest, openDatabase } from '../../src/store/db.js';
import { fu, fuProcess, snapshot, startFu } from '../helpers.js';
import { count, derivedMismatches, integrity, ROOT, scratch, sleep, writeLocked } from './support.js';

const NOW = '2026-11-23T09:00:00Z';
const TOUCHED = '2026-11-21T10:00:00.000Z';

/**
 * `n` contacts, each with one unanswered call two days ago and the state derived from it (its first touch too), but
 * for the due day of its chase: a real `fu config` run computes that one for every contact.
 */
async function bigDatabase(n: number): Promise<{ file: string; ms: number }> {
  const file = path.join(scratch(), 'base.db');
  const db = openDatabase(file);
  const contact = db.prepare(
    `INSERT INTO contacts (name, note, created_at, updated_at, last_touch_at, unanswered, last_attempt_at, last_attempt_channel, same_channel_run, first_touch_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, 'call', 1, ?)`,
  );
  const touch = db.prepare(
    `INSERT INTO touches (contact_id, happened_at, channel, outcome, direction, note, created_at, chase, attempt, answered)
     VALUES (?, ?, 'call', 'no-answer', 'outbound', ?, ?, 1, 1, 0)`,
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = contact.run(`Contact ${i}`, `met at the trade fair, stand ${i}`, TOUCHED, TOUCHED, TOUCHED, TOUCHED, TOUCHED).lastInsertRowid;
      touch.run(id, TOUCHED, 'left a message about the pilot', TOUCHED);
    }
  })();
  db.close();
  // A process, timed as the ones the tests kill; and a rewrite of 12,000 contacts in this worker would block it for seconds.
  const started = Date.now();
  expect((await fuProcess(['config', 'attempts.gapDays', '4'], { db: file, now: NOW })).code).toBe(0);
  return { file, ms: Date.now() - started };
}

/** The database opens through fu, is intact, and its derived state matches its (old or new) configuration everywhere. */
async function expectAllOrNone(file: string): Promise<string> {
  const shown = await fu(['show', '#1', '--json'], { db: file, now: NOW });
  expect(shown.code, shown.stderr).toBe(0);
  expect(integrity(file)).toBe('ok');
  const gap = (await fu(['config', 'attempts.gapDays'], { db: file, now: NOW })).stdout.trim();
  expect(['4', '6']).toContain(gap);
  // Every contact's chase day follows the stored gap: a half-applied rewrite would leave some on the other one.
  expect(derivedMismatches(file)).toEqual([]);
  return gap;
}

let big: Promise<{ file: string; ms: number }> | undefined;
/** 12,000 contacts, made once for this file: each test kills fu on copies of it. */
const bigBase = () => (big ??= bigDatabase(12_000));

function copyOf(file: string): string {
  const to = path.join(scratch(), 'fu.db');
  fs.copyFileSync(file, to);
  return to;
}

describe('SIGKILL in the middle of a large write', () => {
  it('keeps none of a fu config rewrite of 12,000 contacts killed inside its transaction, or all of it', async () => {
    const base = await bigBase();
    const outcomes: string[] = [];
    for (let run = 0; run < 3; run++) {
      const file = copyOf(base.file);
      const { child, done } = startFu(['config', 'attempts.gapDays', '6'], { db: file, now: NOW });
      // Wait until its write transaction is open, then kill it at a random moment inside it.
      const deadline = Date.now() + 20_000;
      while (!writeLocked(file) && Date.now() < deadline) await sleep(5);
      await sleep(Math.floor(Math.random() * Math.min(300, base.ms / 3)));
      const wasInside = writeLocked(file);
      child.kill('SIGKILL');
      const r = await done;
      expect(r.code).toBe(-1); // killed, not finished
      const gap = await expectAllOrNone(file);
      outcomes.push(`${wasInside ? 'inside' : 'after'}:${gap}`);
    }
    // At least one kill landed inside the transaction, so the test is not vacuous.
    expect(outcomes.some((o) => o === 'inside:4')).toBe(true);
  });

  it('keeps all or none when killed while the commit is being written to the WAL', async () => {
    const base = await bigBase();
    // A run that ends before the poll sees its -wal grow (a starved worker) proves nothing: try again on a fresh copy.
    let landed = 0;
    for (let attempt = 0; attempt < 5 && landed === 0; attempt++) {
      const file = copyOf(base.file);
      const { child, done } = startFu(['config', 'attempts.gapDays', '6'], { db: file, now: NOW });
      let exited = false;
      void done.then(() => (exited = true));
      // The commit appends the changed pages to the -wal file: kill as soon as it starts growing.
      const deadline = Date.now() + 20_000;
      while (!exited && Date.now() < deadline) {
        const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
        if (wal && wal.size > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (exited) continue;
      child.kill('SIGKILL');
      expect((await done).code).toBe(-1);
      await expectAllOrNone(file);
      landed++;
    }
    // Killed while still running (the commit under way), or the test would prove nothing.
    expect(landed).toBe(1);
  });

  it('leaves all or nothing of fu demo killed at random moments, on a database created by that same run', async () => {
    /** One run of fu demo, killed a random moment after its database file appears: how it ended. */
    const killOne = async (): Promise<'finished' | 'none' | 'all'> => {
      const file = path.join(scratch(), 'fu.db');
      const { child, done } = startFu(['demo'], { db: file, now: NOW });
      // Timed from the file's creation, not from the spawn: under load, start-up alone can outlast any fixed delay.
      let exited = false;
      void done.then(() => (exited = true));
      while (!exited && !fs.existsSync(file)) await sleep(1);
      await sleep(Math.floor(Math.random() * 40));
      child.kill('SIGKILL');
      const r = await done;
      const listed = await fu(['list', '--status', 'all', '--json'], { db: file, now: NOW });
      expect(listed.code, listed.stderr).toBe(0);
      expect(integrity(file)).toBe('ok');
      const contacts = count(file, 'contacts');
      const touches = count(file, 'touches');
      expect(`${contacts}/${touches}`).toBe(contacts === 0 ? '0/0' : '20/48');
      if (contacts > 0) expect(derivedMismatches(file)).toEqual([]);
      return r.code === 0 ? 'finished' : contacts === 0 ? 'none' : 'all';
    };
    // Rounds until a kill has landed while fu was still running, so the test is not vacuous (and not left to chance).
    const results: string[] = [];
    for (let round = 0; round < 10 && !results.some((r) => r !== 'finished'); round++) {
      results.push(...(await Promise.all(Array.from({ length: 6 }, killOne))));
    }
    expect(results.filter((r) => r === 'none' || r === 'all').length, results.join(', ')).toBeGreaterThan(0);
  });
});

describe('SIGKILL in the middle of a migration', () => {
  it('leaves the previous schema version and its data, and the migration runs again cleanly', async () => {
    // The real migrations, then a heavy one that is certain to be caught half-way.
    const dir = scratch('fu-migrations-');
    for (const m of listMigrations()) fs.copyFileSync(m.file, path.join(dir, path.basename(m.file)));
    const previous = newest(listMigrations());
    const next = previous + 1;
    fs.writeFileSync(
      path.join(dir, `${String(next).padStart(3, '0')}_heavy.sql`),
      `CREATE TABLE filler (id INTEGER PRIMARY KEY, pad TEXT NOT NULL) STRICT;
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250000)
       INSERT INTO filler (pad) SELECT hex(randomblob(64)) FROM n;
       ALTER TABLE contacts ADD COLUMN region TEXT;
       UPDATE contacts SET region = 'EMEA';`,
    );
    const file = path.join(scratch(), 'fu.db');
    expect((await fu(['demo'], { db: file, now: NOW })).code).toBe(0);
    const before = await snapshot(file);

    // openDatabase from the built code, in its own process, with the test's migrations.
    const script = `import { openDatabase, listMigrations } from ${JSON.stringify(path.join(ROOT, 'dist', 'store', 'db.js'))};
      openDatabase(process.argv[1], listMigrations(process.argv[2])).close(); console.log('migrated');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, file, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Kill once the migration has spilled pages to the WAL while still holding the write lock: half-way for sure.
    const deadline = Date.now() + 20_000;
    let halfWay = false;
    while (Date.now() < deadline && child.exitCode === null) {
      const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
      if (wal && wal.size > 2_000_000 && writeLocked(file)) {
        halfWay = true;
        break;
      }
      await sleep(2);
    }
    child.kill('SIGKILL');
    await exited;
    expect(out).toBe('');
    expect(halfWay).toBe(true);

    // The previous version, whole: opens through fu as it is today, same data, no trace of the migration.
    expect(integrity(file)).toBe('ok');
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(previous);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'filler'").get()).toEqual({ n: 0 });
    raw.close();
    expect(await snapshot(file)).toBe(before);
    expect((await fu(['list', '--json'], { db: file, now: NOW })).code).toBe(0);

    // Run again: it completes, and the data is still there.
    const db = openDatabase(file, listMigrations(dir));
    expect(db.pragma('user_version', { simple: true })).toBe(next);
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 250_000 });
    expect(db.prepare("SELECT count(*) AS n FROM contacts WHERE region = 'EMEA'").get()).toEqual({ n: 20 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('after a crash, the next fu recovers by itself', () => {
  it('opens a database whose writer died with a hot WAL, and keeps every committed touch', async () => {
    const file = path.join(scratch(), 'fu.db');
    expect((await fu(['add', 'Dana Reyes'], { db: file, now: NOW })).code).toBe(0);
    // A writer commits touches and dies without closing: its -wal is left behind, never checkpointed.
    const script = `import Database from ${JSON.stringify(path.join(ROOT, 'node_modules', 'better-sqlite3', 'lib', 'index.js'))};
      const db = new Database(process.argv[1]);
      db.pragma('wal_autocheckpoint = 0');
      const at = '2026-11-20T10:00:00.000Z';
      for (let i = 0; i < 50; i++) db.prepare("INSERT INTO touches (contact_id, happened_at, channel, outcome, direction, note, created_at) VALUES (1, ?, 'email', 'replied', 'inbound', ?, ?)").run(at, 'reply ' + i, at);
      process.kill(process.pid, 'SIGKILL');`;
    await new Promise((resolve) => spawn(process.execPath, ['--input-type=module', '-e', script, file]).on('close', resolve));
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const r = await fuProcess(['show', 'dana', '--json'], { db: file, now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { touches: unknown[] }).touches).toHaveLength(50);
    expect(integrity(file)).toBe('ok');
  });
});
