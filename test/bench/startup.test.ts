/**
 * What keeps fu's start-up short (see the README, "Performance"): the one
 * command module loaded, the bundle with a code cache V8 accepts. No timings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { commandName, commandsFor } from '../../src/cli/program.js';
import { BIN, fuEnv, fuProcess, ROOT, runProgram, tempDir } from '../helpers.js';

describe('the command to load', () => {
  it.each([
    [['today'], 'today'],
    [['--db', 'today.db', 'today', '--json'], 'today'],
    [['--db=x.db', '--no-color', 'log', 'dana', '--outcome', 'connected'], 'log'],
    [['--no-input', 'stale'], 'stale'],
    [['--help', 'today'], undefined], // every command listed
    [['-h'], undefined],
    [['--version'], undefined],
    [['--', 'today'], undefined],
    [[], undefined],
  ])('fu %j: %s', (args, name) => {
    expect(commandName(['node', 'fu', ...args])).toBe(name);
  });

  it.each([
    [['today', '--json'], ['today']],
    [['--version'], []],
    [['-V'], []],
    [['--version', '--help'], 'all'],
    [[], 'all'],
    [['tody'], 'all'],
  ])('fu %j registers %j', (args, expected) => {
    const names = commandsFor(['node', 'fu', ...args]).map(([name]) => name);
    expect(names).toEqual(expected === 'all' ? expect.arrayContaining(['log', 'today', 'undo']) : expected);
    if (expected === 'all') expect(names.length).toBeGreaterThan(20);
  });

  it('still lists every command in fu --help, and a typo still gets a suggestion', async () => {
    const help = await fuProcess(['--help']);
    for (const name of ['log', 'next', 'done', 'cancel', 'today', 'stale', 'add', 'edit', 'list', 'show', 'config', 'demo']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    const typo = await fuProcess(['tody']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/today/);
  });
});

describe('the built bundle', () => {
  it('runs every command from the bundle: each one, loaded alone, shows its help', async () => {
    for (const [name] of COMMANDS) {
      const r = await fuProcess([name, '--help']);
      expect(r.code, `fu ${name} --help: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: fu ${name}\\b`));
    }
  });

  it('has a code cache that this Node accepts', async () => {
    const bundle = path.join(ROOT, 'dist', 'bundle');
    expect(fs.existsSync(path.join(bundle, 'fu.cjs'))).toBe(true);
    const before = fs.statSync(path.join(bundle, 'fu.cache')).mtimeMs;
    // @ts-expect-error: plain JavaScript, no declarations
    const { loadFu } = (await import('../../bin/load.cjs')) as { loadFu: () => { stale: boolean; exports: { main: unknown } } };
    const fu = loadFu();
    expect(typeof fu.exports.main).toBe('function');
    expect(fu.stale).toBe(false);
    // Running fu does not rewrite a cache it accepted.
    expect((await fuProcess(['--version'])).code).toBe(0);
    expect(fs.statSync(path.join(bundle, 'fu.cache')).mtimeMs).toBe(before);
  });
});

/** The built-in modules of Node that `fu ARGS` loaded, run as the shell line `tail` says (output redirected...). */
async function builtinsLoadedBy(args: string, tail = ''): Promise<string[]> {
  const dir = tempDir();
  const list = path.join(dir, 'builtins.txt');
  const preload = path.join(dir, 'list-builtins.cjs');
  fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
  const env = fuEnv({ db: path.join(dir, 'fu.db'), now: '2026-11-23T08:00:00Z', env: { NODE_OPTIONS: `--require ${preload}` } });
  const r = await runProgram('sh', ['-c', `exec "$0" "$1" ${args} ${tail}`, process.execPath, BIN], { env });
  expect(r.code, r.stderr).toBe(0);
  const builtins = fs.readFileSync(list, 'utf8').split('\n');
  expect(builtins).toContain('NativeModule fs'); // the list is Node's own
  return builtins;
}

describe('output thrown away', () => {
  it('fu today > /dev/null, input from /dev/null, does not load node:tty: /dev/null is no terminal', async () => {
    expect(await builtinsLoadedBy('today', '</dev/null >/dev/null')).not.toContain('NativeModule tty');
  });
});

describe('Node modules fu does without', () => {
  it('fu today loads neither node:module (and its ES module loader) nor node:os', async () => {
    const builtins = await builtinsLoadedBy('today');
    expect(builtins).not.toContain('NativeModule module');
    expect(builtins).not.toContain('NativeModule internal/modules/esm/loader');
    expect(builtins).not.toContain('NativeModule os');
  });
});
