/** fu keeps the last JOURNAL_KEPT writes to take back (docs/commands.md, fu undo): an older one goes, with its rows. */
import { describe, expect, it } from 'vitest';
import { JOURNAL_KEPT } from '../../src/store/journal.js';
import { session } from '../helpers.js';
import { count, openRaw } from './support.js';

describe('how far back fu undo reaches', () => {
  it(`keeps the last ${JOURNAL_KEPT} writes: the one before goes, its rows with it, and its id is refused`, async () => {
    const run = session({ now: '2026-11-23T09:00:00Z' });
    for (let i = 0; i <= JOURNAL_KEPT; i++) expect((await run('add', `Contact ${i}`)).code).toBe(0);
    expect(count(run.db, 'journal')).toBe(JOURNAL_KEPT);
    const db = openRaw(run.db);
    try {
      expect(db.prepare('SELECT min(id) AS first FROM journal').get()).toEqual({ first: 2 });
      expect(db.prepare('SELECT count(*) AS n FROM journal_rows WHERE entry_id = 1').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect((await run('undo', 'w1')).code).toBe(4);
    expect((await run('undo', 'w2')).code).toBe(0);
  });
});
