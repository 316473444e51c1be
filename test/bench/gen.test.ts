/**
 * The benchmark's data generator (bench/generator.ts): what it writes must pass
 * the invariants real data passes, and be realistic enough to exercise every
 * path of the daily commands. No timings here: see `npm run bench`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaOf } from '../../src/app/agenda.js';
import { stalePage } from '../../src/app/stale.js';
import { SECTIONS } from '../../src/domain/agenda.js';
import { configFrom } from '../../src/domain/config.js';
import { deriveState } from '../../src/domain/derive.js';
import { STALE_CATEGORIES } from '../../src/domain/stale.js';
import { staleList } from '../domain/fixtures.js';
import { everyLiveContact } from '../store/live-contacts.js';
import { localDateOf } from '../../src/domain/time.js';
import { generateFile, type GenSummary } from '../../bench/generator.js';
import { listMigrations, openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { ROOT, runProgram, tempDir } from '../helpers.js';
import { zoneOf } from '../../src/domain/zone.js';

const NOW = '2026-11-23T08:00:00.000Z';
const TZ = 'Europe/Paris';
const CONTACTS = 300;

let file: string;
let summary: GenSummary;
let store: Store;

beforeAll(() => {
  file = path.join(tempDir(), 'gen.db');
  summary = generateFile(file, { contacts: CONTACTS, touchesPerContact: 10, seed: 'test', now: NOW, zone: zoneOf(TZ) });
  store = new Store(openDatabase(file));
  return () => store.close();
});

const all = <T>(sql: string, ...params: unknown[]) => store.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => store.db.prepare(sql).get(...params) as T;

describe('the generated database', () => {
  it('is a whole fu database at the newest schema, with the rows it reports', () => {
    expect(store.db.pragma('user_version', { simple: true })).toBe(listMigrations().at(-1)!.version);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(one<{ n: number }>('SELECT count(*) AS n FROM contacts').n).toBe(CONTACTS);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM touches').n).toBe(summary.touches);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM commitments').n).toBe(summary.commitments);
    // About ten touches per contact on average (a few key accounts have twenty times more).
    expect(summary.touches / CONTACTS).toBeGreaterThan(7);
    expect(summary.touches / CONTACTS).toBeLessThan(14);
    // Written to a temporary file and renamed: nothing else is left in the folder.
    expect(fs.readdirSync(path.dirname(file)).filter((f) => !f.startsWith('gen.db'))).toEqual([]);
  });

  it('stores the derived columns that recomputing them from the history gives, for every contact', () => {
    const config = configFrom(store.configValues());
    const mismatches: unknown[] = [];
    for (const { id } of store.contactNames()) {
      const contact = store.contact(id)!;
      const nextStep = store.openCommitmentsOf(id).find((c) => c.kind === 'next-step') ?? null;
      const recomputed = { ...deriveState(contact.status, store.touchesOf(id), nextStep, config, zoneOf(TZ), null), nextStepId: nextStep?.id ?? null };
      const stored = { ...contact.derived, nextStepId: contact.nextStepId };
      if (!isDeepStrictEqual(stored, recomputed)) mismatches.push({ id, stored, recomputed });
    }
    expect(mismatches).toEqual([]);
  });

  it('has at most one open next step per contact, and commitments and touches of its own', () => {
    expect(all("SELECT contact_id FROM commitments WHERE kind = 'next-step' AND state = 'open' GROUP BY contact_id HAVING count(*) > 1")).toEqual([]);
    expect(all('SELECT cm.id FROM commitments cm JOIN touches t ON t.id = cm.touch_id WHERE t.contact_id <> cm.contact_id')).toEqual([]);
    // A commitment is closed after it was made, never before; a soft one has a date and no time.
    expect(all("SELECT id FROM commitments WHERE state <> 'open' AND (closed_at IS NULL OR closed_at < created_at)")).toEqual([]);
    expect(all('SELECT id FROM commitments WHERE soft = 1 AND due_at IS NOT NULL')).toEqual([]);
    // Nothing happened after now.
    expect(all('SELECT id FROM touches WHERE happened_at > ?', NOW)).toEqual([]);
    expect(all('SELECT id FROM contacts WHERE created_at > ?', NOW)).toEqual([]);
  });

  it('is realistic: every status, every attempt count, nurture, kept, replaced, cancelled, missed and soft commitments', () => {
    const statuses = Object.fromEntries(
      all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM contacts GROUP BY status').map((r) => [r.status, r.n]),
    );
    expect(Object.keys(statuses).sort()).toEqual(['active', 'lost', 'nurture', 'won']);
    expect(statuses.won! + statuses.lost!).toBeGreaterThan(CONTACTS / 3);
    const attempts = all<{ unanswered: number }>('SELECT DISTINCT unanswered FROM contacts ORDER BY unanswered').map((r) => r.unanswered);
    expect(attempts).toEqual(expect.arrayContaining([0, 1, 2, 3]));
    const states = all<{ state: string }>('SELECT DISTINCT state FROM commitments ORDER BY state').map((r) => r.state);
    expect(states).toEqual(['cancelled', 'kept', 'open', 'replaced']);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM commitments WHERE state = 'open' AND kind = 'next-step' AND soft = 1").n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM commitments WHERE state = 'open' AND due_at < ?", NOW).n).toBeGreaterThan(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM commitments WHERE late = 1').n).toBeGreaterThan(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM commitment_history').n).toBeGreaterThan(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM touches WHERE value IS NOT NULL').n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM touches WHERE outcome = 'auto-reply' AND until_date IS NOT NULL").n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM touches WHERE disposition = 'not-fit'").n).toBeGreaterThan(0);
  });

  it('gives the daily commands something to show today: an agenda and every category of fu stale', () => {
    const config = configFrom(store.configValues());
    const today = localDateOf(NOW, zoneOf(TZ));
    const agenda = agendaOf({ store, now: NOW, zone: zoneOf(TZ), config }, today, 0);
    const rows = SECTIONS.reduce((n, s) => n + agenda.sections[s].length, 0);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(CONTACTS / 10);
    const stale = stalePage({ store, now: NOW, zone: zoneOf(TZ), config }, 0).rows;
    expect(new Set(stale.map((r) => r.category))).toEqual(new Set(['missed', 'soft', 're-engage', 'drop', 'no-next-step']));
  });

  it('lists in fu stale exactly what reading every live contact would (the index-driven candidates miss none)', () => {
    const config = configFrom(store.configValues());
    const everyone = everyLiveContact(store.db);
    // Today, and other days and settings, where other contacts fall due.
    for (const [now, change] of [
      [NOW, {}],
      ['2026-12-20T16:00:00.000Z', {}],
      [NOW, { staleDays: 3, staleDropDays: 30 }],
      [NOW, { attemptsLimit: 2 as const }],
    ] as const) {
      const ctx = { now, zone: zoneOf(TZ), config: { ...config, ...change } };
      expect(stalePage({ store, ...ctx }, 0).rows).toEqual(staleList(everyone, ctx));
    }
  });

  it('shows with --limit the first rows of each category of that list, worded the same, and counts them all', () => {
    const ctx = { now: NOW, zone: zoneOf(TZ), config: configFrom(store.configValues()) };
    const every = stalePage({ store, ...ctx }, 0).rows;
    const page = stalePage({ store, ...ctx }, 2);
    expect(page.rows).toEqual(STALE_CATEGORIES.flatMap((k) => every.filter((r) => r.category === k).slice(0, 2)));
    expect(page.counts).toEqual(Object.fromEntries(STALE_CATEGORIES.map((k) => [k, every.filter((r) => r.category === k).length])));
    expect(page.rows.some((r) => r.category === 're-engage' && r.why.startsWith('replied'))).toBe(true);
  });

  it('is reproducible: the same seed and clock give the same rows', () => {
    const again = path.join(tempDir(), 'again.db');
    generateFile(again, { contacts: CONTACTS, touchesPerContact: 10, seed: 'test', now: NOW, zone: zoneOf(TZ) });
    const other = path.join(tempDir(), 'other.db');
    generateFile(other, { contacts: CONTACTS, touchesPerContact: 10, seed: 'another', now: NOW, zone: zoneOf(TZ) });
    expect(digest(again)).toBe(digest(file));
    expect(digest(other)).not.toBe(digest(file));
  });
});

describe('npm run gen', () => {
  const gen = path.join(ROOT, 'bench', 'gen.js');
  const run = (args: string[]) => runProgram(process.execPath, [gen, ...args], { env: { PATH: process.env.PATH ?? '', TZ, FU_NOW: NOW } });

  it('writes the database named, and refuses to replace one without --force', async () => {
    const db = path.join(tempDir(), 'cli.db');
    const first = await run(['--contacts', '150', '--touches-per-contact', '4', '--seed', '7', '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Wrote .*cli\.db: 150 contacts \(\d+ active, \d+ nurture, \d+ won, \d+ lost\), \d+ touches/);
    expect(first.stderr).toBe(''); // no progress bar without a terminal
    const refused = await run(['--contacts', '150', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists; add --force/);
    expect((await run(['--contacts', '150', '--db', db, '--force'])).code).toBe(0);
    expect((await run(['--contacts', 'many', '--db', db])).code).toBe(2);
  });
});

/** Every row of every table, hashed (each table ordered by its first columns, its key). */
function digest(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const hash = createHash('sha1');
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]) {
      // Ordered by the first two columns, or the only one (journal_recording).
      const order = (db.prepare('SELECT count(*) AS n FROM pragma_table_info(?)').get(name) as { n: number }).n > 1 ? '1, 2' : '1';
      hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all()));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
