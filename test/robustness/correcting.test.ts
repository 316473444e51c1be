/**
 * The guarantees of docs/data-safety.md, for the commands that correct the
 * record (fu undo, fu rm, fu merge, fu touch edit and rm): hostile text
 * stored verbatim and printed harmlessly, several fu at once, a lock held too long.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fu, fuProcess, session } from '../helpers.js';
import { content, derivedMismatches, RAW_CONTROL, scratch } from './support.js';

const NOW = '2026-11-23T09:00:00Z';

const HOSTILE = [
  'Eve \u001b[2J\u001b[31mRed\u001b[0m',
  'Mal \u001b]0;pwned\u0007 ding \u009b31m',
  'line one\nline two\tcol\r\u001b[Kover',
  'Trudy \u202eevil\u202c',
  `O'Brien"; DROP TABLE contacts; --`,
];

describe('hostile text through the commands that correct the record', () => {
  it.each(HOSTILE.map((t) => [JSON.stringify(t), t]))('stores %s verbatim and never prints a raw control character', async (_name, text) => {
    const run = session({ now: NOW });
    const printed: string[] = [];
    const ok = async (...args: string[]) => {
      const r = await run(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      printed.push(r.stdout, r.stderr);
    };
    await ok('add', text, '--company', text);
    await ok('add', text, '--company', text, '--email', 'dup@x.example', '--note', text); // a duplicate: warned about
    await ok('log', '#2', '--outcome', 'no-answer', '--note', text);
    await ok('touch', 'edit', 't1', '--note', `${text}!`, '--via', 'email');
    await ok('merge', '#1', '#2');
    await ok('undo', '--list');
    await ok('undo');
    await ok('touch', 'rm', 't1');
    await ok('rm', '#2', '--yes');
    await ok('undo');
    for (const out of printed) expect(RAW_CONTROL.exec(out), JSON.stringify(out)).toBeNull();
    const shown = await run.json<{ name: string; note: string; touches: { note: string }[] }>('show', '#2');
    expect(shown).toMatchObject({ name: text, note: text, touches: [] });
    const touches = new Database(run.db, { readonly: true }).prepare('SELECT note FROM touches').all();
    expect(touches).toEqual([]);
  });
});

describe('several fu at once', () => {
  it('a merge and a log on the duplicate at once: the touch is either merged into the kept contact or refused, never lost', async () => {
    for (let round = 0; round < 3; round++) {
      const db = path.join(scratch(), 'fu.db');
      await fu(['add', 'Priya Shah'], { db, now: NOW });
      await fu(['add', 'Priya Sha'], { db, now: NOW });
      const [merged, logged] = await Promise.all([
        fuProcess(['merge', '1', '2'], { db, now: NOW }),
        fuProcess(['log', '#2', '--outcome', 'no-answer'], { db, now: NOW }),
      ]);
      expect(merged.code, merged.stderr).toBe(0);
      expect([0, 4]).toContain(logged.code);
      const raw = new Database(db, { readonly: true });
      const touches = raw.prepare('SELECT contact_id FROM touches').all() as { contact_id: number }[];
      raw.close();
      expect(touches).toEqual(logged.code === 0 ? [{ contact_id: 1 }] : []);
      expect(derivedMismatches(db)).toEqual([]);
    }
  });

  it('fu undo waits for a write in progress, or gives up past the busy timeout with exit 5 and nothing changed', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    const before = content(run.db);
    const lock = new Database(run.db);
    lock.exec('BEGIN IMMEDIATE');
    try {
      const r = await fuProcess(['undo'], { db: run.db, now: NOW, env: { FU_BUSY_TIMEOUT_MS: '200' } });
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/busy/);
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect(content(run.db)).toBe(before);
    expect((await run('undo')).code).toBe(0);
  });
});
