/**
 * vitest's global setup: the tests that spawn bin/fu.cjs run the built bundle,
 * so it must be built from the current sources. When anything it is made from
 * is newer than the bundle (or there is none), `npm run build` runs first; if
 * the build fails, nothing is tested.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: a change to any of them makes the bundle stale. */
const SOURCES = ['src', 'migrations', 'scripts', 'bin', 'package.json', 'tsconfig.json'];
// Not from helpers.ts: that module registers per-file hooks, and this runs before any file.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'fu.cjs');

function newestChange(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

export function staleBuild(): string | undefined {
  const built = fs.statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return 'there is no build';
  const newer = SOURCES.find((s) => newestChange(path.join(ROOT, s)) > built);
  return newer ? `${newer} changed after the last build` : undefined;
}

export default async function setup(): Promise<void> {
  const why = staleBuild();
  if (why === undefined) return;
  process.stderr.write(`Building fu first (${why}): npm run build\n`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const build = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    build.on('error', reject);
    build.on('close', resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}): the tests would run an old bundle of fu. Fix the build, then run the tests again.`);
  const still = staleBuild();
  if (still !== undefined) throw new Error(`The build left a stale bundle (${still}): the tests would run old code.`);
}
