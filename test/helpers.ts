/** Shared by the tests: temporary databases and the real built binary, spawned as a user would. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps, IO } from '../src/cli/io.js';
import { inquirerPrompter } from '../src/cli/prompter.js';
import { configFrom } from '../src/domain/config.js';
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
    prompter: inquirerPrompter(false),
    dbPath: () => store.db.name,
    configDir: () => path.join(os.tmpdir(), 'fu-tests-have-no-config'),
  };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fu-test-'));
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

/** Runs `fu ARGS` with no terminal, a fixed clock and zone, and a clean environment. */
export function fu(args: string[], options: FuOptions = {}): FuResult {
  const env = fuEnv(options);
  const r = spawnSync(process.execPath, [BIN, ...args], { env, input: options.input ?? '', encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface Session {
  (...args: string[]): FuResult;
  db: string;
  dir: string;
  /** Moves the clock for the following commands. */
  at(now: string): Session;
  /** Runs with --json, which must succeed, and parses stdout. */
  json<T = unknown>(...args: string[]): T;
}

/** A `fu` bound to one fresh database, clock and zone: `const run = session(); run('add', 'Dana')`. */
export function session(options: { now?: string; tz?: string } = {}): Session {
  const dir = tempDir();
  const db = path.join(dir, 'fu.db');
  const state = { now: options.now ?? '2026-11-23T09:00:00Z', tz: options.tz ?? 'UTC' };
  const run = (...args: string[]) => fu(args, { db, now: state.now, tz: state.tz });
  const bound: Session = Object.assign(run, {
    db,
    dir,
    at(now: string) {
      state.now = now;
      return bound;
    },
    json<T = unknown>(...args: string[]): T {
      const r = run(...args, '--json');
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
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return JSON.stringify(Object.fromEntries(tables.map((t) => [t.name, raw.prepare(`SELECT * FROM "${t.name}"`).all()])));
  } finally {
    raw.close();
  }
}
