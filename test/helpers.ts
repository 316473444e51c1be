/**
 * Shared by the tests: temporary databases, command lines run in-process through
 * the binary's own entry, and the real built binary, spawned as a user would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bufferIO, type Deps, type IO } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { inquirerPrompter } from '../src/cli/prompter.js';
import { configFrom } from '../src/domain/config.js';
import { databaseFiles } from '../src/store/files.js';
import type { Store } from '../src/store/store.js';
import { zoneOf } from '../src/domain/zone.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'fu.cjs');

/** What a run function needs to work in-process on an open store: never prompts, no user templates. */
export function storeDeps(store: Store, io: IO, now: string, tz: string): Deps {
  return {
    io,
    store: () => store,
    config: () => configFrom(store.configValues()),
    now,
    zone: zoneOf(tz),
    ownZone: zoneOf(tz),
    prompter: inquirerPrompter(false),
    files: async () => databaseFiles(store.db.name, () => store),
    configDir: () => path.join(os.tmpdir(), 'fu-tests-have-no-config'),
  };
}

/**
 * Where tests keep their databases: in memory (/dev/shm) where the system has
 * it. Every fu write ends in an fsync, which on a disk shared with other work
 * costs five times the write itself; tmpfs has the same file semantics
 * (locks, WAL, modes, a killed process's writes kept), minus that wait.
 */
const TEMP_ROOT = (() => {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
})();

const made: string[] = [];

/** A private temporary folder, removed after the test file (some hold large databases): see removeTempDirs. */
export function tempDir(prefix = 'fu-test-'): string {
  const dir = fs.mkdtempSync(path.join(TEMP_ROOT, prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders tempDir made: test/setup.ts runs it after each test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface FuResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FuOptions {
  db?: string;
  now?: string;
  tz?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

/** The environment a test gives `fu`: clean, with a fixed clock and zone. */
export function fuEnv(options: FuOptions = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: options.env?.HOME ?? os.tmpdir(), TZ: options.tz ?? 'UTC' };
  if (options.db) env.FU_DB = options.db;
  if (options.now) env.FU_NOW = options.now;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * Runs `fu ARGS` in this process, through the entry the binary uses (run()):
 * no terminal, a fixed clock and zone, a clean environment, a real database
 * file. Each run first lets the event loop turn once: a test chaining hundreds
 * of commands must not keep vitest's worker from answering its runner.
 */
export async function fu(args: string[], options: FuOptions = {}): Promise<FuResult> {
  await new Promise((resolve) => setImmediate(resolve));
  const io = bufferIO({ input: options.input ?? '' });
  const code = await run(['node', 'fu', ...args], { io, env: fuEnv(options), stdinIsTTY: () => false, systemNow: Date.now });
  return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('') };
}

export interface ProcessOptions extends FuOptions {
  /** Run as another user (root only: to make permissions bite). */
  user?: { uid: number; gid: number };
}

/**
 * Starts a program without waiting (never a synchronous spawn: a test blocked on a child
 * blocks vitest's worker too). `done` gives its exit code (-1 when killed by a
 * signal) and what it printed; it rejects when the program cannot be started.
 */
export function startProgram(
  command: string,
  args: string[],
  options: { env: Record<string, string | undefined>; input?: string; user?: ProcessOptions['user'] },
): { child: ChildProcess; done: Promise<FuResult> } {
  const child = spawn(command, args, { env: options.env, stdio: ['pipe', 'pipe', 'pipe'], ...(options.user ?? {}) });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin!.on('error', () => {}); // a program that exits without reading its input
  child.stdin!.end(options.input ?? '');
  const done = new Promise<FuResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
  });
  return { child, done };
}

/** Runs a program (sh, script, perl...) and waits for it to end. */
export function runProgram(command: string, args: string[], options: { env: Record<string, string | undefined>; input?: string }): Promise<FuResult> {
  return startProgram(command, args, options).done;
}

/**
 * Starts the built binary, `node bin/fu.cjs ARGS`, without waiting: for what only
 * a process shows (exit codes end to end, signals, pipes, crashes, several at once).
 */
export function startFu(args: string[], options: ProcessOptions = {}): { child: ChildProcess; done: Promise<FuResult> } {
  return startProgram(process.execPath, [BIN, ...args], { env: fuEnv(options), input: options.input, user: options.user });
}

/** Runs the built binary and waits for it to end. */
export function fuProcess(args: string[], options: ProcessOptions = {}): Promise<FuResult> {
  return startFu(args, options).done;
}

export interface Session {
  (...args: string[]): Promise<FuResult>;
  db: string;
  dir: string;
  /** Moves the clock for the following commands. */
  at(now: string): Session;
  /** Runs with --json, which must succeed, and parses stdout. */
  json<T = unknown>(...args: string[]): Promise<T>;
}

/** A `fu` bound to one fresh database, clock and zone: `const run = session(); await run('add', 'Dana')`. */
export function session(options: { now?: string; tz?: string } = {}): Session {
  const dir = tempDir();
  const db = path.join(dir, 'fu.db');
  const state = { now: options.now ?? '2026-11-23T09:00:00Z', tz: options.tz ?? 'UTC' };
  const bound: Session = Object.assign((...args: string[]) => fu(args, { db, now: state.now, tz: state.tz }), {
    db,
    dir,
    at(now: string) {
      state.now = now;
      return bound;
    },
    async json<T = unknown>(...args: string[]): Promise<T> {
      const r = await bound(...args, '--json');
      if (r.code !== 0) throw new Error(`fu ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
  });
  return bound;
}

/** Every row of every table, to prove a refused command changed nothing. */
export async function snapshot(db: string): Promise<string> {
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(db, { readonly: true });
  try {
    return tablesJson(raw);
  } finally {
    raw.close();
  }
}

/**
 * Every row of every table (but those `skip` matches) as one JSON text, rows in the order of their
 * columns: a table without a key of its own (the stats summaries) may hold the same rows in another
 * physical order after an undo or a restore, and that is the same content.
 */
export function tablesJson(raw: import('better-sqlite3').Database, skip: RegExp = /^sqlite_/): string {
  const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).filter(
    (t) => !skip.test(t.name),
  );
  return JSON.stringify(
    Object.fromEntries(
      tables.map((t) => {
        const columns = (raw.prepare('SELECT count(*) AS n FROM pragma_table_info(?)').get(t.name) as { n: number }).n;
        const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
        return [t.name, raw.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order}`).all()];
      }),
    ),
  );
}
