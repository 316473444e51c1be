/** fu stats reads counts through the indexes of migration 004 and the summary of migration 007: never the touches or commitments tables row by row. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { splitByUtcDay, STATS_SQL, SUMMARY_SQL } from '../../src/store/stats.js';
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
  week: { fromAt: 'a', toAt: 'b' },
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
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(summaryParams[name] ?? { fromDay: 'a', toDay: 'b' }) as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.length).toBeGreaterThan(0);
    for (const step of plan.filter((d) => !d.startsWith('USE TEMP B-TREE'))) expect(step, plan.join(' | ')).toMatch(/USING COVERING INDEX stats_/);
  });
});

describe('a range split into whole UTC days and signed part-days', () => {
  // Instants every 20 minutes over four days, counted by brute force and through the split.
  const instants = Array.from({ length: 4 * 72 }, (_, i) => new Date(Date.parse('2026-03-28T00:00:00Z') + i * 20 * 60_000).toISOString());
  const inRange = (from: string, to: string) => instants.filter((t) => t >= from && t < to).length;
  const throughSplit = (fromAt: string, toAt: string) => {
    const { days, edges } = splitByUtcDay(fromAt, toAt);
    const whole = days ? instants.filter((t) => t.slice(0, 10) >= days.fromDay && t.slice(0, 10) < days.toDay).length : 0;
    return whole + edges.reduce((n, e) => n + e.sign * inRange(e.fromAt, e.toAt), 0);
  };
  it.each([
    ['2026-03-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z', 'UTC midnights'],
    ['2026-03-28T23:00:00.000Z', '2026-03-30T22:00:00.000Z', 'Paris midnights, across a DST change'],
    ['2026-03-28T18:30:00.000Z', '2026-03-30T18:30:00.000Z', 'Kolkata midnights'],
    ['2026-03-28T04:00:00.000Z', '2026-03-30T05:00:00.000Z', 'New York midnights'],
    ['2026-03-28T10:15:00.000Z', '2026-03-28T11:00:00.000Z', 'within one day'],
    ['2026-03-28T11:40:00.000Z', '2026-03-29T12:20:00.000Z', 'near noon at both ends'],
  ])('counts [%s, %s) (%s) as the instants in it', (fromAt, toAt) => {
    expect(throughSplit(fromAt, toAt)).toBe(inRange(fromAt, toAt));
    // Never more than half a day of base rows at either end.
    for (const e of splitByUtcDay(fromAt, toAt).edges) expect(Date.parse(e.toAt) - Date.parse(e.fromAt)).toBeLessThanOrEqual(12 * 3600_000);
  });
});
