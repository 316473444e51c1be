/**
 * Several fu processes on one database at once: every write
 * lands exactly once, the rules are checked inside the write transaction, a
 * reader sees a committed state, and a lock held past the busy timeout fails
 * cleanly (exit 5, nothing written).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { runToday } from '../../src/cli/commands/today.js';
import { configFrom } from '../../src/domain/config.js';
import { refreshDerived } from '../../src/app/history.js';
import { logTouch } from '../../src/app/log-touch.js';
import { plainTouch } from '../../src/domain/rules.js';
import { instantAt } from '../../src/domain/time.js';
import { openDatabase } from '../../src/store/db.js';
import { SQL } from '../../src/store/queries.js';
import { Store } from '../../src/store/store.js';
import { fu, fuProcess, snapshot, startFu, storeDeps } from '../helpers.js';
import { count, derivedMismatches, integrity, scratch, sleep } from './support.js';
import { zoneOf } from '../../src/domain/zone.js';
import { unansweredAttempt } from '../domain/fixtures.js';

const NOW = '2026-11-23T09:00:00Z'; // a Monday
/** Wednesday 18 November: three working days before Monday 23. */
const THREE_WORKING_DAYS_AGO = '2026-11-18T10:00:00Z';

/** A database with `n` contacts C00..C(n-1), added through the store (setup, not what is tested). */
function withContacts(n: number, options: { chaseDueToday?: boolean } = {}): string {
  const db = path.join(scratch(), 'fu.db');
  const store = new Store(openDatabase(db));
  const config = configFrom(store.configValues());
  store.unjournaledTransaction(() => {
    for (let i = 0; i < n; i++) {
      const id = store.insertContact(
        { name: `C${String(i).padStart(2, '0')}`, company: null, email: null, phone: null, source: null, note: null },
        THREE_WORKING_DAYS_AGO,
      );
      if (options.chaseDueToday) {
        // One unanswered call three working days ago: a chase is due today.
        store.insertTouch(unansweredAttempt(id, THREE_WORKING_DAYS_AGO), [], THREE_WORKING_DAYS_AGO);
      }
      refreshDerived(store, id, config, zoneOf('UTC'));
    }
  });
  store.close();
  return db;
}

describe('many fu processes at once', () => {
  it('records all twenty touches of twenty fu log started at once, each on its own contact', async () => {
    const db = withContacts(20);
    // Each demo an hour of its own (Tue to Fri, five a day): steps at one time would warn of double booking.
    const at = (i: number) => `2026-11-${24 + Math.floor(i / 5)} ${10 + (i % 5)}:00`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fuProcess(['log', `#${i + 1}`, '--outcome', 'connected', '--next', `demo ${i + 1}`, '--at', at(i)], { db, now: NOW }),
      ),
    );
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(count(db, 'touches')).toBe(20);
    const raw = new Database(db, { readonly: true });
    const perContact = raw
      .prepare(
        "SELECT contact_id, count(*) AS touches, (SELECT count(*) FROM commitments cm WHERE cm.contact_id = t.contact_id AND cm.state = 'open') AS open FROM touches t GROUP BY contact_id",
      )
      .all();
    raw.close();
    expect(perContact).toEqual(Array.from({ length: 20 }, (_, i) => ({ contact_id: i + 1, touches: 1, open: 1 })));
    expect(derivedMismatches(db)).toEqual([]);
    expect(integrity(db)).toBe('ok');
  });

  it('creates a new database once when twenty fu add start at once on a path that does not exist yet', async () => {
    // Three rounds: the first-use race (schema being created while another fu checks the file) is short.
    for (let round = 0; round < 3; round++) {
      const db = path.join(scratch(), 'new', 'fu.db');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => fuProcess(['add', `Lead ${i}`], { db, now: NOW })));
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      expect(count(db, 'contacts')).toBe(20);
      expect(integrity(db)).toBe('ok');
    }
  });

  it('waits for another fu switching a new database to WAL instead of failing at once (deterministic)', async () => {
    // As another fu half-way through the switch: a write lock on the file still in its first journal
    // mode. SQLite answers a second switch BUSY at once there, without waiting.
    const db = path.join(scratch(), 'fu.db');
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const pending = fuProcess(['today'], { db, now: NOW });
    await sleep(500);
    holder.exec('COMMIT');
    holder.close();
    expect(await pending).toMatchObject({ code: 0, stderr: '' });
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('gives up switching a new database to WAL after FU_BUSY_TIMEOUT_MS: exit 5 "busy", nothing written', async () => {
    const db = path.join(scratch(), 'fu.db');
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const r = await fuProcess(['today'], { db, now: NOW, env: { FU_BUSY_TIMEOUT_MS: '300' } });
    const waited = Date.now() - started;
    holder.exec('ROLLBACK');
    holder.close();
    expect(r).toMatchObject({
      code: 5,
      stdout: '',
      stderr: `fu: The database ${db} is busy: another fu kept it locked for more than 300 ms.\nNothing was saved; try again.\n`,
    });
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(fs.statSync(db).size).toBe(0);
  });

  it('does not take a database that another fu is creating at this very moment for a foreign one (deterministic)', () => {
    // As the first fu leaves the file just before its migration commits: WAL mode, no schema yet.
    const file = path.join(scratch(), 'fu.db');
    const first = new Database(file);
    first.pragma('journal_mode = WAL');
    first.close();
    // The second fu reads the schema version; right then, another fu commits the schema.
    const pragma = Database.prototype.pragma;
    let interleaved = false;
    Database.prototype.pragma = function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
      const result = pragma.call(this, source, options);
      if (!interleaved && source === 'user_version' && this.name === file) {
        interleaved = true;
        openDatabase(file).close();
      }
      return result;
    } as typeof pragma;
    try {
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
      db.close();
    } finally {
      Database.prototype.pragma = pragma;
    }
    expect(interleaved).toBe(true);
  });

  it('records exactly one of ten chases started at once on the same contact: the others are refused by R5 (exit 3)', async () => {
    const db = withContacts(1);
    const results = await Promise.all(Array.from({ length: 10 }, () => fuProcess(['log', 'C00', '--outcome', 'no-answer'], { db, now: NOW })));
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    for (const r of results.filter((x) => x.code === 3)) {
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^fu: R5: The last attempt was Mon 23 Nov; space attempts 3 working days apart/);
    }
    expect(count(db, 'touches')).toBe(1);
    const shown = JSON.parse((await fu(['show', 'C00', '--json'], { db, now: NOW })).stdout) as { unansweredAttempts: number; chaseDueOn: string };
    expect(shown).toMatchObject({ unansweredAttempts: 1, chaseDueOn: '2026-11-26' });
    expect(derivedMismatches(db)).toEqual([]);
  });

  it('never loses or doubles a touch when ten processes log conversations on one contact at once', async () => {
    const db = withContacts(1);
    // Conversations are not limited by R4/R5: all ten are recorded, each replacing the open next step.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fuProcess(['log', 'C00', '--outcome', 'connected', '--note', `call ${i}`, '--next', `step ${i}`, '--at', 'tue 3pm'], { db, now: NOW }),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const raw = new Database(db, { readonly: true });
    const notes = (raw.prepare('SELECT note FROM touches ORDER BY note').all() as { note: string }[]).map((r) => r.note);
    const states = raw.prepare('SELECT state, count(*) AS n FROM commitments GROUP BY state ORDER BY state').all();
    raw.close();
    expect(notes).toEqual(Array.from({ length: 10 }, (_, i) => `call ${i}`));
    expect(states).toEqual([
      { state: 'open', n: 1 },
      { state: 'replaced', n: 9 },
    ]);
    expect(derivedMismatches(db)).toEqual([]);
  });
});

interface TodayJson {
  appointments: { contactId: number }[];
  chases: { contactId: number }[];
  summary: { appointments: number; chases: number };
}

/** Each contact is a chase due today until its conversation is logged, then an appointment today: always exactly one of the two. */
function expectWholeStates(today: TodayJson, contacts: number) {
  expect(today.summary.appointments).toBe(today.appointments.length);
  expect(today.summary.chases).toBe(today.chases.length);
  const seen = [...today.appointments, ...today.chases].map((r) => r.contactId).sort((a, b) => a - b);
  expect(seen).toEqual(Array.from({ length: contacts }, (_, i) => i + 1));
}

describe('fu today while fu log writes', () => {
  it('sees each contact before or after its write, never half-way (twenty writers, readers in a loop)', async () => {
    const n = 20;
    const db = withContacts(n, { chaseDueToday: true });
    // Writers start 60 ms apart, so the writes are spread over the readers' loop.
    const writers = Promise.all(
      Array.from({ length: n }, async (_, i) => {
        await sleep(i * 60);
        return fuProcess(['log', `#${i + 1}`, '--outcome', 'connected', '--next', 'pricing review', '--at', 'today 4pm'], { db, now: NOW });
      }),
    );
    let writing = true;
    void writers.finally(() => (writing = false));
    const readers = Array.from({ length: 3 }, async () => {
      const outputs: TodayJson[] = [];
      do {
        const r = await fuProcess(['today', '--json'], { db, now: NOW });
        expect(r.code, r.stderr).toBe(0);
        outputs.push(JSON.parse(r.stdout) as TodayJson);
      } while (writing);
      return outputs;
    });
    const seen = (await Promise.all(readers)).flat();
    for (const r of await writers) expect(r.code, r.stderr).toBe(0);
    expect(seen.length).toBeGreaterThan(3);
    for (const today of seen) expectWholeStates(today, n);
    // The readers did run in the middle of the writes: some saw part of the contacts written.
    expect(seen.some((t) => t.appointments.length > 0 && t.chases.length > 0)).toBe(true);
    const after = JSON.parse((await fu(['today', '--json'], { db, now: NOW })).stdout) as TodayJson;
    expect(after.appointments).toHaveLength(n);
    expect(after.chases).toHaveLength(0);
  });

  it('reads one snapshot even when a write commits between two of its queries (deterministic)', async () => {
    const db = withContacts(1, { chaseDueToday: true });
    const reader = new Store(openDatabase(db));
    const writer = new Store(openDatabase(db));
    const config = configFrom(writer.configValues());
    // The conversation that turns the chase into an appointment, decided and written by the real use case.
    const write = () => {
      const logged = logTouch(
        { store: writer, now: NOW, zone: zoneOf('UTC'), config },
        1,
        plainTouch(NOW, 'connected', {
          next: { what: 'pricing review', when: { hasTime: true, at: instantAt('2026-11-23', '16:00', zoneOf('UTC')), date: '2026-11-23' } },
        }),
      );
      if (!logged.ok) throw new Error(logged.violation.reason);
    };
    // The reader's connection commits the writer's change right after its first query of the day's agenda.
    const prepare = reader.db.prepare.bind(reader.db);
    let queries = 0;
    reader.db.prepare = ((sql: string) => {
      const statement = prepare(sql);
      if (sql === SQL.agendaCommitments) {
        const all = statement.all.bind(statement);
        return Object.assign(statement, {
          all: (...params: unknown[]) => {
            const rows = all(...(params as []));
            if (queries++ === 0) write();
            return rows;
          },
        });
      }
      return statement;
    }) as typeof reader.db.prepare;
    const io = bufferIO();
    await runToday({ limit: 25, json: true }, storeDeps(reader, io, NOW, 'UTC'));
    expect(queries).toBe(1); // the write did happen in the middle of the read
    const today = JSON.parse(io.stdout.join('')) as TodayJson;
    // Before the write: a chase, no appointment. Without one snapshot: neither.
    expect(today.chases.map((r) => r.contactId)).toEqual([1]);
    expect(today.appointments).toEqual([]);
    expectWholeStates(today, 1);
    reader.close();
    writer.close();
  });
});

describe('a lock held past the busy timeout', () => {
  it('waits out a short lock (the busy timeout absorbs contention)', async () => {
    const db = withContacts(1);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const pending = fuProcess(['log', 'C00', '--outcome', 'no-answer'], { db, now: NOW });
    await sleep(700);
    holder.exec('COMMIT');
    holder.close();
    expect(await pending).toMatchObject({ code: 0 });
    expect(count(db, 'touches')).toBe(1);
  });

  it.each([
    ['fu log', ['log', 'C00', '--outcome', 'no-answer']],
    ['fu add', ['add', 'Sam Okafor']],
    ['fu config', ['config', 'attempts.gapDays', '5']],
  ])('makes %s exit 5 "busy" with nothing written when the lock outlasts FU_BUSY_TIMEOUT_MS', async (_name, args) => {
    const db = withContacts(1);
    const before = await snapshot(db);
    const holder = new Database(db);
    // Another writer is half-way through its own transaction and keeps the write lock.
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare("INSERT INTO config (key, value) VALUES ('holder', 'uncommitted')").run();
    const started = Date.now();
    const r = await fuProcess(args, { db, now: NOW, env: { FU_BUSY_TIMEOUT_MS: '300' } });
    const waited = Date.now() - started;
    holder.exec('ROLLBACK');
    holder.close();
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fu: The database ${db} is busy: another fu kept it locked for more than 300 ms.\nNothing was saved; try again.\n`);
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(await snapshot(db)).toBe(before);
    expect(integrity(db)).toBe('ok');
  });

  it('refuses an invalid FU_BUSY_TIMEOUT_MS with exit 2', async () => {
    const db = withContacts(1);
    const r = await fuProcess(['list'], { db, now: NOW, env: { FU_BUSY_TIMEOUT_MS: 'soon' } });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/^fu: FU_BUSY_TIMEOUT_MS must be a whole number of milliseconds, not "soon"\./) });
  });

  it('lets a reader through while a writer holds the lock (WAL)', async () => {
    const db = withContacts(3);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare("UPDATE contacts SET name = 'uncommitted' WHERE id = 1").run();
    const { done } = startFu(['list', '--json'], { db, now: NOW, env: { FU_BUSY_TIMEOUT_MS: '300' } });
    const r = await done;
    holder.exec('ROLLBACK');
    holder.close();
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { name: string }[]).map((c) => c.name)).toEqual(['C00', 'C01', 'C02']);
  });
});
