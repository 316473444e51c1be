/**
 * Dates in words are read by chrono-node's English parser, bundled on its own
 * beside the CLI bundle (scripts/bundle.js) and loaded only for a date fu does
 * not read itself. Which files a real process loads; no timings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fu, ROOT, tempDir } from '../helpers.js';

/** The JavaScript files `fu ARGS` loads, from a preload that lists Node's module cache at exit. */
function filesLoadedBy(args: string[]): { code: number; stdout: string; files: string[] } {
  const dir = tempDir();
  const list = path.join(dir, 'loaded.txt');
  const preload = path.join(dir, 'list-modules.cjs');
  fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, Object.keys(require.cache).join('\\n')));\n`);
  const r = fu(args, { db: path.join(dir, 'fu.db'), now: '2026-11-24T10:00:00Z', env: { NODE_OPTIONS: `--require ${preload}` } });
  return { code: r.code, stdout: r.stdout, files: fs.readFileSync(list, 'utf8').split('\n') };
}

const CHRONO_BUNDLE = path.join(ROOT, 'dist', 'bundle', 'chrono.cjs');
const fromNodeModules = (files: string[]) => files.filter((f) => f.includes(`${path.sep}chrono-node${path.sep}`));

describe('the English date parser in the built program', () => {
  it('is not loaded by fu today, nor for a date fu reads itself', () => {
    for (const args of [['today'], ['today', '--on', 'tue 3pm'], ['today', '--on', 'in 2 weeks']]) {
      const run = filesLoadedBy(args);
      expect(run.code).toBe(0);
      expect(run.files).not.toContain(CHRONO_BUNDLE);
      expect(fromNodeModules(run.files)).toEqual([]);
    }
  });

  it('is loaded from its own bundle, not from node_modules, for a date in words', () => {
    const run = filesLoadedBy(['today', '--on', 'dec 3 2pm', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ date: '2026-12-03' });
    expect(run.files).toContain(CHRONO_BUNDLE);
    expect(fromNodeModules(run.files)).toEqual([]);
  });
});
