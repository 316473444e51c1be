/**
 * Privacy: the database, its journals and backups are
 * private to the user (files 0600, folders fu creates 0700, whatever the
 * umask), and fu writes personal data nowhere else: no temporary files, no
 * logs, nothing in HOME, TMPDIR or the XDG folders besides the database.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { BIN, fu, runProgram } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';
import { fuEnv, scratch, treeOf } from './support.js';

const NOW = '2026-11-23T09:00:00Z';
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('private files', () => {
  it('creates the database 0600 in 0700 folders, its backups too, even with a umask of 000', async () => {
    const root = scratch();
    const db = path.join(root, 'data', 'fu', 'fu.db');
    const backup = path.join(root, 'backups', 'monday', 'fu.db');
    const run = (...args: string[]) =>
      runProgram('/bin/sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BIN, ...args], { env: fuEnv({ db, now: NOW }) });
    expect((await run('demo')).code).toBe(0);
    expect((await run('backup', backup)).code).toBe(0);
    expect(mode(db)).toBe(0o600);
    expect(mode(path.dirname(db))).toBe(0o700);
    expect(mode(path.dirname(path.dirname(db)))).toBe(0o700);
    expect(mode(backup)).toBe(0o600);
    expect(mode(path.dirname(backup))).toBe(0o700);
    expect(mode(path.dirname(path.dirname(backup)))).toBe(0o700);
    // A restore writes its checked copy beside the database: private as well, and gone afterwards.
    expect((await run('restore', backup, '--yes')).code).toBe(0);
    expect(mode(db)).toBe(0o600);
    expect(fs.readdirSync(path.dirname(db))).toEqual(['fu.db']);
  });

  it('keeps the write-ahead log and shared-memory files as private as the database', async () => {
    const db = path.join(scratch(), 'fu.db');
    expect((await fu(['add', 'Dana Reyes', '--note', 'prefers calls after 4pm'], { db, now: NOW })).code).toBe(0);
    // While another connection is open the -wal and -shm files stay; they hold recent writes.
    const holder = new Database(db);
    holder.prepare('SELECT count(*) FROM contacts').get();
    expect((await fu(['log', 'dana', '--outcome', 'no-answer'], { db, now: NOW })).code).toBe(0);
    expect(mode(`${db}-wal`)).toBe(0o600);
    expect(mode(`${db}-shm`)).toBe(0o600);
    holder.close();
  });

  it('keeps sorts and temporary tables in memory, so SQLite writes no temporary files', () => {
    const db = openDatabase(path.join(scratch(), 'fu.db'));
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    db.close();
  });
});

describe('no personal data outside the database', () => {
  it('writes nothing in HOME, TMPDIR or the XDG folders during a whole working session', async () => {
    const home = scratch();
    const tmp = scratch();
    const xdg = { XDG_CONFIG_HOME: scratch(), XDG_CACHE_HOME: scratch(), XDG_STATE_HOME: scratch(), XDG_RUNTIME_DIR: scratch() };
    const dataHome = scratch();
    const backups = scratch();
    // The database lives in its default place under XDG_DATA_HOME.
    const env = { HOME: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp, XDG_DATA_HOME: dataHome, ...xdg };
    const run = async (...args: string[]) => await fu(args, { now: NOW, env });
    const secret = 'Dana Reyes, private cell +1 555 0100';
    const session: [string[], number][] = [
      [['demo'], 0],
      [['add', secret, '--email', 'dana@private.example', '--note', 'divorce, do not mention'], 0],
      [
        [
          'log',
          'dana@private.example',
          '--outcome',
          'connected',
          '--note',
          'budget 40k',
          '--next',
          'demo',
          '--at',
          'tue 3pm',
          '--promise',
          'send pricing',
          '--by',
          'tomorrow 5pm',
        ],
        0,
      ],
      [['next', 'dana@private.example', 'demo with the CFO', '--at', 'wed 10am'], 0],
      [['done', 'c16'], 0], // the promise just made (the demo holds commitments c1 to c14, the next step is c15)
      [['edit', 'dana@private.example', '--phone', '+1 555 0100'], 0],
      [['config', 'attempts.limit', '2'], 0],
      [['today'], 0],
      [['today', '--json'], 0],
      [['stale'], 0],
      [['list', '--status', 'all'], 0],
      [['show', 'dana@private.example'], 0],
      [['backup', path.join(backups, 'fu.db')], 0],
      [['restore', path.join(backups, 'fu.db'), '--yes'], 0],
      [['next', 'dana@private.example', 'demo', '--at', 'yesterday 3pm'], 3],
      [['log', 'nobody', '--outcome', 'no-answer'], 4],
      [['add', secret, '--email', 'dana@private.example'], 2],
    ];
    for (const [args, code] of session) {
      const r = await run(...args);
      expect(r.code, `fu ${args.join(' ')}: ${r.stderr}`).toBe(code);
    }
    // Interactive prompts write nothing either.
    const interactive = await runInPty(['log', 'dana@private.example'], {
      env: { ...env, TZ: 'UTC', FU_NOW: NOW, NO_COLOR: '1' },
      steps: [
        ['Channel', KEY.enter],
        ['Outcome', `${KEY.down}${KEY.enter}`], // replied
        ['Note', `call me about the private matter${KEY.enter}`],
      ],
    });
    expect(interactive.code, interactive.output).toBe(0);

    expect(treeOf(home)).toEqual([]);
    expect(treeOf(tmp)).toEqual([]);
    for (const dir of Object.values(xdg)) expect(treeOf(dir)).toEqual([]);
    expect(treeOf(dataHome)).toEqual(['fu', path.join('fu', 'fu.db')]);
    expect(treeOf(backups)).toEqual(['fu.db']);
    expect(mode(path.join(dataHome, 'fu'))).toBe(0o700);
    expect(mode(path.join(dataHome, 'fu', 'fu.db'))).toBe(0o600);
  });
});
