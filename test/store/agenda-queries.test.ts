import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { SQL } from '../../src/store/queries.js';
import { Store } from '../../src/store/store.js';
import { agendaDay } from '../../src/domain/agenda.js';
import { zoneOf } from '../../src/domain/zone.js';
import { tempDir } from '../helpers.js';

describe("fu today's reads", () => {
  // A database as fu leaves it (no ANALYZE): the planner weighs the indexes by their shape alone.
  const store = new Store(openDatabase(path.join(tempDir(), 'fu.db')));
  const plan = (sql: string, params: object) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

  it('reads the commitments due from their covering indexes alone, not a page of the contacts or commitments table each', () => {
    const details = plan(SQL.agendaCommitments, agendaDay('2026-11-23', zoneOf('Europe/Paris')));
    expect(details, details.join('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/COVERING INDEX commitments_open_due_at\b/),
        expect.stringMatching(/COVERING INDEX commitments_open_due_date\b/),
      ]),
    );
    expect(details.join('\n')).not.toMatch(/\bcontacts\b|INTEGER PRIMARY KEY|SCAN commitments\b/);
  });

  it.each([
    ['chase', SQL.chasesDue, 'contacts_chase_due'],
    ['value touch', SQL.nurtureDue, 'contacts_nurture_due'],
  ])('reads the contacts whose %s is due from %s alone, not a page of the contacts table each', (_name, sql, index) => {
    const details = plan(sql, { date: '2026-11-23' });
    expect(details, details.join('\n')).toEqual([expect.stringMatching(new RegExp(`^SEARCH contacts USING COVERING INDEX ${index} \\(`))]);
  });

  it('reads names by id, one row each', () => {
    const details = plan(SQL.namesOf, { ids: '[1, 2]' });
    expect(details).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
    expect(details.filter((d) => /^SCAN/.test(d)).map((d) => d.split(' ')[1])).toEqual(['j']);
  });

  it('names each contact asked for, once, and none other', () => {
    const fields = { email: null, phone: null, source: null, note: null };
    const dana = store.insertContact({ name: 'Dana', company: 'Acme', ...fields }, '2026-11-01T09:00:00.000Z');
    const eli = store.insertContact({ name: 'Eli', company: null, ...fields }, '2026-11-01T09:00:00.000Z');
    store.insertContact({ name: 'Fay', company: 'Other', ...fields }, '2026-11-01T09:00:00.000Z');
    expect(store.namesOf([eli, dana, eli])).toEqual(
      new Map([
        [eli, { name: 'Eli', company: null }],
        [dana, { name: 'Dana', company: 'Acme' }],
      ]),
    );
    expect(store.namesOf([])).toEqual(new Map());
  });
});
