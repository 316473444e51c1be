/**
 * chrono-node's English parser and @inquirer/prompts are each bundled on
 * their own beside the CLI bundle (scripts/bundle.js) and loaded only by a
 * command that needs them. Which files a real process loads; no timings.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuProcess, ROOT, tempDir } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';

const NOW = '2026-11-24T10:00:00Z';

/** A preload that writes the files in Node's module cache to `list` when the process exits. */
function listingModules(dir: string): { list: string; env: Record<string, string> } {
  const list = path.join(dir, 'loaded.txt');
  const preload = path.join(dir, 'list-modules.cjs');
  fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, Object.keys(require.cache).join('\\n')));\n`);
  return { list, env: { NODE_OPTIONS: `--require ${preload}` } };
}

async function filesLoadedBy(args: string[]): Promise<{ code: number; stdout: string; files: string[] }> {
  const dir = tempDir();
  const { list, env } = listingModules(dir);
  const r = await fuProcess(args, { db: path.join(dir, 'fu.db'), now: NOW, env });
  return { code: r.code, stdout: r.stdout, files: fs.readFileSync(list, 'utf8').split('\n') };
}

const CHRONO = path.join(ROOT, 'dist', 'bundle', 'chrono.cjs');
const PROMPTS = path.join(ROOT, 'dist', 'bundle', 'prompts.cjs');
const fromNodeModules = (files: string[], name: string) => files.filter((f) => f.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`));

describe('the files beside the bundle', () => {
  it('are not loaded by fu today, nor for a date fu reads itself', async () => {
    for (const args of [['today'], ['today', '--on', 'tue 3pm'], ['today', '--on', 'in 2 weeks']]) {
      const run = await filesLoadedBy(args);
      expect(run.code).toBe(0);
      expect(run.files).not.toContain(CHRONO);
      expect(run.files).not.toContain(PROMPTS);
      expect(fromNodeModules(run.files, 'chrono-node')).toEqual([]);
    }
  });

  it('the English date parser is loaded from beside the bundle, not from node_modules, for a date in words', async () => {
    const run = await filesLoadedBy(['today', '--on', 'dec 3 2pm', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ date: '2026-12-03' });
    expect(run.files).toContain(CHRONO);
    expect(fromNodeModules(run.files, 'chrono-node')).toEqual([]);
  });

  it('the prompts are loaded from beside the bundle, not from node_modules, by fu log on a terminal', async () => {
    const dir = tempDir();
    const { list, env } = listingModules(dir);
    const r = await runInPty(['log'], { env: { FU_DB: path.join(dir, 'fu.db'), FU_NOW: NOW, TZ: 'UTC', HOME: dir, ...env }, steps: [['Contact', KEY.ctrlC]] });
    expect(r.output).toContain('Contact');
    expect(r.code).toBe(130);
    const files = fs.readFileSync(list, 'utf8').split('\n');
    expect(files).toContain(PROMPTS);
    expect(fromNodeModules(files, '@inquirer')).toEqual([]);
  });

  it('the prompts file holds the three kinds of question fu asks, and not the rest of the library', () => {
    const prompts = createRequire(import.meta.url)(PROMPTS) as Record<string, unknown>;
    expect(Object.keys(prompts).sort()).toEqual(['confirm', 'input', 'select']);
    for (const kind of Object.values(prompts)) expect(typeof kind).toBe('function');
  });
});
