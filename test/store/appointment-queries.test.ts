import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { SQL } from '../../src/store/queries.js';
import { tempDir } from '../helpers.js';

describe('the appointments in a time range', () => {
  // A database as fu leaves it (no ANALYZE): the planner weighs the indexes by their shape alone.
  const db = openDatabase(path.join(tempDir(), 'fu.db'));
  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '2026-11-26T08:30:00.001Z', to: '2026-11-26T09:30:00.000Z' }) as { detail: string }[]).map(
      (r) => r.detail,
    );

  it.each([
    ['their start times (free slots)', SQL.appointments],
    ['with what and whom (a double booking)', SQL.appointmentDetails],
  ])('%s: read by time from the open commitments by due time, not every open next step', (_name, sql) => {
    const details = plan(sql);
    expect(
      details.some((d) => /INDEX commitments_open_due_at \(due_at>\? AND due_at<\?\)/.test(d)),
      details.join('\n'),
    ).toBe(true);
    expect(details.join('\n')).not.toMatch(/commitments_due_at|SCAN (m|commitments)\b/);
  });
});
