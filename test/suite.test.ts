/**
 * The suite itself: no test blocks its vitest worker on a child process. A
 * synchronous spawn stops the worker's event loop until the child ends; a
 * chain of them starves the worker past vitest's RPC timeout, and the run
 * exits 1 with every test passing. Children are spawned asynchronously
 * (helpers.ts: fuProcess, startFu, runProgram).
 * Nor does a test mock a module or stub a global: a worker runs file after
 * file with the modules it has imported (vitest.config.ts: isolate), so the
 * next file would get the mock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SYNC_SPAWN = new RegExp(`\\b(${['spawn', 'execFile', 'exec'].map((f) => `${f}Sync`).join('|')})\\b`);
/** vitest's module mocks, stubs and fake clock, whatever the name `vi` is imported as. */
const MOCK = new RegExp(`\\.(${['mock', 'doMock', 'stubGlobal', 'stubEnv', 'useFakeTimers', 'spyOn'].join('|')})\\(`);

/** `file:line: text` of every line of the test sources (this file aside: its examples) that matches `pattern`, comments aside. */
function offendingLines(pattern: RegExp): string[] {
  const self = fileURLToPath(import.meta.url);
  return testSources(path.join(ROOT, 'test'))
    .filter((file) => file !== self)
    .flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) && !/^\s*(\*|\/\/)/.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
}

function testSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testSources(p);
    return /\.(ts|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** Each check: what the suite never does, the pattern that finds it, lines it must find and a line it must not. */
const CHECKS = [
  {
    never: 'spawns a process synchronously',
    pattern: SYNC_SPAWN,
    found: ["const r = child_process.spawnSync('node', ['bin/fu.cjs'])", "execFileSync('sh')"],
    fine: "spawn('node', ['bin/fu.cjs'])",
  },
  {
    never: 'mocks a module, stubs a global or fakes the clock',
    pattern: MOCK,
    found: ["vi.mock('../src/store/db.js')", "vi.stubEnv('TZ', 'UTC')", 'vi.useFakeTimers()'],
    fine: 'expect(r.code).toBe(0)',
  },
];

describe('the test suite', () => {
  for (const { never, pattern, found, fine } of CHECKS) {
    it(`never ${never}`, () => {
      expect(offendingLines(pattern)).toEqual([]);
    });

    it(`finds where it ${never} (the check can fail)`, () => {
      for (const line of found) expect(pattern.test(line), line).toBe(true);
      expect(pattern.test(fine)).toBe(false);
    });
  }
});
