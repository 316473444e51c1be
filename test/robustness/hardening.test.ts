/**
 * Hardened edges: where hostile text, dates, ids and paths met fu's limits
 * (docs/data-safety.md, "Hardened edges"). Each test runs the real binary.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safe } from '../../src/cli/output.js';
import { asDatabaseError } from '../../src/store/db.js';
import { fu, runProgram, session, snapshot } from '../helpers.js';
import { BIN, filesIn, fuEnv, scratch, treeOf } from './support.js';

const NOW = '2026-11-23T10:00:00Z';

describe('where the data goes', () => {
  it('refuses an empty --db or FU_DB (exit 2) instead of writing to the default database', async () => {
    const home = scratch();
    const flag = await fu(['--db', '', 'add', 'Dana Reyes'], { now: NOW, env: { HOME: home } });
    expect(flag.code, flag.stderr).toBe(2);
    expect(flag.stderr).toMatch(/^fu: --db is empty/);
    const variable = await fu(['add', 'Dana Reyes'], { now: NOW, env: { HOME: home, FU_DB: '' } });
    expect(variable.code, variable.stderr).toBe(2);
    expect(variable.stderr).toMatch(/^fu: FU_DB is empty/);
    expect(treeOf(home)).toEqual([]);
  });

  it('refuses a backup over the database or its -wal, -shm or -journal file, however the path is spelled', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    fs.mkdirSync(path.join(run.dir, 'sub'));
    fs.symlinkSync(run.dir, path.join(run.dir, 'link'));
    fs.symlinkSync(`${run.db}-wal`, path.join(run.dir, 'wal-link'));
    // Another connection keeps the live -wal and -shm in place, as another fu would.
    const holder = new Database(run.db);
    holder.prepare('SELECT count(*) FROM contacts').get();
    expect((await run('add', 'Lee Park')).code).toBe(0);
    const before = await snapshot(run.db);
    const targets = [
      `${run.db}-journal`,
      `${run.db}-wal`,
      `${run.db}-shm`,
      path.join(run.dir, 'sub', '..', 'fu.db-wal'),
      path.join(run.dir, 'link', 'fu.db-journal'),
      path.join(run.dir, 'link', 'fu.db'),
      path.join(run.dir, 'wal-link'),
    ];
    for (const target of targets) {
      for (const yes of [[], ['--yes']]) {
        const r = await run('backup', target, ...yes);
        expect(r.code, `${target}: ${r.stderr}`).toBe(2);
        expect(r.stderr, target).toMatch(/^fu: \S+ is the database( itself|'s own (write-ahead log|shared-memory index|rollback journal))/);
      }
    }
    expect(holder.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 2 });
    expect(await snapshot(run.db)).toBe(before);
    holder.close(); // the last connection: SQLite removes its -wal and -shm
    expect(filesIn(run.dir)).toEqual(['fu.db', 'link', 'sub', 'wal-link']);
  });

  it('refuses an export or a calendar written over the database or its journal files (exit 2), leaving the database whole', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    const before = await snapshot(run.db);
    for (const args of [
      ['export', '--format', 'json', '--out', run.db],
      ['export', '--format', 'csv', '--what', 'contacts', '--out', `${run.db}-wal`],
      ['calendar', '--out', path.join(run.dir, '.', 'fu.db')],
    ]) {
      const r = await run(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^fu: \S+ is the database( itself|'s own write-ahead log): write to another file\./);
    }
    expect(await snapshot(run.db)).toBe(before);
    expect(filesIn(run.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a --db ending in a slash (exit 2) instead of creating a file named like the folder', async () => {
    const dir = scratch();
    const r = await fu(['--db', `${path.join(dir, 'data')}/`, 'add', 'Dana Reyes'], { now: NOW });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^fu: --db .*data\/ ends with a slash: give the path of a file/);
    expect(filesIn(dir)).toEqual([]);
  });

  it('says a dangling symlink at the database path points nowhere, instead of blaming the folder', async () => {
    const dir = scratch();
    const db = path.join(dir, 'fu.db');
    fs.symlinkSync(path.join(dir, 'sync', 'real.db'), db);
    const r = await fu(['add', 'Dana Reyes'], { db, now: NOW });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain(`fu: Cannot use the database ${db}: it is a symbolic link to ${path.join(dir, 'sync', 'real.db')}, which does not exist.`);
  });
});

describe('user text as a key', () => {
  const OBJECT_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

  it('treats constructor, __proto__ and the other Object names as unknown config keys', async () => {
    const run = session({ now: NOW });
    for (const key of OBJECT_NAMES) {
      for (const args of [[key, '3'], [key], [key, '--json']]) {
        const r = await run('config', ...args);
        expect(r.code, `config ${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(/^fu: Unknown config key "/);
        expect(r.stdout).toBe('');
      }
    }
  });

  it('treats {{constructor}}, {{toString}} and {{__proto__}} as unknown template placeholders', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    for (const name of OBJECT_NAMES) {
      const template = path.join(run.dir, `${name}.txt`);
      fs.writeFileSync(template, `Subject: hello\n\nHi {{${name}}},\n`);
      const r = await run('draft', 'dana', '--template', template);
      expect(r.code, `{{${name}}}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`unknown placeholder {{${name}}}`);
      expect(r.stdout).not.toContain('native code');
    }
  });

  it('treats a column or a --map field named constructor as no field of fu import', async () => {
    const run = session({ now: NOW });
    const csv = path.join(run.dir, 'leads.csv');
    fs.writeFileSync(csv, 'Name,Constructor,Email\nDana Reyes,x,dana@acme.example\n');
    const imported = await run('import', csv);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Columns not imported: Constructor');
    const mapped = await run('import', csv, '--map', 'Email=constructor', '--dry-run');
    expect(mapped.code, mapped.stderr).toBe(2);
    expect(mapped.stderr).toMatch(/^fu: --map "Email=constructor" is not HEADER=FIELD\./);
  });
});

describe('limits', () => {
  it('refuses a name, company, note or step beyond its documented length, saying the limit (exit 2)', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    const before = await snapshot(run.db);
    const cases: [string[], string, number][] = [
      [['add', 'x'.repeat(201)], 'NAME', 200],
      [['add', 'Lee Park', '--company', 'x'.repeat(201)], '--company', 200],
      [['add', 'Lee Park', '--note', 'x'.repeat(2001)], '--note', 2000],
      [['edit', 'dana', '--name', 'x'.repeat(201)], '--name', 200],
      [['next', 'dana', 'x'.repeat(201), '--at', 'tue 3pm'], 'WHAT', 200],
      [['log', 'dana', '--outcome', 'connected', '--note', 'x'.repeat(2001)], '--note', 2000],
      [['log', 'dana', '--outcome', 'connected', '--lost', 'x'.repeat(201)], '--lost', 200],
      [['draft', 'dana', '--reason', 'x'.repeat(2001)], '--reason', 2000],
    ];
    for (const [args, flag, limit] of cases) {
      const r = await run(...args);
      expect(r.code, `${args[0]} ${flag}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`fu: ${flag} is too long (${args.find((a) => a.length > limit)!.length} characters): at most ${limit}.`);
    }
    expect(await snapshot(run.db)).toBe(before);
  });

  it('refuses an imported row whose field is beyond the same limit, as a bad row that stops the import', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    const before = await snapshot(run.db);
    const csv = path.join(run.dir, 'leads.csv');
    fs.writeFileSync(csv, `Name,Note\n${'x'.repeat(201)},fine\nLee Park,${'y'.repeat(2001)}\n`);
    const r = await run('import', csv);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toContain('line 2: the name is too long (201 characters): at most 200');
    expect(r.stdout).toContain('line 3: the note is too long (2001 characters): at most 2000');
    expect(await snapshot(run.db)).toBe(before);
  });

  it('looks up a contact by a 50,000-character text without an internal error', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    for (const text of ['a'.repeat(50_000), 'é'.repeat(30_000), '%_'.repeat(20_000)]) {
      const r = await run('show', text);
      expect(r.code, r.stderr.slice(0, 300)).toBe(4);
      expect(r.stderr).toMatch(/^fu: No contact matches "/);
    }
  });
});

describe('the date horizon', () => {
  it('refuses dates outside the years 1900 to 2999 in --at, --on, --until and FU_NOW (exit 2)', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    const before = await snapshot(run.db);
    const cases: [string[], string | undefined][] = [
      [['next', 'dana', 'demo', '--at', '9999-12-31 23:00'], undefined],
      [['log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', '3000-01-01 10:00'], undefined],
      [['log', 'dana', '--outcome', 'no-answer', '--on', '1899-12-31 10:00'], undefined],
      [['log', 'dana', '--via', 'email', '--outcome', 'auto-reply', '--until', '9999-12-31'], undefined],
      [['today', '--on', '9999-12-31'], undefined],
      [['today'], '9999-12-31T23:59:59Z'],
      [['today'], '1899-12-31T12:00:00Z'],
    ];
    for (const [args, now] of cases) {
      const r = now ? await run.at(now)(...args) : await run.at(NOW)(...args);
      expect(r.code, `${args.join(' ')} ${now ?? ''}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/fu: .*(outside|beyond) the years 1900 to 2999/);
    }
    expect(await snapshot(run.db)).toBe(before);
  });

  it('works to the last day of the horizon: chases, nurture and the agenda computed past it do not fail', async () => {
    const run = session({ now: '2999-12-30T10:00:00Z' });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    expect((await run('add', 'Lee Park')).code).toBe(0);
    expect((await run('next', 'dana', 'demo', '--at', '2999-12-31 23:00')).code).toBe(0);
    expect((await run('log', 'lee', '--outcome', 'no-answer')).code).toBe(0);
    for (const args of [['today'], ['today', '--on', '2999-12-31'], ['stale'], ['list'], ['show', 'lee', '--json'], ['done', 'c1']]) {
      const r = await run(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const r = await run('log', 'lee', '--outcome', 'connected', '--not-fit');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('ids', () => {
  it('refuses an id beyond the safe integer range (exit 2), quoting what was typed', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    for (const [args, typed] of [
      [['done', '99999999999999999999'], '99999999999999999999'],
      [['cancel', '#9007199254740993'], '#9007199254740993'],
      [['show', '99999999999999999999'], '99999999999999999999'],
      [['invite', 'dana', '--cancel', '99999999999999999999'], '99999999999999999999'],
    ] as const) {
      const r = await run(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`"${typed}" is not a valid id`);
    }
  });
});

describe('readable messages', () => {
  it('prints a library error that spans lines as readable sentences, without escaped newlines', async () => {
    const addon = Object.assign(
      new Error(
        "The module '/opt/fu/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 127.",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const message = asDatabaseError(addon, '/home/dana/fu.db').message;
    expect(safe(message)).toBe(message);
    expect(message).toContain('was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version');
  });

  it('suggests a command that pastes and runs for a step whose text starts with a dash', async () => {
    const run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes')).code).toBe(0);
    expect((await run('next', 'dana', '--at', '2026-11-24', '--soft', '--', '-v')).code).toBe(0);
    const r = await run('stale');
    expect(r.code, r.stderr).toBe(0);
    const suggestion = r.stdout
      .split('\n')
      .find((l) => l.includes('fu next'))!
      .split('\t')
      .find((c) => c.startsWith('fu next'))!;
    const pasted = suggestion.replace(/^fu /, '').replace('HH:MM', '15:00');
    const ran = await runProgram('/bin/sh', ['-c', `"$0" "$1" ${pasted}`, process.execPath, BIN], { env: fuEnv({ db: run.db, now: NOW }) });
    expect(ran.code, `${suggestion}: ${ran.stderr}`).toBe(0);
    expect((await run.json<{ nextStep: { what: string; soft: boolean } }>('show', 'dana')).nextStep).toMatchObject({ what: '-v', soft: false });
  });
});

describe('text that could drive a terminal', () => {
  const NAME = 'Dana \u0085\u009b31m\u007f \u2028\u202eTrap\u2066\u2067\u2068\u2069 \u200e\u200f\u061c Reyes';

  it('writes C1 controls, DEL, line separators and bidi controls in --json as \\u escapes, with the same value', async () => {
    const run = session({ now: NOW });
    expect((await run('add', NAME)).code).toBe(0);
    const r = await run('show', '1', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('\\u0085\\u009b31m\\u007f \\u2028\\u202eTrap\\u2066');
    expect((JSON.parse(r.stdout) as { name: string }).name).toBe(NAME);
    const exported = await run('export', '--format', 'json');
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).not.toMatch(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(exported.stdout) as { contacts: { name: string }[] }).contacts[0]!.name).toBe(NAME);
  });

  it('escapes every bidi control in tab-separated output, the marks included', async () => {
    const run = session({ now: NOW });
    expect((await run('add', NAME)).code).toBe(0);
    const r = await run('list');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0080-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('\\u200e\\u200f\\u061c');
  });
});
