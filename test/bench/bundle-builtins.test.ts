/** What fu's bundle does at start-up with Node's own modules (scripts/bundle.js). No timings. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('the bundle', () => {
  it("takes Node's fs, path and os as they are, without copying each of their properties", () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'bundle', 'fu.cjs'), 'latin1');
    expect(bundle).toMatch(/require\("node:fs"\)/);
    expect(bundle.match(/__toESM\(require\("node:(fs|path|os)"\)/g) ?? []).toEqual([]);
  });
});
