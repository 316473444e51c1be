/** What fu's bundle does at start-up with Node's own modules (scripts/bundle.js). No timings. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fu, fuEnv, ROOT, runProgram, tempDir } from '../helpers.js';

describe('the bundle', () => {
  it("takes Node's fs, path and os as they are, without copying each of their properties", () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'bundle', 'fu.cjs'), 'latin1');
    expect(bundle).toMatch(/require\("node:fs"\)/);
    expect(bundle.match(/__toESM\(require\("node:(fs|path|os)"\)/g) ?? []).toEqual([]);
  });

  it('works out its own URL only when asked: a command piped never does (pathToFileURL, ~0.3 ms)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'fu.db');
    expect((await fu(['demo'], { db })).code).toBe(0);
    // Counts the calls to node:url's pathToFileURL, the module's own export, which the bundle's banner reads.
    const count = path.join(dir, 'count.cjs');
    fs.writeFileSync(
      count,
      "const url = require('node:url'); const real = url.pathToFileURL; let n = 0;\n" +
        'url.pathToFileURL = (...a) => (n++, real(...a));\n' +
        "process.on('exit', () => process.stderr.write('pathToFileURL: ' + n + '\\n'));\n",
    );
    const piped = await runProgram(process.execPath, ['-r', count, BIN, 'today'], { env: fuEnv({ db }) });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toContain('pathToFileURL: 0');
  });
});
