/**
 * Opening the database: where it lives, checking it is ours, and migrating it.
 * Every failure here is a FuError with exit code 5 that names the path.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import layout from '../../bin/layout.cjs';
import { databaseError, Exit, FuError, oneLine } from '../errors.js';
import { textKey, wordsOf } from '../text-key.js';

export type Db = Database.Database;

let addon: string | undefined;
/**
 * The path of better-sqlite3's compiled addon (where npm builds it), loaded
 * once here to check it. Its default lookup (the bindings package) tries a
 * dozen paths and reads a stack trace on every start, and cannot find it from
 * inside the bundle (scripts/bundle.js). Missing, or built for another
 * Node.js, it is a problem of the installation, not of the database: exit 5
 * with the fix.
 */
function nativeAddon(): string {
  if (addon === undefined) {
    const root = path.dirname(createRequire(layout.packageJson).resolve('better-sqlite3/package.json'));
    const file = ['Release', 'Debug'].map((b) => path.join(root, 'build', b, 'better_sqlite3.node')).find((f) => fs.existsSync(f));
    const dir = /^[\w./-]+$/.test(layout.root) ? layout.root : JSON.stringify(layout.root);
    const fix = `Rebuild it: cd ${dir} && npm rebuild better-sqlite3`;
    if (file === undefined) throw databaseError(`The SQLite addon (better-sqlite3) is not built.`, fix);
    try {
      createRequire(layout.packageJson)(file); // better-sqlite3's own require of it is then a cache hit
      addon = file;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_DLOPEN_FAILED') throw err;
      throw databaseError(
        `The SQLite addon (better-sqlite3) does not load in Node.js ${process.version}: it was built for another version, or is damaged.`,
        fix,
      );
    }
  }
  return addon;
}

/** Every connection fu opens, on the addon loaded once. */
export function connect(file: string, options: Database.Options = {}): Db {
  return new Database(file, { ...options, nativeBinding: nativeAddon() });
}

/** "fu\0\0": written by migration 1, so a database of another program is told apart. */
export const APPLICATION_ID = 0x66750000;

/**
 * The page cache, in KiB. A run reads most pages once. better-sqlite3's default cache (16 MB) keeps every page read in
 * memory the process has never touched, a page fault each (2 to 4 µs on a small virtual machine), where reading a page
 * again from the system's file cache costs less: 1 MB holds what the daily reads come back to (docs/performance.md).
 * The bench's floors read with it too.
 */
export const PAGE_CACHE_KIB = 1024;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** How long a command waits for another fu's write to finish before giving up (exit 5, nothing written). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * `$FU_BUSY_TIMEOUT_MS` overrides the busy timeout (milliseconds): for tests
 * that must see a lock outlast it, and for scripts that prefer to fail fast.
 */
export function busyTimeoutFrom(env: { FU_BUSY_TIMEOUT_MS?: string }): number {
  const raw = env.FU_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw === '') return BUSY_TIMEOUT_MS;
  if (!/^\d{1,9}$/.test(raw.trim())) {
    throw new FuError(Exit.usage, `FU_BUSY_TIMEOUT_MS must be a whole number of milliseconds, not "${raw}".`, 'Unset it to wait the default 5 seconds.');
  }
  return Number(raw.trim());
}

export interface OpenOptions {
  /** Milliseconds to wait for another process's lock (default BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

export interface PathEnv {
  FU_DB?: string;
  XDG_DATA_HOME?: string;
  HOME?: string;
}

/** Where the data lives (docs/rules.md): --db, else $FU_DB, else $XDG_DATA_HOME/fu/fu.db, else ~/.local/share/fu/fu.db. */
export function resolveDbPath(flag: string | undefined, env: PathEnv): string {
  if (flag !== undefined) return givenFile('--db', flag);
  if (env.FU_DB !== undefined) return givenFile('FU_DB', env.FU_DB);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)) return path.join(env.XDG_DATA_HOME, 'fu', 'fu.db');
  return path.join(env.HOME || os.homedir(), '.local', 'share', 'fu', 'fu.db');
}

/**
 * A database path the user gave. Empty is a mistake (a script's unset
 * variable), never "the default": that would write into the user's real data.
 * A trailing slash names a folder, never the file path.resolve would make of it.
 */
function givenFile(name: string, given: string): string {
  if (given.trim() === '')
    throw new FuError(Exit.usage, `${name} is empty: give the path of the database file.`, `Or leave ${name} out to use the default database.`);
  if (given.endsWith('/')) throw new FuError(Exit.usage, `${name} ${given} ends with a slash: give the path of a file, such as ${path.join(given, 'fu.db')}.`);
  return path.resolve(given);
}

export interface Migration {
  version: number;
  file: string;
}

/** The numbered SQL files, in order. Only names are read here; a file's SQL only when it must run. */
export function listMigrations(dir = layout.migrations): Migration[] {
  return fs
    .readdirSync(dir)
    .map((file) => ({ file: path.join(dir, file), m: /^(\d+)_[\w-]+\.sql$/.exec(file) }))
    .filter((x) => x.m)
    .map((x) => ({ version: Number(x.m![1]), file: x.file }))
    .sort((a, b) => a.version - b.version);
}

/** What went wrong with a file, in words ("permission denied", "the disk is full"). */
export function describe(err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  if (code === 'ENOENT') return 'its folder does not exist and cannot be created';
  if (code === 'EISDIR') return 'it is a directory, not a database file';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'the disk is full';
  if (code === 'ENAMETOOLONG') return 'the path is too long';
  if (code === 'ELOOP') return 'its path has a symbolic link loop';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) return 'it is read-only';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') return 'it is locked by another process';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'it is damaged or not a database';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'it cannot be opened';
  if (code.startsWith('SQLITE_IOERR')) return 'reading or writing the file failed (a disk or file system error)';
  return oneLine((err as Error).message);
}

/**
 * A failure of the database file or its environment (locked, read-only, damaged, disk full, I/O),
 * as opposed to a bug: those are exit 5 wherever they happen; a constraint failure stays an internal error.
 */
export function isDatabaseFault(err: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|CORRUPT|NOTADB|CANTOPEN|PERM|PROTOCOL|NOLFS)/.test((err as { code?: string })?.code ?? '');
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${ms / 1000} second${ms === 1000 ? '' : 's'}`);

/** Turns a low-level failure into exit 5 with the path named; leaves FuErrors alone. */
export function asDatabaseError(err: unknown, file: string, busyTimeoutMs = BUSY_TIMEOUT_MS): Error {
  if ((err as { name?: string }).name === 'FuError') return err as Error;
  const code = (err as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') {
    return databaseError(`The database ${file} is busy: another fu kept it locked for more than ${duration(busyTimeoutMs)}.`, 'Nothing was saved; try again.');
  }
  if ((code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) && folderIsTheProblem(file)) {
    return databaseError(
      `Cannot use the database ${file}: its folder ${path.dirname(realFile(file))} is not writable (SQLite keeps its journal files beside the database).`,
      'Make the folder writable, or move the database to a folder you may write to.',
    );
  }
  if (code.startsWith('SQLITE_') || code.startsWith('E')) {
    return databaseError(`Cannot use the database ${file}: ${describe(err)}.`, 'Check the file, or point --db or FU_DB at another one.');
  }
  return err as Error;
}

const writable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** The file a path names, through any symbolic links (SQLite keeps its journals beside that one); the path itself when it cannot be resolved. */
export function realFile(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** A database SQLite could not write or open although the file is writable: its folder refuses the -wal and -shm. */
function folderIsTheProblem(file: string): boolean {
  const real = realFile(file);
  return fs.existsSync(real) && writable(real) && !writable(path.dirname(real));
}

/** Whether a file starts like an SQLite database ('empty' for a 0-byte file); read with plain file I/O, SQLite never touches it. */
export function sqliteHeaderOf(file: string): 'sqlite' | 'empty' | 'other' {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === 0 ? 'empty' : read === head.length && head.equals(SQLITE_HEADER) ? 'sqlite' : 'other';
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuses anything that is not an SQLite file (an empty one is a new database) before SQLite ever touches it. */
function checkHeader(file: string): void {
  let kind: ReturnType<typeof sqliteHeaderOf>;
  try {
    kind = sqliteHeaderOf(file);
  } catch (err) {
    throw asDatabaseError(err, file);
  }
  if (kind === 'other')
    throw databaseError(`The file ${file} is not a fu database (not SQLite).`, 'Point --db or FU_DB at a fu database, or move the file away.');
}

/**
 * Creates the folder (0700) and an empty file (0600) on first use: it holds
 * personal data. An empty file already there is a new database too: it is
 * made private before SQLite gives its mode to the -wal and -shm. Only a
 * regular file is a database: a FIFO would wait for ever.
 */
function ensureFile(file: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw asDatabaseError(err, file);
    const target = linkTarget(file);
    if (target !== null) {
      throw databaseError(
        `Cannot use the database ${file}: it is a symbolic link to ${target}, which does not exist.`,
        'Create the file it points to, or point --db or FU_DB at another one.',
      );
    }
  }
  if (stat?.isDirectory()) throw databaseError(`The path ${file} is a directory, not a database file.`, 'Give a file path with --db or FU_DB.');
  if (stat && !stat.isFile())
    throw databaseError(`The path ${file} is not a regular file (a FIFO, a device or a socket), not a database file.`, 'Give a file path with --db or FU_DB.');
  if (stat) {
    if (stat.size === 0 && (stat.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(file, 0o600);
      } catch {
        // another user's file: SQLite will say what it can do with it
      }
    }
    return;
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return; // another fu created it just now
    throw asDatabaseError(err, file);
  }
}

/** Where a dangling symbolic link points (absolute), or null when `file` is no symbolic link. */
function linkTarget(file: string): string | null {
  try {
    return path.resolve(path.dirname(file), fs.readlinkSync(file));
  } catch {
    return null;
  }
}

/** The name of a private temporary file beside `file` (`.fu.db.restore-PID-TIME.tmp`), complete before it is renamed into place. */
export const tempName = (file: string, tag: string) => path.join(path.dirname(file), `.${path.basename(file)}.${tag}-${process.pid}-${Date.now()}.tmp`);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // another user's process
  }
};

/**
 * Removes the temporary files beside `file` (see tempName, with their
 * journals) that a killed fu left behind: only those of processes that are
 * gone. One look at the folder, so every run can afford it.
 */
export function removeLeftovers(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(?:restore|backup)-(\d+)-\d+\.tmp(?:-wal|-shm|-journal)?$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // a folder this user may not write: the command itself will meet it, or not need it
    }
  }
}

/** Removes the -shm and the still empty -wal among `created` (files a read-only connection made and nothing else needs). */
export function removeCreatedJournals(created: string[]): void {
  for (const f of created) if (fs.existsSync(f) && (f.endsWith('-shm') || fs.statSync(f).size === 0)) fs.rmSync(f);
}

/**
 * A connection to a file this user may not write: SQLite still creates the
 * -wal and -shm beside it (with the file's read-only mode, which would keep
 * refusing writes once the file is writable again). Those it created, still
 * empty, are removed when the connection closes.
 */
function removeJournalsOnClose(db: Db, created: string[]): void {
  const close = db.close.bind(db);
  db.close = () => {
    close();
    removeCreatedJournals(created);
    return db;
  };
}

/**
 * Opens (creating on first use) and migrates the database. A database from a
 * newer fu, or another program's, is refused before anything is written.
 */
export function openDatabase(file: string, migrations: Migration[] = listMigrations(), options: OpenOptions = {}): Db {
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  nativeAddon(); // a broken installation is reported before the file is created
  ensureFile(file);
  checkHeader(file);
  const real = realFile(file);
  removeLeftovers(real);
  const created = writable(real) ? [] : [`${real}-wal`, `${real}-shm`].filter((f) => !fs.existsSync(f));
  let db: Db | undefined;
  try {
    db = connect(file, { timeout: busyTimeoutMs });
    if (created.length > 0) removeJournalsOnClose(db, created);
    checkOwnership(db, file, migrations);
    useWal(db, busyTimeoutMs);
    db.pragma('foreign_keys = ON');
    // WAL makes NORMAL durable across application crashes; only power loss can undo the last commit.
    db.pragma('synchronous = NORMAL');
    // Sorts and temporary tables stay in memory: no personal data in temp files.
    db.pragma('temp_store = MEMORY');
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    migrate(db, migrations, file);
    return db;
  } catch (err) {
    db?.close();
    throw asDatabaseError(err, file, busyTimeoutMs);
  }
}

/**
 * WAL mode, kept in the file once set. Switching a new database to it needs
 * every other connection out of the file, and SQLite answers BUSY at once
 * instead of waiting (its busy handler is not called): two fu starting on a
 * database that does not exist yet would see one fail. So the switch is
 * retried until the busy timeout, as any other lock would be waited for.
 */
function useWal(db: Db, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/**
 * A table's stored columns, quoted, in order, for a statement that copies or writes back whole rows: its generated
 * columns (contacts.silent_since...) are computed from the row and can be neither inserted nor set.
 */
export function storedColumns(db: Db, table: string, schema = 'main'): string {
  return (db.prepare('SELECT name FROM pragma_table_info(?, ?)').pluck().all(table, schema) as string[]).map((c) => `"${c}"`).join(', ');
}

export function newest(migrations: Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1]!.version : 0;
}

function checkOwnership(db: Db, file: string, migrations: Migration[]): void {
  // One read snapshot: another fu creating the schema at this very moment must
  // not be seen half-way (tables there, version not yet read as set).
  const { version, appId, tables } = db.transaction(() => ({
    version: db.pragma('user_version', { simple: true }) as number,
    appId: db.pragma('application_id', { simple: true }) as number,
    tables: hasTables(db),
  }))();
  if (version > newest(migrations)) {
    throw databaseError(
      `The database ${file} was written by a newer fu (schema ${version}; this fu knows up to ${newest(migrations)}).`,
      'Upgrade fu; the database was left untouched.',
    );
  }
  const foreign = version > 0 ? appId !== APPLICATION_ID : tables;
  if (foreign)
    throw databaseError(`The file ${file} holds another program's database, not fu's.`, 'Point --db or FU_DB at a fu database; the file was left untouched.');
}

function hasTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1").get() !== undefined;
}

/** Signal-Desktop style: migration N runs its SQL and sets user_version = N in one transaction. */
function migrate(db: Db, migrations: Migration[], file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === newest(migrations)) return;
  // SQLite cannot fold Unicode case: the migration that fills the contacts' keys calls fu's own code (009_text_keys.sql).
  db.function('fu_text_key', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? textKey(text) : null));
  db.function('fu_word_starts', { deterministic: true }, (nameKey: unknown, companyKey: unknown) =>
    JSON.stringify(wordsOf(String(nameKey), typeof companyKey === 'string' ? companyKey : null)),
  );
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
