/**
 * Opening the database: where it lives, checking it is ours, and migrating it.
 * Every failure here is a FuError with exit code 5 that names the path.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseError } from '../errors.js';

export type Db = Database.Database;

/** "fu\0\0": written by migration 1, so a database of another program is told apart. */
export const APPLICATION_ID = 0x66750000;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const BUSY_TIMEOUT_MS = 5000;

export interface PathEnv {
  FU_DB?: string;
  XDG_DATA_HOME?: string;
  HOME?: string;
}

/** SPEC "Where things live": --db, else $FU_DB, else $XDG_DATA_HOME/fu/fu.db, else ~/.local/share/fu/fu.db. */
export function resolveDbPath(flag: string | undefined, env: PathEnv): string {
  if (flag) return path.resolve(flag);
  if (env.FU_DB) return path.resolve(env.FU_DB);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)) return path.join(env.XDG_DATA_HOME, 'fu', 'fu.db');
  return path.join(env.HOME || os.homedir(), '.local', 'share', 'fu', 'fu.db');
}

export interface Migration {
  version: number;
  file: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** The numbered SQL files, in order. Only names are read here; a file's SQL only when it must run. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .map((file) => ({ file: path.join(dir, file), m: /^(\d+)_[\w-]+\.sql$/.exec(file) }))
    .filter((x) => x.m)
    .map((x) => ({ version: Number(x.m![1]), file: x.file }))
    .sort((a, b) => a.version - b.version);
}

function describe(err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) return 'it is read-only';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') return 'it is locked by another process';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return 'it is damaged or not a database';
  if (code === 'SQLITE_CANTOPEN') return 'it cannot be opened';
  return (err as Error).message;
}

/** Turns a low-level failure into exit 5 with the path named; leaves FuErrors alone. */
export function asDatabaseError(err: unknown, file: string): Error {
  if ((err as { name?: string }).name === 'FuError') return err as Error;
  const code = (err as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') {
    return databaseError(`The database ${file} is busy: another fu kept it locked for more than ${BUSY_TIMEOUT_MS / 1000} seconds.`, 'Nothing was saved; try again.');
  }
  if (code.startsWith('SQLITE_') || code.startsWith('E')) {
    return databaseError(`Cannot use the database ${file}: ${describe(err)}.`, 'Check the file, or point --db or FU_DB at another one.');
  }
  return err as Error;
}

/** Refuses anything that is not an SQLite file before SQLite ever touches it. */
function checkHeader(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw asDatabaseError(err, file);
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return; // an empty file is a new database
    if (read < head.length || !head.equals(SQLITE_HEADER)) {
      throw databaseError(`The file ${file} is not a fu database (not SQLite).`, 'Point --db or FU_DB at a fu database, or move the file away.');
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates the folder (0700) and an empty file (0600) on first use: it holds personal data. */
function ensureFile(file: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw asDatabaseError(err, file);
  }
  if (stat?.isDirectory()) throw databaseError(`The path ${file} is a directory, not a database file.`, 'Give a file path with --db or FU_DB.');
  if (stat) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return; // another fu created it just now
    throw asDatabaseError(err, file);
  }
}

/**
 * Opens (creating on first use) and migrates the database. A database from a
 * newer fu, or another program's, is refused before anything is written.
 */
export function openDatabase(file: string, migrations: Migration[] = listMigrations()): Db {
  ensureFile(file);
  checkHeader(file);
  let db: Db | undefined;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    checkOwnership(db, file, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL makes NORMAL durable across application crashes; only power loss can undo the last commit.
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations, file);
    return db;
  } catch (err) {
    db?.close();
    throw asDatabaseError(err, file);
  }
}

function newest(migrations: Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1]!.version : 0;
}

function checkOwnership(db: Db, file: string, migrations: Migration[]): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (version > newest(migrations)) {
    throw databaseError(
      `The database ${file} was written by a newer fu (schema ${version}; this fu knows up to ${newest(migrations)}).`,
      'Upgrade fu; the database was left untouched.',
    );
  }
  const foreign = version > 0 ? appId !== APPLICATION_ID : hasTables(db);
  if (foreign) throw databaseError(`The file ${file} holds another program's database, not fu's.`, 'Point --db or FU_DB at a fu database; the file was left untouched.');
}

function hasTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1").get() !== undefined;
}

/** Signal-Desktop style: migration N runs its SQL and sets user_version = N in one transaction. */
function migrate(db: Db, migrations: Migration[], file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === newest(migrations)) return;
  for (const m of migrations) {
    if (m.version <= current) continue;
    const sql = fs.readFileSync(m.file, 'utf8');
    db.transaction(() => {
      // Another fu may have migrated while this one waited for the write lock.
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now >= m.version) return;
      db.exec(sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  if ((db.pragma('user_version', { simple: true }) as number) !== newest(migrations)) {
    throw databaseError(`The database ${file} could not be brought to schema ${newest(migrations)}.`);
  }
}
