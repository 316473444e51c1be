import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { NAMES_FROM_PREFIX } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

describe('the possible duplicates of a new contact', () => {
  it('reads the names with the same first letters from the name key index alone, not a page of the table each', () => {
    const db = openDatabase(path.join(tempDir(), 'fu.db'));
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${NAMES_FROM_PREFIX}`).all({ lo: 'be', hi: 'be\u{10ffff}', min: 10, max: 15, company: 'acme' }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH contacts USING COVERING INDEX contacts_name_key_names (name_key>? AND name_key<?)']);
  });
});
