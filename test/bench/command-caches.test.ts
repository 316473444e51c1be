/**
 * Each daily command runs with a code cache warmed by it alone, smaller than
 * the full one (bin/load.cjs, docs/performance.md). No timings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

// @ts-expect-error: plain JavaScript, no declarations
const load = (await import('../../bin/load.cjs')) as {
  cacheFor: (argv: string[]) => string;
  loadFu: (options: { bundleCache: string }) => { stale: boolean };
};
// @ts-expect-error: plain JavaScript, no declarations
const { DAILY } = (await import('../../scripts/warm-cache.js')) as { DAILY: string[] };
const bundle = path.join(ROOT, 'dist', 'bundle');
const full = path.join(bundle, 'fu.cache');
const own = (command: string) => path.join(bundle, `fu.${command}.cache`);

describe('the code cache a command line runs with', () => {
  it.each(DAILY)('fu %s: its own, which this Node accepts, smaller than the full one', (command) => {
    expect(load.cacheFor(['node', 'fu', command, '--json'])).toBe(own(command));
    expect(load.loadFu({ bundleCache: own(command) }).stale).toBe(false);
    expect(fs.statSync(own(command)).size).toBeLessThan(fs.statSync(full).size);
  });

  it.each([[['config']], [['--db', 'x.db', 'today']], [['../today']], [[]]])('fu %j: the full one', (args) => {
    expect(load.cacheFor(['node', 'fu', ...args])).toBe(full);
  });

  it('fu today with its own cache older than the bundle (a build cut short): the full one', () => {
    const root = tempDir();
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    for (const file of ['bin/load.cjs', 'bin/layout.cjs', 'dist/bundle/fu.cjs', 'dist/bundle/fu.cache', 'dist/bundle/fu.today.cache']) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(root, file));
    }
    const copy = createRequire(path.join(root, 'package.json'))('./bin/load.cjs') as typeof load;
    const cache = (file: string) => path.join(root, 'dist', 'bundle', file);
    expect(copy.cacheFor(['node', 'fu', 'today'])).toBe(cache('fu.today.cache'));
    const earlier = new Date(fs.statSync(cache('fu.cjs')).mtimeMs - 10_000);
    fs.utimesSync(cache('fu.today.cache'), earlier, earlier);
    expect(copy.cacheFor(['node', 'fu', 'today'])).toBe(cache('fu.cache'));
    fs.rmSync(cache('fu.today.cache'));
    expect(copy.cacheFor(['node', 'fu', 'today'])).toBe(cache('fu.cache'));
    fs.rmSync(root, { recursive: true, force: true });
  });
});
