import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';
import { staleSince } from '../domain/fixtures.js';

/** Any instant of the horizon (1900 to 2999), to the millisecond, as fu writes instants. */
const instant = fc
  .date({ min: new Date('1900-01-01T00:00:00.000Z'), max: new Date('2999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

describe("the seconds fu stale counts a contact's days from (contacts.silent_since and two_way_since)", () => {
  const store = new Store(openDatabase(path.join(tempDir(), 'fu.db')));
  const id = store.insertContact({ name: 'Dana', company: null, email: null, phone: null, source: null, note: null }, '2026-11-10T09:00:00.000Z');
  const write = store.db.prepare(
    'UPDATE contacts SET created_at = @createdAt, last_touch_at = @lastTouchAt, last_two_way_at = @lastTwoWayAt, first_touch_at = @firstTouchAt WHERE id = @id',
  );
  const read = store.db.prepare('SELECT silent_since AS silentSince, two_way_since AS twoWaySince FROM contacts WHERE id = ?');

  it('follow the rule from the instants they come from, rounded down to the second, before 1970 too', () => {
    fc.assert(
      fc.property(instant, fc.option(instant), fc.option(instant), fc.option(instant), (createdAt, lastTouchAt, lastTwoWayAt, firstTouchAt) => {
        write.run({ id, createdAt, lastTouchAt, lastTwoWayAt, firstTouchAt });
        expect(read.get(id)).toEqual(staleSince({ lastTouchAt, lastTwoWayAt }, createdAt, firstTouchAt));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a second before 1970, and a half', '1969-12-31T23:59:58.500Z', -2],
    ['the first second of 1970', '1970-01-01T00:00:00.999Z', 0],
    ['the first day of the horizon', '1900-01-01T00:00:00.000Z', -2208988800],
  ])('rounds %s down (%s: %i)', (_name, createdAt, seconds) => {
    write.run({ id, createdAt, lastTouchAt: null, lastTwoWayAt: null, firstTouchAt: null });
    expect(read.get(id)).toEqual({ silentSince: seconds, twoWaySince: seconds });
  });
});
