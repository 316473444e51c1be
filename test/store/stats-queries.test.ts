/** fu stats reads counts through the indexes of migration 004 and the summary of migration 007: never the touches or commitments tables row by row. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { STATS_SQL, SUMMARY_SQL } from '../../src/store/stats.js';
import { tempDir } from '../helpers.js';
import path from 'node:path';

const params: Record<string, Record<string, unknown>> = {
  attempts: { fromAt: 'a', toAt: 'b' },
  givenUp: { fromAt: 'a', toAt: 'b', limit: 3, silentBefore: 'c' },
  conversations: { fromAt: 'a', toAt: 'b' },
  dueAt: { kind: 'promise', state: 'kept', late: 0, fromAt: 'a', toAt: 'b' },
  rescheduled: { fromAt: 'a', toAt: 'b' },
  forced: { fromAt: 'a', toAt: 'b' },
  closed: { fromAt: 'a', toAt: 'b' },
  week: { from: 'a', to: 'b' },
};

describe('fu stats query plans', () => {
  const db = openDatabase(path.join(tempDir(), 'fu.db'));
  it.each(Object.keys(STATS_SQL))('reads %s from a covering index', (name) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${STATS_SQL[name as keyof typeof STATS_SQL]}`).all(params[name]) as { detail: string }[]).map((r) => r.detail);
    expect(plan.length).toBeGreaterThan(0);
    for (const step of plan.filter((d) => !d.startsWith('USE TEMP B-TREE'))) expect(step, plan.join(' | ')).toMatch(/USING COVERING INDEX/);
  });
});

const summaryParams: Record<string, Record<string, unknown>> = {
  dueAt: { kind: 'promise', state: 'kept', late: 0, fromDay: 'a', toDay: 'b' },
  dueDate: { kind: 'promise', state: 'kept', late: 0, fromDate: 'a', toDate: 'b' },
};

describe('fu stats summary query plans', () => {
  const db = openDatabase(path.join(tempDir(), 'fu.db'));
  it.each(Object.keys(SUMMARY_SQL))('reads %s over whole days from the summary index alone', (name) => {
    const sql = SUMMARY_SQL[name as keyof typeof SUMMARY_SQL];
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(summaryParams[name] ?? { fromDay: 'a', toDay: 'b' }) as { detail: string }[]).map((r) => r.detail);
    expect(plan.length).toBeGreaterThan(0);
    for (const step of plan.filter((d) => !d.startsWith('USE TEMP B-TREE'))) expect(step, plan.join(' | ')).toMatch(/USING COVERING INDEX stats_/);
  });
});
