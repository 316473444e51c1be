/** The store reads only the names of the lengths duplicateNameLengths gives: possibleDuplicates must never find another. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { duplicateNameLengths, possibleDuplicates } from '../../src/domain/similar.js';
import { textKey } from '../../src/text-key.js';

const name = fc.array(fc.constantFrom('a', 'b', 'E', 'n', ' ', '  ', 'é', 'ß', '😀', 'Σ', 'ς'), { minLength: 1, maxLength: 30 }).map((cs) => cs.join(''));
const company = fc.constantFrom(null, 'Acme', 'acme ', 'Other');

describe('duplicateNameLengths', () => {
  it('holds the length of every name possibleDuplicates finds', () => {
    fc.assert(
      fc.property(name, name, company, company, (added, other, addedCompany, otherCompany) => {
        const found = possibleDuplicates({ name: added, company: addedCompany }, [{ id: 1, name: other, company: otherCompany }]);
        if (found.length === 0) return true;
        const { min, max } = duplicateNameLengths(added);
        const length = textKey(other).length;
        return length >= min && length <= max;
      }),
      { numRuns: 20_000 },
    );
  });
});
