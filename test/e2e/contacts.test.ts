import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContactFields } from '../../src/store/store.js';
import { fu, session, tempDir } from '../helpers.js';

/** The contact's fields as --json prints them (the same names as the store's). */
interface ContactJson extends ContactFields {
  id: number;
  tags: string[];
  status: string;
  createdAt: string;
  lastTouchAt: string | null;
  lastTwoWayAt: string | null;
  unansweredAttempts: number;
  chaseDueOn: string | null;
  nurtureDueOn: string | null;
  nextStep: unknown;
}

describe('contacts end to end', () => {
  it('adds, lists, shows and edits a contact, round-tripping every field through --json', async () => {
    const run = session({ now: '2026-11-23T09:00:00Z', tz: 'Europe/Paris' });
    const added = await run(
      'add',
      'Dana Reyes',
      '--company',
      'Acme',
      '--email',
      'dana@acme.com',
      '--phone',
      '+1 555 0100',
      '--tag',
      'saas',
      '--tag',
      'warm',
      '--source',
      'referral',
      '--note',
      'met through Lea',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'Added #1 Dana Reyes (Acme).\n', stderr: '' });

    const [listed] = await run.json<ContactJson[]>('list');
    expect(listed).toEqual({
      id: 1,
      name: 'Dana Reyes',
      company: 'Acme',
      email: 'dana@acme.com',
      phone: '+1 555 0100',
      source: 'referral',
      note: 'met through Lea',
      tags: ['saas', 'warm'],
      status: 'active',
      createdAt: '2026-11-23T10:00:00+01:00',
      lastTouchAt: null,
      lastTwoWayAt: null,
      unansweredAttempts: 0,
      chaseDueOn: null,
      nurtureDueOn: null,
      nextStep: null,
    });

    expect(await run('edit', 'dana', '--company', 'Acme Europe', '--untag', 'warm', '--tag', 'enterprise', '--phone', '')).toMatchObject({ code: 0 });
    const shown = await run.json<ContactJson & { touches: unknown[]; commitments: unknown[] }>('show', 'acme europe');
    expect(shown).toMatchObject({ company: 'Acme Europe', phone: null, tags: ['enterprise', 'saas'], touches: [], commitments: [] });

    const text = await run('show', '#1');
    expect(text.stdout).toContain('#1 Dana Reyes · Acme Europe · active');
    expect(text.stdout).toContain('Nothing logged yet');
  });

  it('lists tab-separated rows when piped, filtered by status and tag', async () => {
    const run = session();
    await run('add', 'Dana Reyes', '--company', 'Acme', '--tag', 'saas');
    await run('add', 'Sam Okafor', '--company', 'Brightline');
    expect((await run('list', '--tag', 'saas')).stdout).toBe('1\tDana Reyes\tAcme\t\tactive\tsaas\t\t\n');
    expect((await run('list', '--status', 'won')).stdout).toBe('');
    expect(await run('list', '--status', 'maybe')).toMatchObject({ code: 2, stderr: expect.stringContaining('maybe') });
  });

  it('refuses a second contact with the same email, whatever its case, and saves nothing', async () => {
    const run = session();
    await run('add', 'Dana Reyes', '--email', 'dana@acme.com');
    const r = await run('add', 'Dana Smith', '--email', 'DANA@acme.com');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fu: The email DANA@acme.com already belongs to #1 Dana Reyes.\nSee it with: fu show 1\n');
    expect(await run.json<unknown[]>('list')).toHaveLength(1);
  });

  it('allows the same name twice, then reports the name as ambiguous with the candidates (exit 4)', async () => {
    const run = session();
    await run('add', 'Alex Kim', '--company', 'Northwind');
    await run('add', 'Alex Kim', '--company', 'Contoso');
    const r = await run('show', 'alex kim');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('#1 Alex Kim (Northwind)');
    expect(r.stderr).toContain('#2 Alex Kim (Contoso)');
    expect((await run('show', 'contoso')).code).toBe(0);
  });

  it.each([
    ['an id', '2'],
    ['a #id', '#2'],
    ['an exact email', 'sam@brightline.io'],
    ['the name, in any case', 'SAM OKAFOR'],
    ['a unique part of the company', 'bright'],
  ])('finds a contact by %s', async (_what, query) => {
    const run = session();
    await run('add', 'Dana Reyes', '--company', 'Acme');
    await run('add', 'Sam Okafor', '--company', 'Brightline', '--email', 'sam@brightline.io');
    expect((await run.json<ContactJson>('show', query)).id).toBe(2);
  });

  it('reports an unknown contact with the closest names (exit 4)', async () => {
    const run = session();
    await run('add', 'Dana Reyes', '--company', 'Acme');
    const r = await run('show', 'Dnaa Reyes');
    expect(r).toMatchObject({ code: 4, stderr: 'fu: No contact matches "Dnaa Reyes".\nDid you mean #1 Dana Reyes (Acme)?\n' });
    expect(await run('show', '#99')).toMatchObject({ code: 4 });
  });

  it('refuses an empty or blank name with exit 2', async () => {
    const run = session();
    expect(await run('add', '   ')).toMatchObject({ code: 2, stderr: 'fu: NAME cannot be empty.\n' });
    expect(await run('add')).toMatchObject({ code: 2, stderr: expect.stringContaining('NAME is required when not interactive') });
  });

  it('reads and sets config, refusing values outside the allowed ones', async () => {
    const run = session();
    expect((await run('config', 'attempts.limit')).stdout).toBe('3\n');
    expect(await run('config', 'attempts.limit', '2')).toMatchObject({ code: 0, stdout: 'attempts.limit = 2\n' });
    expect(await run.json('config')).toMatchObject({ 'attempts.limit': 2, 'attempts.gapDays': 3, 'day.end': '17:00' });
    for (const [key, value] of [
      ['attempts.limit', '4'],
      ['attempts.gapDays', '0'],
      ['attempts.gapDays', '-1'],
      ['nurture.everyDays', 'soon'],
      ['day.end', '25:00'],
      ['day.start', '18:00'],
    ]) {
      const r = await run('config', key!, value!);
      expect(r.code, `${key} ${value}`).toBe(2);
      expect(r.stderr).toMatch(/^fu: .+\.\n/);
    }
    expect(await run('config', 'colour', 'blue')).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown config key "colour"') });
    expect((await run('config', 'attempts.limit')).stdout).toBe('2\n');
  });
});

describe('the command line', () => {
  it.each([
    ['an unknown command', ['frobnicate'], /Unknown command 'frobnicate'/],
    ['an unknown option', ['list', '--frobnicate'], /Unknown option '--frobnicate'/],
    ['a missing argument', ['show'], /Missing required argument/],
  ])('rejects %s with exit 2 and a hint', async (_what, args, message) => {
    const r = await fu(args, { db: path.join(tempDir(), 'fu.db') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/--help/);
  });

  it('suggests the command meant on a typo, in one clean hint', async () => {
    const r = await fu(['tody'], { db: path.join(tempDir(), 'fu.db') });
    expect(r).toMatchObject({ code: 2, stderr: "fu: Unknown command 'tody'.\nDid you mean today? See the commands with: fu --help\n" });
  });

  it('rejects an invalid FU_NOW with exit 2, quoting it', async () => {
    const r = await fu(['list'], { db: path.join(tempDir(), 'fu.db'), now: 'next tuesday' });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('"next tuesday"') });
  });

  it('prints help with examples for the program and every command, and the version', async () => {
    const help = await fu(['--help']);
    expect(help.code).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'fu');
    expect(commands.length).toBeGreaterThan(4);
    for (const cmd of commands) {
      const r = await fu([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(/Examples:\n {2}\$ fu /);
    }
    expect((await fu(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('creates the database on first use under XDG_DATA_HOME, 0600 in a 0700 folder', async () => {
    const xdg = tempDir();
    const r = await fu(['list'], { env: { XDG_DATA_HOME: xdg, HOME: tempDir() } });
    expect(r.code).toBe(0);
    const file = path.join(xdg, 'fu', 'fu.db');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it('refuses a database from a newer fu with exit 5', async () => {
    const run = session();
    await run('add', 'Dana');
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(run.db);
    raw.pragma('user_version = 999');
    raw.close();
    expect(await run('list')).toMatchObject({ code: 5, stderr: expect.stringContaining('newer fu') });
  });
});
