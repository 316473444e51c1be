import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { appointmentsBetween } from '../../src/store/queries.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const NOW = '2026-11-23T08:00:00.000Z';

describe("fu draft's appointments on a crowded calendar", () => {
  const store = new Store(openDatabase(path.join(tempDir(), 'fu.db')));
  const step = (at: string) => {
    const contactId = store.insertContact({ name: 'C', company: null, email: null, phone: null, source: null, note: null }, NOW);
    store.insertCommitment({ contactId, kind: 'next-step', what: 'demo', due: { at }, soft: false, touchId: null }, NOW);
  };
  for (let i = 0; i < 3; i++) step('2026-11-24T15:00:00.000Z');
  step('2026-11-24T10:00:00.000Z');

  it('reads each start once, however many appointments share it', () => {
    expect(appointmentsBetween(store, '2026-11-23T00:00:00.000Z', '2026-12-30T00:00:00.000Z').sort()).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-11-24T15:00:00.000Z',
    ]);
  });
});
