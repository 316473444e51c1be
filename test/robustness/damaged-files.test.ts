/**
 * `--db` pointing at something that is not a healthy fu database: exit 5,
 * one sentence naming the path and the problem, and the file (and its
 * folder) exactly as they were.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fu, fuProcess, type ProcessOptions } from '../helpers.js';
import { filesIn, isRoot, otherUser, scratch } from './support.js';

const NOW = '2026-11-23T09:00:00Z';

/** A fu database with the demo loaded, closed cleanly (no -wal beside it). */
async function demoDatabase(dir: string, name = 'fu.db'): Promise<string> {
  const file = path.join(dir, name);
  expect((await fu(['demo'], { db: file, now: NOW })).code).toBe(0);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  return file;
}

interface Case {
  /** Prepares the file in `dir` and says how to run fu on it. */
  setup(dir: string): Promise<{ db: string; user?: ProcessOptions['user'] }> | { db: string; user?: ProcessOptions['user'] };
  problem: RegExp;
  /** Only write commands meet the problem (a read-only file can still be read where SQLite may add its -shm). */
  writesOnly?: boolean;
}

const user = await otherUser();
// Root ignores file permissions: the permission cases then run fu as nobody. Not root: plain chmod bites.
const permissionsBite = !isRoot() || user !== undefined;

const CASES: Record<string, Case> = {
  'a file that is not SQLite': {
    setup: (dir) => {
      const file = path.join(dir, 'notes.txt');
      fs.writeFileSync(file, 'Call Dana on Tuesday about the pilot.\n'.repeat(40));
      return { db: file };
    },
    problem: /^The file (\S+) is not a fu database \(not SQLite\)\.$/,
  },
  'a database truncated to half its size': {
    setup: async (dir) => {
      const file = await demoDatabase(dir);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
      return { db: file };
    },
    problem: /^Cannot use the database (\S+): it is damaged or not a database\.$/,
  },
  'a database cut after its header': {
    setup: async (dir) => {
      const file = await demoDatabase(dir);
      fs.truncateSync(file, 100);
      return { db: file };
    },
    problem: /^Cannot use the database (\S+): it is damaged or not a database\.$/,
  },
  'a database whose schema page is overwritten': {
    setup: async (dir) => {
      const file = await demoDatabase(dir);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(3000, 0xa5), 0, 3000, 100); // page 1 after the 100-byte header: the table of tables
      fs.closeSync(fd);
      return { db: file };
    },
    problem: /^Cannot use the database (\S+): it is damaged or not a database\.$/,
  },
  'a directory': {
    setup: (dir) => {
      fs.mkdirSync(path.join(dir, 'fu.db'));
      return { db: path.join(dir, 'fu.db') };
    },
    problem: /^The path (\S+) is a directory, not a database file\.$/,
  },
  'a path inside a file, where no folder can be made': {
    setup: (dir) => {
      fs.writeFileSync(path.join(dir, 'plain-file'), 'not a folder\n');
      return { db: path.join(dir, 'plain-file', 'fu.db') };
    },
    problem: /^Cannot use the database (\S+): a part of its path is a file, not a folder\.$/,
  },
  'a folder fu may not write to': {
    setup: (dir) => {
      const locked = path.join(dir, 'locked');
      fs.mkdirSync(locked, { mode: 0o555 });
      fs.chmodSync(locked, 0o555);
      return { db: path.join(locked, 'fu.db'), user };
    },
    problem: /^Cannot use the database (\S+): permission denied\.$/,
  },
  'a read-only database file': {
    setup: async (dir) => {
      const file = await demoDatabase(dir);
      fs.chmodSync(file, 0o444);
      return { db: file, user };
    },
    problem: /^Cannot use the database (\S+): it is read-only\.$/,
    writesOnly: true,
  },
  "another program's SQLite database": {
    setup: (dir) => {
      const file = path.join(dir, 'music.db');
      const db = new Database(file);
      db.exec("CREATE TABLE songs (title TEXT, artist TEXT); INSERT INTO songs VALUES ('Blue in Green', 'Miles Davis');");
      db.close();
      return { db: file };
    },
    problem: /^The file (\S+) holds another program's database, not fu's\.$/,
  },
};

const WRITES = [
  ['add', 'Lee Park', '--company', 'Fabrikam'],
  ['log', 'dana', '--outcome', 'no-answer'],
  ['config', 'attempts.limit', '2'],
  ['backup', 'BACKUP'],
];
const READS = [['list'], ['today'], ['show', 'dana']];

/** Every file under `dir` with its bytes, to prove nothing was written, created or removed. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, String(name));
    const stat = fs.statSync(p);
    out[String(name)] = stat.isDirectory()
      ? `dir ${(stat.mode & 0o777).toString(8)}`
      : `${(stat.mode & 0o777).toString(8)} ${fs.readFileSync(p).toString('base64')}`;
  }
  return out;
}

describe('a --db that fu cannot use', () => {
  for (const [name, c] of Object.entries(CASES)) {
    const permissionCase = name === 'a folder fu may not write to' || name === 'a read-only database file';
    const skip =
      permissionCase && !permissionsBite
        ? 'running as root, and no other user can run this checkout of fu (it may sit in a private folder), so permissions do not stop writes'
        : undefined;
    it.skipIf(skip !== undefined)(`${name}: exit 5, one sentence naming it, nothing touched${skip ? ` (skipped: ${skip})` : ''}`, async () => {
      const dir = scratch();
      fs.chmodSync(dir, 0o755); // another user must be able to reach the file
      const { db, user: as } = await c.setup(dir);
      const before = contents(dir);
      const commands = c.writesOnly ? WRITES : [...READS, ...WRITES];
      for (const command of commands) {
        const args = command.map((a) => (a === 'BACKUP' ? path.join(scratch(), 'backup.db') : a));
        // Only another user needs a process of its own.
        const r = as
          ? await fuProcess(['--db', db, ...args], { now: NOW, user: as, env: { HOME: dir } })
          : await fu(['--db', db, ...args], { now: NOW, env: { HOME: dir } });
        const what = `fu ${args.join(' ')}`;
        expect(r.code, `${what}: ${r.stderr}`).toBe(5);
        expect(r.stdout, what).toBe('');
        const lines = r.stderr.split('\n');
        expect(lines, what).toHaveLength(3); // the sentence, what to do, and the final newline
        const sentence = lines[0]!.replace(/^fu: /, '');
        expect(lines[0], what).toMatch(/^fu: /);
        const named = c.problem.exec(sentence);
        expect(named, `${what}: ${sentence}`).not.toBeNull();
        expect(named![1], what).toBe(db);
        expect(lines[1], what).toMatch(/^[A-Z].*[.;]/);
        expect(contents(dir), `${what} left the files as they were`).toEqual(before);
        if (command[0] === 'backup') expect(fs.existsSync(args[1]!), what).toBe(false);
      }
    });
  }

  it('names the folder problem in a sentence, never a raw system error', async () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, 'plain-file'), 'x');
    for (const db of [path.join(dir, 'plain-file', 'sub', 'fu.db'), path.join(dir, 'x'.repeat(300), 'fu.db')]) {
      const r = await fu(['list'], { db, now: NOW });
      expect(r.code).toBe(5);
      expect(r.stderr).not.toMatch(/E[A-Z]+:|errno|syscall/);
      expect(r.stderr.split('\n')[0]).toMatch(/^fu: Cannot use the database .+: [a-z][^:]*\.$/);
    }
  });

  it('leaves no file behind when the database folder cannot be made', async () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, 'plain-file'), 'x');
    await fu(['add', 'Dana'], { db: path.join(dir, 'plain-file', 'fu.db'), now: NOW });
    expect(filesIn(dir)).toEqual(['plain-file']);
  });
});

describe('an error fu did not foresee', () => {
  // A stored time no fu writes (edited by hand, say) makes `fu show` fail where no check expects it.
  async function withBadTime(): Promise<string> {
    const db = await demoDatabase(scratch());
    const sql = new Database(db);
    sql.prepare("UPDATE commitments SET due_at = 'soon' WHERE id = 1").run();
    sql.close();
    return db;
  }

  it('is exit 1 with one line and how to see more, never a stack trace', async () => {
    const r = await fu(['show', '1'], { db: await withBadTime(), now: NOW });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fu: internal error: .+\nRun again with FU_DEBUG=1 to see the details, and please report it\.\n$/);
  });

  it('shows the stack with FU_DEBUG=1', async () => {
    const r = await fu(['show', '1'], { db: await withBadTime(), now: NOW, env: { FU_DEBUG: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fu: internal error: .+\n\w*Error: .+\n {4}at /);
  });
});
