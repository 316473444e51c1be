/** An unanswered attempt carries its mark (its number in the sequence) from the moment it is written. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { openRaw } from '../robustness/support.js';

describe('the attempt mark of a logged chase', () => {
  it('is written with the touch: the write journals the touch once, already marked', async () => {
    const run = session({ now: '2026-11-23T09:00:00Z' });
    expect((await run('add', 'Dana Cohen')).code).toBe(0);
    expect((await run('log', 'dana', '--via', 'email', '--outcome', 'sent')).code).toBe(0);
    const db = openRaw(run.db);
    try {
      const rows = db.prepare("SELECT before, after FROM journal_rows WHERE tbl = 'touches' AND entry_id = (SELECT max(id) FROM journal)").all() as {
        before: string | null;
        after: string;
      }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]!.before).toBeNull();
      expect(JSON.parse(rows[0]!.after)).toMatchObject({ attempt: 1, answered: 0 });
    } finally {
      db.close();
    }
  });

  it('is corrected when the chase is backfilled: before a later chase, and before a reply', async () => {
    const run = session({ now: '2026-11-23T09:00:00Z' });
    expect((await run('add', 'Dana Cohen')).code).toBe(0);
    expect((await run('log', 'dana', '--via', 'email', '--outcome', 'sent', '--on', '2026-11-20 10:00')).code).toBe(0);
    expect((await run('log', 'dana', '--via', 'email', '--outcome', 'sent', '--on', '2026-11-16 10:00')).code).toBe(0);
    expect((await run('add', 'Ben Haddad')).code).toBe(0);
    expect((await run('log', 'ben', '--via', 'email', '--outcome', 'replied', '--on', '2026-11-20 10:00')).code).toBe(0);
    expect((await run('log', 'ben', '--via', 'email', '--outcome', 'sent', '--on', '2026-11-16 10:00')).code).toBe(0);
    const db = openRaw(run.db);
    try {
      expect(db.prepare('SELECT contact_id, happened_at, attempt, answered FROM touches ORDER BY contact_id, happened_at').all()).toEqual([
        { contact_id: 1, happened_at: '2026-11-16T10:00:00.000Z', attempt: 1, answered: 0 },
        { contact_id: 1, happened_at: '2026-11-20T10:00:00.000Z', attempt: 2, answered: 0 },
        { contact_id: 2, happened_at: '2026-11-16T10:00:00.000Z', attempt: 1, answered: 1 },
        { contact_id: 2, happened_at: '2026-11-20T10:00:00.000Z', attempt: null, answered: null },
      ]);
    } finally {
      db.close();
    }
  });
});
