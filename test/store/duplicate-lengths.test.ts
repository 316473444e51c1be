import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const NOW = '2026-11-23T09:00:00.000Z';

describe('the possible duplicates of a new contact, by the length of their names', () => {
  const store = new Store(openDatabase(path.join(tempDir(), 'fu.db')));
  // Name keys of 3 to 7 UTF-16 code units: plain, accented (2 bytes a letter), and with an emoji (2 code units, 4 bytes).
  const names = ['Bea', 'Bean', 'Beano', 'Beatriz', 'Beá', 'Beáté', 'Be😀', 'Be😀😀', 'Be😀😀x'];
  for (const name of names) store.insertContact({ name, company: null, email: null, phone: null, source: null, note: null }, NOW);
  const found = (min: number, max: number) =>
    store
      .duplicateCandidates('Be', null, { min, max })
      .map((c) => c.name)
      .sort();

  it('reads every name whose key is within the lengths as JavaScript counts them, whatever its script', () => {
    for (const [min, max] of [
      [3, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ] as const) {
      const within = names.filter((n) => n.toLowerCase().length >= min && n.toLowerCase().length <= max);
      expect(found(min, max)).toEqual(expect.arrayContaining(within));
    }
  });

  it('leaves out the plain names outside them (SQLite cannot tell the code units of the others exactly)', () => {
    expect(found(4, 5).filter((n) => /^[a-z]+$/i.test(n))).toEqual(['Bean', 'Beano']);
    expect(found(6, 7).filter((n) => /^[a-z]+$/i.test(n))).toEqual(['Beatriz']);
  });
});
