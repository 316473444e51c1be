/**
 * A damaged or half-built installation: fu runs from a temporary copy of its
 * package (bin/, dist/, migrations/, templates/, node_modules linked) with one
 * part missing or out of date, as a user's checkout can be.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FuResult, fuEnv, ROOT, runProgram, tempDir } from '../helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

type Addon = 'built' | 'missing' | 'not loadable';

/** A copy of the built package; its better-sqlite3 is the real one, or a copy without a loadable addon. */
function packageCopy(addon: Addon = 'built'): string {
  const root = tempDir();
  dirs.push(root);
  for (const part of ['bin', 'dist', 'migrations', 'templates', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
  const modules = path.join(root, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (name === 'better-sqlite3' && addon !== 'built') continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
  }
  if (addon !== 'built') {
    const copy = path.join(modules, 'better-sqlite3');
    for (const part of ['package.json', 'lib']) fs.cpSync(path.join(ROOT, 'node_modules', 'better-sqlite3', part), path.join(copy, part), { recursive: true });
    if (addon === 'not loadable') {
      fs.mkdirSync(path.join(copy, 'build', 'Release'), { recursive: true });
      fs.writeFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), 'not a shared library');
    }
  }
  return root;
}

const dist = (root: string, ...parts: string[]) => path.join(root, 'dist', ...parts);

/** Sets the modification times of the compiled code, the bundle and its cache, in seconds from now (negative: earlier). */
function ages(root: string, times: { compiled: number; bundle: number; cache: number }): void {
  const at = (file: string, seconds: number) => fs.utimesSync(file, new Date(Date.now() + seconds * 1000), new Date(Date.now() + seconds * 1000));
  at(dist(root, 'cli', 'main.js'), times.compiled);
  at(dist(root, 'bundle', 'fu.cjs'), times.bundle);
  at(dist(root, 'bundle', 'fu.cache'), times.cache);
}

/** The copy at `root` with its bundle newer than its compiled code (a copy's times follow the order it was copied in), so that fu runs the bundle. */
function bundleCurrent(root: string): string {
  ages(root, { compiled: -30, bundle: -20, cache: -10 });
  return root;
}

/** A bundle that would fail if it ran: only the compiled code can then answer. */
function breakBundle(root: string): void {
  fs.writeFileSync(dist(root, 'bundle', 'fu.cjs'), "throw new Error('the stale bundle ran');\n");
}

/** Runs `fu ARGS` from the copy at `root`, on a database of its own (not created beforehand). */
async function fuFrom(root: string, args: string[], env: Record<string, string> = {}): Promise<FuResult & { db: string }> {
  const db = path.join(root, 'data', 'fu.db');
  const r = await runProgram(process.execPath, [path.join(root, 'bin', 'fu.cjs'), ...args], {
    env: fuEnv({ db, now: '2026-11-23T09:00:00Z', env: { HOME: root, ...env } }),
  });
  return { ...r, db };
}

describe('the bundle and its code cache', () => {
  it('are used when they are at least as new as the compiled code', async () => {
    const root = packageCopy();
    fs.writeFileSync(dist(root, 'bundle', 'fu.cjs'), "exports.main = () => process.stdout.write('the bundle ran\\n');\n");
    ages(root, { compiled: -30, bundle: -20, cache: -10 });
    const r = await fuFrom(root, ['today']);
    expect(r.stdout).toBe('the bundle ran\n');
  });

  it('missing, fu runs the compiled code instead', async () => {
    const root = packageCopy();
    fs.rmSync(dist(root, 'bundle'), { recursive: true });
    const r = await fuFrom(root, ['add', 'Dana Reyes']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Dana Reyes/);
  });

  it('older than the compiled code (tsc ran since), fu runs the compiled code instead', async () => {
    const root = packageCopy();
    breakBundle(root);
    ages(root, { compiled: -10, bundle: -20, cache: -15 });
    const r = await fuFrom(root, ['today']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('with a cache missing or older than the bundle, fu runs the compiled code instead', async () => {
    const root = packageCopy();
    breakBundle(root);
    ages(root, { compiled: -30, bundle: -10, cache: -20 });
    expect(await fuFrom(root, ['today'])).toMatchObject({ code: 0, stderr: '' });
    fs.rmSync(dist(root, 'bundle', 'fu.cache'));
    expect(await fuFrom(root, ['today'])).toMatchObject({ code: 0, stderr: '' });
  });

  it("with the rare commands' file missing or older than the compiled code, fu runs the compiled code instead", async () => {
    const root = packageCopy();
    breakBundle(root);
    ages(root, { compiled: -30, bundle: -20, cache: -10 });
    const rare = dist(root, 'bundle', 'fu.rare.cjs');
    fs.utimesSync(rare, new Date(Date.now() - 40_000), new Date(Date.now() - 40_000));
    expect(await fuFrom(root, ['config', 'stale.days'])).toMatchObject({ code: 0, stdout: '14\n', stderr: '' });
    fs.rmSync(rare);
    expect(await fuFrom(root, ['config', 'stale.days'])).toMatchObject({ code: 0, stdout: '14\n', stderr: '' });
  });

  it('with no compiled code either, fu says how to build it (exit 1)', async () => {
    const root = packageCopy();
    fs.rmSync(dist(root), { recursive: true });
    const r = await fuFrom(root, ['today']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`fu: fu is not built: ${dist(root, 'cli', 'main.js')} is missing.\nBuild it: cd ${root} && npm run build\n`);
  });
});

describe('the SQLite addon', () => {
  it.each<[Addon, string]>([
    ['missing', 'The SQLite addon (better-sqlite3) is not built.'],
    ['not loadable', `The SQLite addon (better-sqlite3) does not load in Node.js ${process.version}: it was built for another version, or is damaged.`],
  ])('%s is exit 5 with the fix, and the database is not touched', async (addon, sentence) => {
    const root = packageCopy(addon);
    const r = await fuFrom(root, ['today']);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(`fu: ${sentence}\nRebuild it: cd ${root} && npm rebuild better-sqlite3\n`);
    expect(fs.existsSync(r.db)).toBe(false);
  });

  it('missing from the compiled code too (no bundle) is exit 5 with the fix', async () => {
    const root = packageCopy('missing');
    fs.rmSync(dist(root, 'bundle'), { recursive: true });
    const r = await fuFrom(root, ['today']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^fu: The SQLite addon \(better-sqlite3\) is not built\.\nRebuild it: cd .* && npm rebuild better-sqlite3\n$/);
  });
});

describe('with FU_DEBUG=1, a stack', () => {
  // The line of src/cli/clock.ts that refuses a FU_NOW it cannot read.
  const source = fs.readFileSync(path.join(ROOT, 'src', 'cli', 'clock.ts'), 'utf8').split('\n');
  const line = source.findIndex((l) => l.includes('FU_NOW is not an ISO-8601 time')) + 1;

  it.each([
    ['the bundle', bundleCurrent],
    [
      'the compiled code',
      (root: string) => {
        fs.rmSync(dist(root, 'bundle'), { recursive: true });
        return root;
      },
    ],
  ])('names the src/ file and line that threw, from %s', async (_, prepare) => {
    const root = prepare(packageCopy());
    const r = await fuFrom(root, ['today'], { FU_DEBUG: '1', FU_NOW: 'garbage' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`at currentTime (${path.join(root, 'src', 'cli', 'clock.ts')}:${line}:`);
  });

  it('names the src/ file and line that threw in a rare command, from the file beside the bundle', async () => {
    const config = fs.readFileSync(path.join(ROOT, 'src', 'cli', 'commands', 'config.ts'), 'utf8').split('\n');
    const unknownKey = config.findIndex((l) => l.startsWith('const unknownKey')) + 1;
    const root = bundleCurrent(packageCopy());
    const r = await fuFrom(root, ['config', 'no.such.key'], { FU_DEBUG: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`at unknownKey (${path.join(root, 'src', 'cli', 'commands', 'config.ts')}:${unknownKey}:`);
  });

  it('is not shown without it', async () => {
    const r = await fuFrom(packageCopy(), ['today'], { FU_NOW: 'garbage' });
    expect(r.stderr).toBe('fu: FU_NOW is not an ISO-8601 time: "garbage".\nUse for example FU_NOW=2026-11-23T09:00:00Z, or unset it.\n');
  });
});
