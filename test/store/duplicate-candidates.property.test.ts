/**
 * The store reads as possible duplicates of a new one the contacts whose name starts with the same two letters, and
 * those at the same company; of the first, only those of a length that can match, and at no company when the new one
 * has a company. possibleDuplicates must find among them exactly what it finds among all the first and the second.
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateNameLengths, possibleDuplicates } from '../../src/domain/similar.js';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { textKey } from '../../src/text-key.js';
import { tempDir } from '../helpers.js';

const NOW = '2026-11-23T09:00:00.000Z';
// Few names and companies, so that near names at companies with the same key (written otherwise) meet often.
const name = fc
  .tuple(fc.constantFrom('Be', 'be', 'BE', 'Bé'), fc.array(fc.constantFrom('a', 'n', 'N', 'é', 'ß', '😀'), { maxLength: 4 }))
  .map(([start, rest]) => start + rest.join(''));
const company = fc.constantFrom(null, '', '  ', 'Acme', ' ACME ', 'Acme  Inc', 'acme inc', 'Acme\tInc', 'ACMÉ', 'acmé', 'Straße', 'STRASSE');

describe('the possible duplicates among the candidates the store reads', () => {
  it('are those among all the names starting alike and all the contacts at the same company', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, company), { minLength: 1, maxLength: 12 }), name, company, (existing, added, addedCompany) => {
        const store = new Store(openDatabase(path.join(tempDir(), 'fu.db')));
        try {
          for (const [n, c] of existing) store.insertContact({ name: n, company: c, email: null, phone: null, source: null, note: null }, NOW);
          const prefix = (text: string) => [...textKey(text)].slice(0, 2).join('');
          const sameCompany = (c: string | null) => addedCompany !== null && textKey(addedCompany) !== '' && c !== null && textKey(c) === textKey(addedCompany);
          const all = store.contactNames().filter((c) => prefix(c.name) === prefix(added) || sameCompany(c.company));
          const read = store.duplicateCandidates(added, addedCompany, duplicateNameLengths(added));
          const fields = { name: added, company: addedCompany };
          expect(possibleDuplicates(fields, read, 100)).toEqual(possibleDuplicates(fields, all, 100));
        } finally {
          store.db.close();
        }
      }),
      { numRuns: 300 },
    );
  });
});
