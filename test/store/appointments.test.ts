import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { appointmentsBetween, SQL } from '../../src/store/queries.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const NOW = '2026-11-23T08:00:00.000Z';

describe("fu draft's appointments: the open next steps with a time in the days it looks for slots", () => {
  const store = new Store(openDatabase(path.join(tempDir(), 'fu.db')));
  const contact = () => store.insertContact({ name: 'C', company: null, email: null, phone: null, source: null, note: null }, NOW);
  const step = (at: string, kind: 'next-step' | 'promise' = 'next-step') =>
    store.insertCommitment({ contactId: contact(), kind, what: 'demo', due: { at }, soft: false, touchId: null }, NOW);
  step('2026-11-24T15:00:00.000Z');
  step('2026-11-20T15:00:00.000Z'); // before the window
  step('2026-12-30T15:00:00.000Z'); // at its end: excluded
  step('2026-11-25T10:00:00.000Z', 'promise');
  store.insertCommitment({ contactId: contact(), kind: 'next-step', what: 'soft', due: { date: '2026-11-26' }, soft: true, touchId: null }, NOW);
  const closed = step('2026-11-26T10:00:00.000Z');
  store.closeCommitment(closed, 'cancelled', NOW, null);
  store.db.exec('ANALYZE');

  it('reads only when those start', () => {
    expect(appointmentsBetween(store, '2026-11-23T00:00:00.000Z', '2026-12-30T15:00:00.000Z')).toEqual(['2026-11-24T15:00:00.000Z']);
  });

  it('reads them from the covering index, without reading the table', () => {
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${SQL.appointments}`).all({ from: NOW, to: NOW }) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual([expect.stringMatching(/^SEARCH commitments USING COVERING INDEX commitments_open_due_at \(due_at>\? AND due_at<\?\)$/)]);
  });
});
