/**
 * Shared by the robustness tests: `fu` spawned asynchronously (many at once),
 * in-process command lines for fast property runs, and checks of a database
 * file from the outside (integrity, derived state, journal files).
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { failureOf } from '../../src/cli/main.js';
import { buildProgram } from '../../src/cli/program.js';
import { configFrom } from '../../src/domain/config.js';
import { deriveState } from '../../src/domain/derive.js';
import { Exit, FuError } from '../../src/errors.js';
import { Store } from '../../src/store/store.js';
import { BIN, fuEnv, ROOT, type FuOptions, type FuResult } from '../helpers.js';
import { zoneOf } from '../../src/domain/zone.js';

export { BIN, fuEnv, ROOT };

export interface SpawnOptions extends FuOptions {
  /** Run as another user (root only: to make permissions bite). */
  user?: { uid: number; gid: number };
}

/** Starts `fu ARGS` without waiting: many can run at once. */
export function startFu(args: string[], options: SpawnOptions = {}): { child: ChildProcess; done: Promise<FuResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: fuEnv(options), stdio: ['pipe', 'pipe', 'pipe'], ...(options.user ?? {}) });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin!.end(options.input ?? '');
  const done = new Promise<FuResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
  });
  return { child, done };
}

/** Runs `fu ARGS` asynchronously. */
export function fuAsync(args: string[], options: SpawnOptions = {}): Promise<FuResult> {
  return startFu(args, options).done;
}

/** Runs a command line in-process through the real program (commander, run functions, store), as main() would, and returns what it printed. */
export async function fuInProcess(args: string[], options: { db: string; now: string; tz?: string; env?: Record<string, string> }): Promise<FuResult> {
  const io = bufferIO();
  const argv = ['node', 'fu', ...args];
  const env = { FU_DB: options.db, FU_NOW: options.now, ...options.env };
  const { program, close, database } = await buildProgram({ io, env, zone: zoneOf(options.tz ?? 'UTC'), stdinIsTTY: () => false, systemNow: Date.now }, argv);
  let code: number = Exit.ok;
  try {
    await program.parseAsync(argv);
  } catch (caught) {
    const err = failureOf(caught, argv, database());
    if (err !== null) {
      code = err instanceof FuError ? err.exitCode : Exit.internal;
      io.stderr.push(`${(err as Error).message}\n`);
    }
  } finally {
    close();
  }
  return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('') };
}

/** Opens a database file read-only from the outside, for checks. */
export function openRaw(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function integrity(file: string): string {
  const db = openRaw(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

export function count(file: string, table: string): number {
  const db = openRaw(file);
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Contacts whose stored derived columns differ from what the history gives
 * (deriveState recomputed from the touches, the open next step and the stored
 * configuration): empty when the per-contact state is consistent.
 */
export function derivedMismatches(file: string, tz = 'UTC'): { id: number; stored: unknown; recomputed: unknown }[] {
  const store = new Store(openRaw(file));
  try {
    return store.read(() => {
      const config = configFrom(store.configValues());
      const out: { id: number; stored: unknown; recomputed: unknown }[] = [];
      for (const { id } of store.contactNames()) {
        const c = store.contact(id)!;
        const open = store.openCommitmentsOf(id);
        const nextStep = open.find((x) => x.kind === 'next-step') ?? null;
        const recomputed = { ...deriveState(c.status, store.touchesOf(id), nextStep, config, zoneOf(tz)), nextStepId: nextStep?.id ?? null };
        const stored = { ...c.derived, nextStepId: c.nextStepId };
        if (JSON.stringify(sortKeys(stored)) !== JSON.stringify(sortKeys(recomputed))) out.push({ id, stored, recomputed });
      }
      return out;
    });
  } finally {
    store.close();
  }
}

const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** The files in a folder, sorted (to prove nothing else appeared: no -wal, -shm or temporary file left behind). */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/** Every file under a folder, recursively, relative to it. */
export function treeOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

const scratchDirs: string[] = [];

/** A private temporary folder for one test, removed after the test file (some hold large databases). */
export function scratch(prefix = 'fu-robust-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Another user to run `fu` as, when the tests run as root (where file
 * permissions do not stop writes): nobody, if this system lets us switch.
 * Undefined when not root (permissions bite already) or when switching fails.
 */
export function otherUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const nobody = { uid: 65534, gid: 65534 };
  // nobody must also be able to read fu itself: a checkout in a private folder (mktemp -d) is not readable.
  const probe = spawnSync(process.execPath, ['-e', 'require("fs").accessSync(process.argv[1], require("fs").constants.R_OK); process.exit(process.getuid() === 65534 ? 0 : 1)', BIN], { ...nobody });
  return probe.status === 0 ? nobody : undefined;
}

export const isRoot = () => process.getuid?.() === 0;

/** Control characters that must never reach a terminal from stored text (tabs and newlines are fu's own layout). */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True while another connection holds the write lock (a write transaction is open). */
export function writeLocked(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    probe.close();
  }
}
