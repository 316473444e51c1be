import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotFor, undo } from '../../bench/rows-back.js';
import { fu, snapshot, tempDir } from '../helpers.js';

const NOW = '2026-11-25T09:00:00Z';

describe("the bench's writes, put back after each run", () => {
  it.each([
    ['a logged call with a next step, on a contact', 2, ['log', '2', '--outcome', 'connected', '--next', 'demo', '--at', '2026-12-01 10:00']],
    ['a contact added', null, ['add', 'Warm Up', '--company', 'Cache Co']],
  ])('leaves every table as it was: %s', async (_name, contactId, args) => {
    const db = path.join(tempDir(), 'fu.db');
    expect((await fu(['demo'], { db, now: NOW })).code).toBe(0);
    const before = await snapshot(db);
    const snap = snapshotFor(db, contactId);
    expect((await fu(args, { db, now: NOW })).code).toBe(0);
    expect(await snapshot(db)).not.toBe(before);
    undo(db, snap);
    expect(await snapshot(db)).toBe(before);
  });
});
