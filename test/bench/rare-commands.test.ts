/**
 * The commands not run every day live in a file of their own beside the bundle
 * (dist/bundle/fu.rare.cjs, scripts/bundle.js), which takes the modules it shares
 * with the bundle from it. Each one runs here once through the built binary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { fuProcess, ROOT, runProgram, tempDir } from '../helpers.js';

// @ts-expect-error: plain JavaScript, no declarations
const { DAILY } = (await import('../../scripts/warm-cache.js')) as { DAILY: string[] };
const rareFile = path.join(ROOT, 'dist', 'bundle', 'fu.rare.cjs');

const dir = tempDir();
const db = path.join(dir, 'fu.db');
const csv = path.join(dir, 'leads.csv');
const now = '2026-11-23T09:00:00Z';

/** One run of each rare command on the demo's contacts, in an order in which each has something to act on. */
const RUNS: [name: string, args: string[]][] = [
  ['demo', ['demo']],
  ['list', ['list']],
  ['config', ['config', 'user.email', 'sam@example.com']],
  ['edit', ['edit', '3', '--company', 'Zed Works']],
  ['touch', ['touch', 'edit', 't1', '--note', 'asked for the security review']],
  ['cancel', ['cancel', 'c2']],
  ['close', ['close', '12', '--lost', 'no response']],
  ['merge', ['merge', '3', '4']],
  ['rm', ['rm', '5', '--yes']],
  ['undo', ['undo']],
  ['backup', ['backup', path.join(dir, 'backup.db')]],
  ['restore', ['restore', path.join(dir, 'backup.db'), '--yes']],
  ['export', ['export', '--out', path.join(dir, 'export')]],
  ['import', ['import', csv]],
  ['calendar', ['calendar', '--out', path.join(dir, 'fu.ics')]],
  ['invite', ['invite', 'dana']],
];

/** Runs fu ARGS through the built binary; `loaded` tells whether it required the rare commands' file. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string; loaded: boolean }> {
  const list = path.join(dir, 'required.txt');
  const preload = path.join(dir, 'list-required.cjs');
  fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, Object.keys(require.cache).join('\\n')));\n`);
  fs.rmSync(list, { force: true });
  const r = await fuProcess(args, { db, now, env: { NODE_OPTIONS: `--require ${preload}` } });
  return { ...r, loaded: fs.readFileSync(list, 'utf8').split('\n').includes(rareFile) };
}

beforeAll(() => {
  fs.writeFileSync(csv, 'Name,Company,Email\nRae Okafor,Northwind,rae@northwind.example\n');
});

describe('the rare commands', () => {
  const rare = COMMANDS.map(([name]) => name).filter((name) => !DAILY.includes(name));

  it('are every command that is not a daily one, each run below', () => {
    expect(RUNS.map(([name]) => name).sort()).toEqual([...rare].sort());
  });

  it('each run from their own file, beside the bundle', async () => {
    for (const [name, args] of RUNS) {
      const r = await run(args);
      expect(r.code, `fu ${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.loaded, `fu ${name} required ${rareFile}`).toBe(true);
    }
  });

  it('refuse with fu’s own error, not an internal one: the error class is the bundle’s', async () => {
    const empty = path.join(tempDir(), 'fu.db');
    const r = await fuProcess(['undo'], { db: empty, now });
    expect(r).toMatchObject({ code: 3, stderr: expect.stringMatching(/^fu: There is nothing to undo\.\n/) });
  });

  it('are in the package npm publishes', async () => {
    const r = await runProgram('sh', ['-c', 'cd "$0" && npm pack --dry-run --json --ignore-scripts', ROOT], { env: { ...process.env } });
    expect(r.code, r.stderr).toBe(0);
    const [{ files }] = JSON.parse(r.stdout) as [{ files: { path: string }[] }];
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['dist/bundle/fu.cjs', 'dist/bundle/fu.rare.cjs']));
  });

  it('are not read by a daily command', async () => {
    const r = await run(['today']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.loaded).toBe(false);
  });
});
