/**
 * The journal behind fu undo: written in the same transaction as the write it
 * records (a SIGKILL never leaves one without the other), read back by a new
 * process, and taken from by two fu undo at once without taking one write twice.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { JOURNAL_KEYS } from '../../src/store/journal.js';
import { textKey } from '../../src/text-key.js';
import { fu, fuProcess, startFu } from '../helpers.js';
import { content, derivedMismatches, integrity, openRaw, scratch, sleep, writeLocked } from './support.js';

const NOW = '2026-11-23T09:00:00Z';
const TOUCHED = '2026-11-21T10:00:00.000Z';

describe('the journal triggers', () => {
  it('copy every column of every table fu writes, so an undo puts whole rows back', () => {
    const file = path.join(scratch(), 'fu.db');
    openDatabase(file).close();
    const db = openRaw(file);
    try {
      // The stats summaries (stats_*) are kept by their own triggers from the rows an undo puts back: journaling them too would undo them twice.
      // The word starts of names (contact_words) are written again by the undo from the contacts it puts back.
      const tables = (
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'journal%' AND name NOT LIKE 'stats\\_%' ESCAPE '\\' AND name <> 'contact_words' AND name NOT LIKE 'sqlite_%'",
          )
          .all() as { name: string }[]
      ).map((r) => r.name);
      expect(tables).toContain('touches');
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
        for (const op of ['insert', 'update', 'delete']) {
          const sql = (
            db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(`journal_${table}_${op}`) as { sql: string } | undefined
          )?.sql;
          expect(sql, `no journal trigger for ${op} on ${table}: add it in a migration`).toBeDefined();
          expect(JOURNAL_KEYS[table], `fu undo cannot put back a row of ${table}: add its key to JOURNAL_KEYS`).toBeDefined();
          for (const c of columns)
            expect(sql, `the ${op} trigger on ${table} misses the column ${c}`).toContain(`'${c}', ${op === 'insert' ? 'NEW' : 'OLD'}.${c}`);
        }
      }
    } finally {
      db.close();
    }
  });
});

/**
 * `n` contacts, each with one unanswered call two days ago and the state derived from it but for
 * the due day of its chase (written directly: setup, not journaled), each with the name key fu gives every contact.
 */
function bigDatabase(n: number): string {
  const file = path.join(scratch(), 'fu.db');
  const db = openDatabase(file);
  const contact = db.prepare(
    `INSERT INTO contacts (name, name_key, created_at, updated_at, last_touch_at, unanswered, last_attempt_at, last_attempt_channel, same_channel_run, first_touch_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, 'call', 1, ?)`,
  );
  const touch = db.prepare(
    `INSERT INTO touches (contact_id, happened_at, channel, outcome, direction, created_at, chase, attempt, answered)
     VALUES (?, ?, 'call', 'no-answer', 'outbound', ?, 1, 1, 0)`,
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++)
      touch.run(contact.run(`Contact ${i}`, textKey(`Contact ${i}`), TOUCHED, TOUCHED, TOUCHED, TOUCHED, TOUCHED).lastInsertRowid, TOUCHED, TOUCHED);
  })();
  db.close();
  return file;
}

function journalOf(file: string): { kind: string; rows: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT j.kind, (SELECT count(*) FROM journal_rows r WHERE r.entry_id = j.id) AS rows FROM journal j ORDER BY j.id').all() as {
      kind: string;
      rows: number;
    }[];
  } finally {
    db.close();
  }
}

describe('SIGKILL during a journaled write', () => {
  it('leaves the write and its journal entry both or neither, and a later fu undo takes back what landed', async () => {
    const base = bigDatabase(4000);
    // Set the derived state once (journaled as a first config write), so the tested write changes every contact.
    expect((await fuProcess(['config', 'attempts.gapDays', '4'], { db: base, now: NOW })).code).toBe(0);
    const outcomes = new Set<string>();
    for (let run = 0; run < 4; run++) {
      const file = path.join(scratch(), 'fu.db');
      fs.copyFileSync(base, file);
      const { child, done } = startFu(['config', 'attempts.gapDays', '6'], { db: file, now: NOW });
      // Wait until its write transaction is open, then kill it at a random moment inside it (or just after).
      while (!writeLocked(file) && child.exitCode === null) await sleep(5);
      await sleep(Math.floor(Math.random() * 150));
      child.kill('SIGKILL');
      await done;
      expect(integrity(file)).toBe('ok');
      const gap = (await fu(['config', 'attempts.gapDays'], { db: file, now: NOW })).stdout.trim();
      const journal = journalOf(file);
      if (gap === '6') {
        // Landed: its entry holds the setting and every contact it re-derived.
        expect(journal.map((j) => j.kind)).toEqual(['config', 'config']);
        expect(journal[1]!.rows).toBe(4001);
        const undone = await fu(['undo'], { db: file, now: NOW });
        expect(undone.stdout).toBe('Undid: config attempts.gapDays = 6.\n');
        expect((await fu(['config', 'attempts.gapDays'], { db: file, now: NOW })).stdout).toBe('4\n');
      } else {
        expect(gap).toBe('4');
        expect(journal.map((j) => j.kind)).toEqual(['config']);
      }
      expect(derivedMismatches(file)).toEqual([]);
      outcomes.add(gap);
    }
    // At least one kill landed inside the transaction, so the test is not vacuous.
    expect(outcomes.has('4')).toBe(true);
  });
});

describe('fu undo across processes', () => {
  it('takes back a write made by an earlier process (after a restart)', async () => {
    const file = path.join(scratch(), 'fu.db');
    expect((await fuProcess(['add', 'Dana Reyes'], { db: file, now: NOW })).code).toBe(0);
    const before = content(file);
    expect((await fuProcess(['log', 'dana', '--outcome', 'no-answer'], { db: file, now: NOW })).code).toBe(0);
    const r = await fuProcess(['undo'], { db: file, now: NOW });
    expect(r).toMatchObject({ code: 0, stdout: 'Undid: call no-answer with Dana Reyes, Mon 23 Nov 09:00; Dana is active, with no attempt unanswered.\n' });
    expect(content(file)).toBe(before);
  });

  it('two fu undo at once take back two different writes, never the same one twice', async () => {
    const file = path.join(scratch(), 'fu.db');
    for (const name of ['Ann', 'Bob', 'Cy']) expect((await fu(['add', name], { db: file, now: NOW })).code).toBe(0);
    const results = await Promise.all([fuProcess(['undo', '--json'], { db: file, now: NOW }), fuProcess(['undo', '--json'], { db: file, now: NOW })]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const ids = results.map((r) => (JSON.parse(r.stdout) as { undone: { id: number } }).undone.id).sort();
    expect(ids).toEqual([2, 3]);
    expect((await fu(['list', '--status', 'all', '--json'], { db: file, now: NOW })).stdout).toContain('"Ann"');
    expect(JSON.parse((await fu(['list', '--status', 'all', '--json'], { db: file, now: NOW })).stdout)).toHaveLength(1);
  });
});
