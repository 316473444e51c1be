/**
 * `fu backup PATH` and `fu restore PATH`: a backup is a
 * private, checked, consistent snapshot even while other fu processes write;
 * a restore checks a copy of the backup before replacing anything, asks first
 * (or needs --yes), and swaps the content in one step.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, newest } from '../../src/store/db.js';
import { prepareRestore, removeDatabaseFiles } from '../../src/store/backup.js';
import { fu, fuProcess, session, snapshot } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';
import { count, derivedMismatches, filesIn, integrity, scratch, sleep } from './support.js';

const NOW = '2026-11-23T09:00:00Z';
const mode = (p: string) => fs.statSync(p).mode & 0o777;

async function demo() {
  const run = session({ now: NOW });
  expect((await run('demo')).code).toBe(0);
  return run;
}

describe('fu backup', () => {
  it('writes a private, checked, self-contained copy equal to the database, creating missing folders 0700', async () => {
    const run = await demo();
    const target = path.join(scratch(), 'new', 'nested', 'fu-2026-11-23.db');
    const r = await run('backup', target);
    expect(r).toMatchObject({ code: 0, stdout: `Backed up 20 contacts and 48 touches to ${target}.\n`, stderr: '' });
    expect(mode(target)).toBe(0o600);
    expect(mode(path.dirname(target))).toBe(0o700);
    expect(mode(path.dirname(path.dirname(target)))).toBe(0o700);
    expect(filesIn(path.dirname(target))).toEqual(['fu-2026-11-23.db']); // no -wal, -journal or temporary file
    expect(fs.readFileSync(target).subarray(18, 20)).toEqual(Buffer.from([1, 1])); // rollback journal: one file, no -wal needed
    expect(integrity(target)).toBe('ok');
    expect(await snapshot(target)).toBe(await snapshot(run.db));
    // It is a fu database: fu opens it as one.
    expect((await fu(['list', '--json'], { db: target, now: NOW })).code).toBe(0);
  });

  it('refuses to replace an existing file without --yes (exit 2, file untouched), and replaces it with --yes', async () => {
    const run = await demo();
    const target = path.join(scratch(), 'latest.db');
    fs.writeFileSync(target, 'an older backup\n', { mode: 0o600 });
    const r = await run('backup', target);
    expect(r).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `fu: ${target} already exists: fu backup replaces a file only with --yes.\nGive a new file name, or add --yes to replace it.\n`,
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('an older backup\n');
    expect((await run('backup', target, '--yes')).code).toBe(0);
    expect(await snapshot(target)).toBe(await snapshot(run.db));
    expect(mode(target)).toBe(0o600);
    expect(filesIn(path.dirname(target))).toEqual(['latest.db']);
  });

  it.each([
    ['a folder', (run: ReturnType<typeof session>) => run.dir, /is a folder: give the backup a file name/],
    ['the database itself', (run: ReturnType<typeof session>) => run.db, /is the database itself/],
  ])('refuses %s as PATH with exit 2', async (_what, target, message) => {
    const run = await demo();
    const before = await snapshot(run.db);
    const r = await run('backup', target(run));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(await snapshot(run.db)).toBe(before);
  });

  it('takes a consistent snapshot while twenty fu log write to the database', async () => {
    const run = session({ now: NOW });
    for (let i = 0; i < 20; i++) await run('add', `C${String(i).padStart(2, '0')}`);
    // The second ten writers wait until a copy has caught some writes done: on a busy machine every write
    // could otherwise end before the first copy, and the test would no longer see a copy taken in the middle.
    let caughtSome!: () => void;
    const midway = new Promise<void>((resolve) => (caughtSome = resolve));
    const writers = Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        if (i >= 10) await midway;
        await sleep((i % 10) * 50);
        return fuProcess(['log', `#${i + 1}`, '--outcome', 'connected', '--next', 'pricing review', '--at', 'tue 3pm'], { db: run.db, now: NOW });
      }),
    );
    let writing = true;
    void writers.finally(() => (writing = false));
    const backups: string[] = [];
    const dir = scratch();
    do {
      const target = path.join(dir, `b${backups.length}.db`);
      const r = await fuProcess(['backup', target], { db: run.db, now: NOW });
      expect(r.code, r.stderr).toBe(0);
      backups.push(target);
      if (count(target, 'touches') > 0) caughtSome();
    } while (writing);
    for (const r of await writers) expect(r.code, r.stderr).toBe(0);
    const touchCounts = [];
    for (const b of backups) {
      expect(integrity(b)).toBe('ok');
      expect(derivedMismatches(b)).toEqual([]);
      // Each fu log writes one touch and one next step together: a copy holds both or neither, per contact.
      const raw = new Database(b, { readonly: true });
      const torn = raw
        .prepare(
          "SELECT c.id FROM contacts c WHERE (SELECT count(*) FROM touches t WHERE t.contact_id = c.id) <> (SELECT count(*) FROM commitments cm WHERE cm.contact_id = c.id AND cm.state = 'open')",
        )
        .all();
      raw.close();
      expect(torn, b).toEqual([]);
      touchCounts.push(count(b, 'touches'));
    }
    // Copies were taken in the middle of the writes, not only before or after them.
    expect(touchCounts.some((n) => n > 0 && n < 20)).toBe(true);
  });
});

describe('fu restore', () => {
  it('puts the backup back in one step, after checking it, and leaves no temporary file', async () => {
    const run = await demo();
    const backup = path.join(scratch(), 'backup.db');
    expect((await run('backup', backup)).code).toBe(0);
    const saved = await snapshot(backup);
    await run('add', 'Lee Park');
    await run('log', 'dana', '--outcome', 'connected', '--won');
    await run('config', 'attempts.limit', '2');
    expect(await snapshot(run.db)).not.toBe(saved);
    const r = await run('restore', backup, '--yes');
    expect(r).toMatchObject({ code: 0, stdout: `Restored 20 contacts and 48 touches from ${backup} into ${run.db}.\n`, stderr: '' });
    expect(filesIn(run.dir)).toEqual(['fu.db']);
    expect(await snapshot(run.db)).toBe(saved);
    expect(mode(run.db)).toBe(0o600);
    expect(fs.existsSync(`${backup}-wal`)).toBe(false);
    expect(integrity(run.db)).toBe('ok');
  });

  it('restores into a database that does not exist yet, created 0600 in a 0700 folder', async () => {
    const run = await demo();
    const backup = path.join(scratch(), 'backup.db');
    await run('backup', backup);
    const fresh = path.join(scratch(), 'new', 'fu.db');
    const r = await fu(['restore', backup, '--yes'], { db: fresh, now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(await snapshot(fresh)).toBe(await snapshot(backup));
    expect(mode(fresh)).toBe(0o600);
    expect(mode(path.dirname(fresh))).toBe(0o700);
  });

  it('needs --yes when it cannot ask: exit 2 naming --yes, nothing touched', async () => {
    const run = await demo();
    const backup = path.join(scratch(), 'backup.db');
    await run('backup', backup);
    await run('add', 'Lee Park');
    const bytes = fs.readFileSync(run.db);
    const r = await run('restore', backup);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fu: fu restore replaces the whole database: add --yes to confirm when not interactive\.\n/);
    expect(fs.readFileSync(run.db).equals(bytes)).toBe(true);
    expect(filesIn(run.dir)).toEqual(['fu.db']);
  });

  const BAD_BACKUPS: [string, (dir: string) => string | Promise<string>, number, RegExp][] = [
    ['a missing file', (dir) => path.join(dir, 'nothing-here.db'), 2, /^fu: There is no file \S+\.\n/],
    ['a folder', (dir) => dir, 2, /^fu: \S+ is a folder, not a backup file\.\n/],
    ['a text file', (dir) => write(dir, 'notes.txt', 'Call Dana\n'), 5, /^fu: The file \S+ is not a fu backup \(not SQLite\)\.\n/],
    ['an empty file', (dir) => write(dir, 'empty.db', ''), 5, /^fu: The file \S+ is not a fu backup \(it is empty\)\.\n/],
    ['a truncated backup', async (dir) => await truncatedBackup(dir), 5, /^fu: The backup \S+ is damaged \(.+\)\.\n/],
    ['a backup with a damaged page', async (dir) => await corruptedBackup(dir), 5, /^fu: The backup \S+ is damaged \(.+\)\.\n/],
    ["another program's database", (dir) => otherProgram(dir), 5, /^fu: The file \S+ is not a fu backup: it holds another program's database\.\n/],
    [
      'a backup from a newer fu',
      async (dir) => await newerBackup(dir),
      5,
      /^fu: The backup \S+ was written by a newer fu \(schema \d+; this fu knows up to \d+\)\.\n/,
    ],
    ['a backup with broken references', async (dir) => await brokenReferences(dir), 5, /^fu: The backup \S+ is damaged \(\d+ broken references?\)\.\n/],
  ];

  it.each(BAD_BACKUPS)('refuses %s, leaving the database and the backup untouched', async (_what, make, code, message) => {
    const run = await demo();
    const dir = scratch();
    const source = await make(dir);
    const sourceBytes = fs.existsSync(source) && fs.statSync(source).isFile() ? fs.readFileSync(source) : null;
    const before = fs.readFileSync(run.db);
    const r = await run('restore', source, '--yes');
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(fs.readFileSync(run.db).equals(before)).toBe(true);
    expect(filesIn(run.dir)).toEqual(['fu.db']);
    if (sourceBytes) expect(fs.readFileSync(source).equals(sourceBytes)).toBe(true);
  });

  it('replaces a damaged database and keeps the damaged file beside it, byte for byte', async () => {
    const run = await demo();
    const backup = path.join(scratch(), 'backup.db');
    await run('backup', backup);
    fs.truncateSync(run.db, Math.floor(fs.statSync(run.db).size / 2));
    const damaged = fs.readFileSync(run.db);
    expect((await run('list')).code).toBe(5);
    const r = await run('restore', backup, '--yes');
    expect(r.code, r.stderr).toBe(0);
    const kept = /The damaged database was kept as (\S+)\.\n$/.exec(r.stdout)?.[1];
    expect(kept).toBeDefined();
    expect(path.dirname(kept!)).toBe(run.dir);
    expect(fs.readFileSync(kept!).equals(damaged)).toBe(true);
    expect(await snapshot(run.db)).toBe(await snapshot(backup));
    expect(filesIn(run.dir)).toEqual(['fu.db', path.basename(kept!)]);
    expect(mode(run.db)).toBe(0o600);
    // Named by fu's clock (FU_NOW here): damaged again at the same moment, the first one kept is not replaced.
    expect(path.basename(kept!)).toBe('fu.db.damaged-2026-11-23T09-00-00-000Z');
    fs.truncateSync(run.db, Math.floor(fs.statSync(run.db).size / 2));
    const again = await run('restore', backup, '--yes');
    expect(again.stdout).toContain(`The damaged database was kept as ${kept}-2.`);
    expect(fs.readFileSync(kept!).equals(damaged)).toBe(true);
  });

  it("refuses to replace another program's database (exit 5, untouched; a newer fu's: schema.test.ts)", async () => {
    const run = await demo();
    const backup = path.join(scratch(), 'backup.db');
    await run('backup', backup);
    const other = otherProgram(scratch());
    const bytes = fs.readFileSync(other);
    const r = await fu(['restore', backup, '--yes'], { db: other, now: NOW });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/holds another program's database/);
    expect(fs.readFileSync(other).equals(bytes)).toBe(true);
    expect(filesIn(path.dirname(other))).toEqual([path.basename(other)]);
  });

  it('shows other fu processes the database before or after the restore, never a mix', async () => {
    const run = session({ now: NOW });
    for (const name of ['Ana', 'Ben', 'Cy']) await run('add', name);
    const backup = path.join(scratch(), 'backup.db');
    await run('backup', backup);
    for (const name of ['Dee', 'Eve']) await run('add', name);
    await run('edit', 'ana', '--name', 'Ana Changed');
    const states = new Set(['Ana,Ben,Cy', 'Ana Changed,Ben,Cy,Dee,Eve']);
    let restoring = true;
    const restore = fuProcess(['restore', backup, '--yes'], { db: run.db, now: NOW }).finally(() => (restoring = false));
    const seen: string[] = [];
    const readers = Array.from({ length: 3 }, async () => {
      do {
        const r = await fuProcess(['list', '--json'], { db: run.db, now: NOW });
        expect(r.code, r.stderr).toBe(0);
        seen.push(
          (JSON.parse(r.stdout) as { name: string }[])
            .map((c) => c.name)
            .sort()
            .join(','),
        );
      } while (restoring);
    });
    await Promise.all(readers);
    expect((await restore).code).toBe(0);
    for (const s of seen) expect(states.has(s), s).toBe(true);
    expect((await run.json<{ name: string }[]>('list')).map((c) => c.name)).toEqual(['Ana', 'Ben', 'Cy']);
  });

  it('upgrades a backup from an older schema in the copy, never in the backup file', async () => {
    const run = await demo();
    const backup = path.join(scratch(), 'backup.db');
    await run('backup', backup);
    const bytes = fs.readFileSync(backup);
    const dir = scratch('fu-migrations-');
    for (const m of listMigrations()) fs.copyFileSync(m.file, path.join(dir, path.basename(m.file)));
    const next = newest(listMigrations()) + 1;
    fs.writeFileSync(path.join(dir, `${String(next).padStart(3, '0')}_future.sql`), 'ALTER TABLE contacts ADD COLUMN linkedin TEXT;');
    const live = path.join(scratch(), 'fu.db');
    const prepared = prepareRestore(backup, live, listMigrations(dir));
    try {
      expect(prepared.info).toEqual({ contacts: 20, touches: 48, version: next });
      const copy = new Database(prepared.tmp, { readonly: true });
      expect(copy.prepare('SELECT count(*) AS n FROM contacts WHERE linkedin IS NULL').get()).toEqual({ n: 20 });
      copy.close();
      expect(mode(prepared.tmp)).toBe(0o600);
    } finally {
      removeDatabaseFiles(prepared.tmp);
    }
    expect(fs.readFileSync(backup).equals(bytes)).toBe(true);
  });

  it('asks before replacing on a terminal: no keeps the database, yes restores it', async () => {
    const run = await demo();
    const backup = path.join(scratch(), 'backup.db');
    await run('backup', backup);
    await run('add', 'Lee Park');
    const changed = await snapshot(run.db);
    const env = { FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' };
    const no = await runInPty(['restore', backup], { env, steps: [['(y/N)', `n${KEY.enter}`]] });
    expect(no.code).toBe(0);
    expect(no.output.replace(/\r?\n/g, ' ')).toMatch(/Replace the database .* with the backup .* \(20 contacts and 48 touches\)\?/);
    expect(no.output).toContain('Nothing was changed.');
    expect(await snapshot(run.db)).toBe(changed);
    const yes = await runInPty(['restore', backup], { env, steps: [['(y/N)', `y${KEY.enter}`]] });
    expect(yes.code).toBe(0);
    expect(yes.output).toContain('Restored 20 contacts and 48 touches');
    expect(await snapshot(run.db)).toBe(await snapshot(backup));
  });
});

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function fuBackup(dir: string): Promise<string> {
  const db = path.join(dir, 'source.db');
  expect((await fu(['demo'], { db, now: NOW })).code).toBe(0);
  const file = path.join(dir, 'backup.db');
  expect((await fu(['backup', file], { db, now: NOW })).code).toBe(0);
  return file;
}

async function truncatedBackup(dir: string): Promise<string> {
  const file = await fuBackup(dir);
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
  return file;
}

async function corruptedBackup(dir: string): Promise<string> {
  const file = await fuBackup(dir);
  const fd = fs.openSync(file, 'r+');
  // The last page (an index or table page) overwritten with noise.
  const size = fs.statSync(file).size;
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, size - 4096);
  fs.closeSync(fd);
  return file;
}

function otherProgram(dir: string): string {
  const file = path.join(dir, 'music.db');
  const db = new Database(file);
  db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('So What');");
  db.close();
  return file;
}

async function newerBackup(dir: string): Promise<string> {
  const file = await fuBackup(dir);
  const db = new Database(file);
  db.pragma(`user_version = ${newest(listMigrations()) + 1}`);
  db.close();
  return file;
}

async function brokenReferences(dir: string): Promise<string> {
  const file = await fuBackup(dir);
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  db.prepare(
    "INSERT INTO touches (contact_id, happened_at, channel, outcome, direction, created_at) VALUES (999, '2026-11-20T10:00:00.000Z', 'call', 'no-answer', 'outbound', '2026-11-20T10:00:00.000Z')",
  ).run();
  db.close();
  return file;
}
