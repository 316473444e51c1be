/**
 * Hardened edges that only a process shows: FIFOs and devices, a full output,
 * a killed restore, symlinks, files of another user (docs/data-safety.md,
 * "Hardened edges"). Each test spawns the real binary.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { fu, fuProcess, runProgram, session, snapshot, startFu, type ProcessOptions } from '../helpers.js';
import { BIN, filesIn, fuEnv, isRoot, otherUser, scratch, sleep } from './support.js';

const NOW = '2026-11-23T10:00:00Z';
const mode = (p: string) => fs.statSync(p).mode & 0o777;

/**
 * Runs fu and kills it if it has not ended after a generous while: a hang
 * becomes a failed exit code (-1) instead of a test that never ends.
 */
async function fuOrKill(args: string[], options: ProcessOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { child, done } = startFu(args, options);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

const mkfifo = async (file: string) => expect((await runProgram('mkfifo', [file], { env: fuEnv() })).code).toBe(0);

describe('files that are not regular files', () => {
  it('refuses a --template that is a FIFO or a device (exit 2) instead of hanging or eating memory', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    const fifo = path.join(run.dir, 'template.fifo');
    await mkfifo(fifo);
    for (const template of [fifo, '/dev/zero']) {
      const r = await fuOrKill(['draft', 'dana', '--template', template], { db: run.db, now: NOW });
      expect(r.code, `${template}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`fu: Cannot read the template "${template}": it is not a regular file.`);
    }
  });

  it('refuses a --template larger than 64 KB (exit 2), saying the limit', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    const big = path.join(run.dir, 'big.txt');
    fs.writeFileSync(big, `Subject: hi\n\n${'x'.repeat(70_000)}\n`);
    const r = await run('draft', 'dana', '--template', big);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('it is larger than 64 KB');
  });

  it('refuses a database path that is a FIFO (exit 5) instead of hanging', async () => {
    const dir = scratch();
    const db = path.join(dir, 'fu.db');
    await mkfifo(db);
    const r = await fuOrKill(['list'], { db, now: NOW });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain(`fu: The path ${db} is not a regular file`);
  });
});

describe('a failed write of the output', () => {
  it('is exit 5 with "could not write the output" when stdout is full (/dev/full), not an internal error', async () => {
    const run = session({ now: NOW });
    expect((await run('demo')).code).toBe(0);
    const full = fs.openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [BIN, 'list'], { env: fuEnv({ db: run.db, now: NOW }), stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const r = { code, stderr };
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toMatch(/^fu: Could not write the output: the disk is full\.\n/);
      expect(r.stderr).not.toContain('internal error');
    } finally {
      fs.closeSync(full);
    }
  });
});

describe('restore', () => {
  it('restores through a symlinked database into its target, keeping the symlink and the damaged copy beside the target', async () => {
    const run = session({ now: NOW });
    expect((await run('demo')).code).toBe(0);
    const sync = path.join(run.dir, 'sync');
    fs.mkdirSync(sync);
    const real = path.join(sync, 'real.db');
    fs.renameSync(run.db, real);
    fs.symlinkSync(path.join('sync', 'real.db'), run.db);
    const backup = path.join(scratch(), 'backup.db');
    expect((await run('backup', backup)).code).toBe(0);
    fs.truncateSync(real, Math.floor(fs.statSync(real).size / 2));
    const r = await run('restore', backup, '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(fs.lstatSync(run.db).isSymbolicLink()).toBe(true);
    expect(await snapshot(real)).toBe(await snapshot(backup));
    const kept = /The damaged database was kept as (\S+)\.\n$/.exec(r.stdout)?.[1];
    expect(path.dirname(kept!)).toBe(sync);
    expect(fs.lstatSync(kept!).isFile()).toBe(true);
    expect(filesIn(sync)).toEqual(['real.db', path.basename(kept!)]);
    expect(filesIn(run.dir)).toEqual(['fu.db', 'sync']);
  });

  it('removes the hidden copy a killed restore left behind, on the next run', async () => {
    const dir = scratch();
    const db = path.join(dir, 'fu.db');
    expect((await fu(['add', 'Dana Reyes'], { db, now: NOW })).code).toBe(0);
    // A backup large enough that the restore is still checking its copy when it is killed.
    const backup = path.join(scratch(), 'backup.db');
    const big = openDatabase(backup);
    const insert = big.prepare('INSERT INTO contacts (name, note, created_at, updated_at) VALUES (?, ?, ?, ?)');
    big.transaction(() => {
      for (let i = 0; i < 200_000; i++) insert.run(`Contact ${i}`, 'met at the trade fair, interested in the pilot', NOW, NOW);
    })();
    big.close();
    const leftovers = () => filesIn(dir).filter((f) => f.includes('.restore-'));
    const { child, done } = startFu(['restore', backup, '--yes'], { db, now: NOW });
    while (leftovers().length === 0 && child.exitCode === null) await sleep(2);
    child.kill('SIGKILL');
    await done;
    expect(leftovers(), 'the kill landed while the copy was there').not.toEqual([]);
    expect((await fu(['list'], { db, now: NOW })).code).toBe(0);
    expect(leftovers()).toEqual([]);
    expect(filesIn(dir)).toEqual(['fu.db']);
  });
});

describe('privacy of a file fu adopts', () => {
  it('makes a pre-existing empty database file, and its -wal and -shm, private (0600)', async () => {
    const dir = scratch();
    const db = path.join(dir, 'fu.db');
    fs.writeFileSync(db, '');
    fs.chmodSync(db, 0o644);
    const linked = path.join(dir, 'linked.db');
    const target = path.join(dir, 'target.db');
    fs.writeFileSync(target, '');
    fs.chmodSync(target, 0o644);
    fs.symlinkSync(target, linked);
    for (const [file, real] of [
      [db, db],
      [linked, target],
    ] as const) {
      expect((await fu(['add', 'Dana Reyes'], { db: file, now: NOW })).code).toBe(0);
      const holder = new Database(real);
      holder.prepare('SELECT count(*) FROM contacts').get();
      expect((await fu(['add', 'Lee Park'], { db: file, now: NOW })).code).toBe(0);
      expect([mode(real), mode(`${real}-wal`), mode(`${real}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      holder.close();
    }
  });
});

const user = await otherUser();
const skipPermissions =
  isRoot() && user === undefined
    ? 'running as root, and nobody cannot run this checkout of fu (it may sit in a private folder), so permissions do not stop writes'
    : undefined;
const as = (dir: string) => {
  if (user) fs.chownSync(dir, user.uid, user.gid);
};

describe('permissions', () => {
  it.skipIf(skipPermissions !== undefined)(
    `leaves no -wal or -shm beside a read-only database it refused to write, so making it writable again is enough${skipPermissions ? ` (skipped: ${skipPermissions})` : ''}`,
    async () => {
      const dir = scratch();
      fs.chmodSync(dir, 0o755);
      as(dir); // a folder the user may write to: SQLite can create its files there
      const db = path.join(dir, 'fu.db');
      expect((await fuProcess(['add', 'Dana Reyes'], { db, now: NOW, user })).code).toBe(0);
      fs.chmodSync(db, 0o400);
      const refused = await fuProcess(['add', 'Lee Park'], { db, now: NOW, user });
      expect(refused.code, refused.stderr).toBe(5);
      expect(refused.stderr).toMatch(/it is read-only/);
      expect(filesIn(dir)).toEqual(['fu.db']);
      fs.chmodSync(db, 0o600);
      const again = await fuProcess(['add', 'Lee Park'], { db, now: NOW, user });
      expect(again.code, again.stderr).toBe(0);
    },
  );

  it.skipIf(skipPermissions !== undefined)(
    `names the read-only folder, not the file, when a writable database sits in a folder the user may not write to${skipPermissions ? ` (skipped: ${skipPermissions})` : ''}`,
    async () => {
      const dir = scratch();
      fs.chmodSync(dir, 0o755); // root's: nobody may not create the -wal and -shm here
      const db = path.join(dir, 'fu.db');
      expect((await fu(['add', 'Dana Reyes'], { db, now: NOW })).code).toBe(0);
      if (user) fs.chownSync(db, user.uid, user.gid);
      else fs.chmodSync(dir, 0o555);
      for (const args of [['list'], ['add', 'Lee Park']]) {
        const r = await fuProcess(args, { db, now: NOW, user });
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(5);
        expect(r.stderr).toContain(
          `fu: Cannot use the database ${db}: its folder ${dir} is not writable (SQLite keeps its journal files beside the database).`,
        );
      }
      expect(filesIn(dir)).toEqual(['fu.db']);
      fs.chmodSync(dir, 0o755);
    },
  );
});
