/**
 * Copies of the database. `fu backup` uses SQLite's online backup: a snapshot
 * of one committed state, taken while other fu processes keep writing. `fu
 * restore` checks a copy of the backup (integrity, application id, schema
 * version; older ones are migrated) before anything is replaced, then swaps
 * the content in one write transaction, so every other fu sees the database
 * before or after the restore, never between. Every file written here is
 * private (0600) and complete before it gets its name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { databaseError, FuError, TargetExistsError, usageError } from '../errors.js';
import {
  APPLICATION_ID,
  connect,
  describe,
  listMigrations,
  newest,
  openDatabase,
  realFile,
  removeCreatedJournals,
  removeLeftovers,
  sqliteHeaderOf,
  storedColumns,
  tempName,
  type Db,
  type Migration,
} from './db.js';
import type { CopyInfo, DatabaseFile } from '../domain/types.js';
import { SUMMARY_TABLES } from './stats.js';
import type { Store } from './store.js';

/** better-sqlite3 copies this many pages per step: all of them, so the copy is one snapshot and never restarts. */
const ALL_PAGES = 0x7fffffff;

/**
 * A new empty private file beside `file` (its folder created 0700 if
 * missing), renamed into place once complete. What a killed fu left there
 * before goes first.
 */
function tempBeside(file: string, tag: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  removeLeftovers(file);
  const tmp = tempName(file, tag);
  fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
  return tmp;
}

/** Removes a database file and the journal files SQLite may have left beside it; missing ones are fine. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** The same file, whatever the path says (a link, a relative path). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Where a path leads once every symbolic link is followed, even a path that does not exist yet (its folder's real path). */
function resolved(file: string): string {
  const real = realFile(file);
  if (real !== file) return real;
  try {
    return resolved(path.resolve(path.dirname(file), fs.readlinkSync(file))); // a dangling link
  } catch {
    return path.join(realFile(path.dirname(file)), path.basename(file));
  }
}

const DATABASE_FILES = [
  ['', 'database'],
  ['-wal', 'wal'],
  ['-shm', 'shm'],
  ['-journal', 'journal'],
] as const satisfies readonly (readonly [string, DatabaseFile])[];

/**
 * Which of the database's files `target` is, however it is spelled (a
 * symbolic link, `..`, a hard link): the database itself or one of the
 * journals SQLite keeps beside it; null when it is none of them.
 */
export function databaseFileAt(target: string, database: string): DatabaseFile | null {
  const real = resolved(database);
  const wanted = resolved(target);
  for (const [suffix, what] of DATABASE_FILES) if (wanted === `${real}${suffix}` || sameFile(target, `${real}${suffix}`)) return what;
  return null;
}

function fsync(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; not every platform can fsync a folder, and then the rename is all there is. */
function fsyncFolder(dir: string): void {
  try {
    fsync(dir);
  } catch {
    // best effort
  }
}

function infoOf(db: Db): CopyInfo {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  return { contacts: count('contacts'), touches: count('touches'), version: db.pragma('user_version', { simple: true }) as number };
}

/** Copies bytes into a file that is already private: the copy is never readable by others, even for a moment. */
function copyPrivately(from: string, to: string): void {
  const input = fs.openSync(from, 'r');
  const output = fs.openSync(to, 'w', 0o600);
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(input, buffer, 0, buffer.length, null)) > 0) fs.writeSync(output, buffer, 0, read);
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}

/**
 * Writes a consistent copy of `db` to `target` with SQLite's online backup:
 * into a private temporary file beside it, checked, then renamed. Without
 * `overwrite`, an existing target is refused (TargetExistsError), even one
 * that appears meanwhile.
 */
export async function backupTo(db: Db, target: string, options: { overwrite: boolean }): Promise<CopyInfo> {
  let tmp: string | undefined;
  try {
    tmp = tempBeside(target, 'backup');
    await db.backup(tmp, { progress: () => ALL_PAGES });
    const copy = connect(tmp, { fileMustExist: true });
    let info: CopyInfo;
    try {
      // One self-contained file: a rollback journal, no -wal beside it.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw databaseError(
          `The copy written for ${target} failed its integrity check (${String(check)}).`,
          'Nothing was saved there; check the disk and try again.',
        );
      info = infoOf(copy);
    } finally {
      copy.close();
    }
    fsync(tmp);
    if (options.overwrite) {
      fs.renameSync(tmp, target);
    } else {
      // link() never replaces an existing file: a file that appeared meanwhile is kept.
      try {
        fs.linkSync(tmp, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(target)) throw new TargetExistsError(target);
        fs.renameSync(tmp, target); // a file system without hard links
      }
    }
    fsyncFolder(path.dirname(target));
    return info;
  } catch (err) {
    if (err instanceof FuError || err instanceof TargetExistsError) throw err;
    throw databaseError(`Cannot write the backup ${target}: ${describe(err)}.`, 'Nothing was written there; choose another place.');
  } finally {
    if (tmp) removeDatabaseFiles(tmp);
  }
}

/** A checked copy of a backup, beside the database, ready to be swapped in. */
export interface PreparedRestore {
  tmp: string;
  info: CopyInfo;
}

/**
 * Copies `source` (and its -wal, if any) beside the database `live`, then
 * checks the copy: SQLite, intact, fu's, not from a newer fu. An older one is
 * migrated like any older database. The backup itself is only read.
 */
export function prepareRestore(source: string, live: string, migrations: Migration[] = listMigrations()): PreparedRestore {
  let kind: ReturnType<typeof sqliteHeaderOf>;
  try {
    if (fs.statSync(source).isDirectory()) throw usageError(`${source} is a folder, not a backup file.`, 'Give the path of a file made by fu backup.');
    kind = sqliteHeaderOf(source);
  } catch (err) {
    if (err instanceof FuError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw usageError(`There is no file ${source}.`, 'Give the path of a file made by fu backup.');
    throw databaseError(`Cannot read the backup ${source}: ${describe(err)}.`, 'Nothing was changed.');
  }
  if (kind !== 'sqlite')
    throw databaseError(
      `The file ${source} is not a fu backup (${kind === 'empty' ? 'it is empty' : 'not SQLite'}).`,
      'Nothing was changed; give a file made by fu backup.',
    );
  let tmp: string | undefined;
  try {
    // Beside the file a symbolic link points to: that is the file swapIn replaces.
    tmp = tempBeside(realFile(live), 'restore');
    copyPrivately(source, tmp);
    if (fs.existsSync(`${source}-wal`)) copyPrivately(`${source}-wal`, `${tmp}-wal`);
    return { tmp, info: checkCopy(tmp, source, migrations) };
  } catch (err) {
    if (tmp) removeDatabaseFiles(tmp);
    if (err instanceof FuError) throw err;
    throw databaseError(`Cannot copy the backup ${source} beside ${live}: ${describe(err)}.`, 'Nothing was changed.');
  }
}

const damagedBackup = (source: string, why: string) => databaseError(`The backup ${source} is damaged (${why}).`, 'Nothing was changed; try another backup.');

function checkCopy(tmp: string, source: string, migrations: Migration[]): CopyInfo {
  let db: Db | undefined;
  try {
    db = connect(tmp, { fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw damagedBackup(source, `integrity check: ${String(check)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version === 0 || appId !== APPLICATION_ID) {
      throw databaseError(`The file ${source} is not a fu backup: it holds another program's database.`, 'Nothing was changed; give a file made by fu backup.');
    }
    if (version > newest(migrations)) {
      throw databaseError(
        `The backup ${source} was written by a newer fu (schema ${version}; this fu knows up to ${newest(migrations)}).`,
        'Upgrade fu to restore it; nothing was changed.',
      );
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw damagedBackup(source, `${broken.length} broken reference${broken.length === 1 ? '' : 's'}`);
    db.close();
    db = undefined;
    // An older backup is upgraded like any older database, in the copy only.
    if (version < newest(migrations)) openDatabase(tmp, migrations).close();
    db = connect(tmp, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    return infoOf(db);
  } catch (err) {
    if (err instanceof FuError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw damagedBackup(source, describe(err));
    throw databaseError(`Cannot read the backup ${source}: ${describe(err)}.`, 'Nothing was changed.');
  } finally {
    db?.close();
  }
}

/** An SQLite file that SQLite cannot read whole: not a healthy database of another program or a newer fu. */
export function isDamaged(file: string): boolean {
  try {
    if (sqliteHeaderOf(file) !== 'sqlite') return false;
  } catch {
    return false;
  }
  // A read-only connection may leave an empty -wal and -shm behind: those it created are removed.
  const created = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Db | undefined;
  try {
    db = connect(file, { readonly: true, fileMustExist: true });
    return db.pragma('quick_check', { simple: true }) !== 'ok';
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
  } finally {
    db?.close();
    removeCreatedJournals(created);
  }
}

/** Whether an open database reads whole. */
export function isIntact(db: Db): boolean {
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  }
}

/**
 * Replaces every row of the open database with the checked copy's, in one
 * write transaction: other fu processes wait for it like for any write and
 * then see the restored state; a crash leaves the old one. The schemas must
 * be the same (both are at this fu's newest version).
 */
export function copyRowsFrom(store: Store, tmp: string, source: string): void {
  const db = store.db;
  db.prepare('ATTACH DATABASE ? AS restored').run(tmp);
  try {
    store.unjournaledTransaction(() => {
      const schema = (name: string) =>
        JSON.stringify(db.prepare(`SELECT type, name, tbl_name, sql FROM ${name}.sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all());
      if (schema('main') !== schema('restored')) {
        throw databaseError(`The backup ${source} does not have the tables of this fu's database.`, 'Nothing was changed; give a file made by fu backup.');
      }
      db.pragma('defer_foreign_keys = ON');
      // The summaries are emptied, then rebuilt by their triggers as the rows go in: copied too, they would count twice.
      const tables = parentsFirst(db).filter((t) => !SUMMARY_TABLES.includes(t));
      for (const t of [...tables].reverse()) db.prepare(`DELETE FROM main."${t}"`).run();
      for (const t of SUMMARY_TABLES) db.prepare(`DELETE FROM main."${t}"`).run();
      for (const t of tables) {
        const columns = storedColumns(db, t);
        db.prepare(`INSERT INTO main."${t}" (${columns}) SELECT ${columns} FROM restored."${t}"`).run();
      }
    });
  } finally {
    db.prepare('DETACH DATABASE restored').run();
  }
}

/**
 * The tables, each after the tables its foreign keys point to, so rows can be
 * inserted in that order (SQLite's deferred-key bookkeeping does not always
 * forgive a child inserted before its parent).
 */
function parentsFirst(db: Db): string[] {
  const names = (
    db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence') ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const parents = new Map(
    names.map((t) => [
      t,
      (db.prepare(`SELECT DISTINCT "table" AS parent FROM pragma_foreign_key_list(?, 'main')`).all(t) as { parent: string }[]).map((r) => r.parent),
    ]),
  );
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t) || !parents.has(t)) return;
    seen.add(t);
    for (const p of parents.get(t)!) visit(p, seen);
    ordered.push(t);
  };
  for (const t of names) visit(t, new Set());
  return ordered;
}

/** Keeps a copy of `from` as `to` (a hard link, else a private copy). */
function keep(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    copyPrivately(from, to);
  }
}

/**
 * A damaged database cannot take rows: it is kept beside as
 * `FILE.damaged-TIME` (with its journals, which must not be replayed onto the
 * restored file), and the checked copy is renamed into its place in one step.
 * Returns where the damaged file was kept.
 */
export function swapIn(database: string, tmp: string, now: Date): string {
  // Through a symbolic link, the file it points to is replaced (and kept beside it): the link stays.
  const live = realFile(database);
  const stamp = `${live}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  // Never over an earlier one kept at the same time (a fixed FU_NOW).
  let aside = stamp;
  for (let n = 2; fs.existsSync(aside); n++) aside = `${stamp}-${n}`;
  keep(live, aside);
  for (const journal of ['-wal', '-journal']) {
    const file = `${live}${journal}`;
    if (!fs.existsSync(file)) continue;
    if (fs.statSync(file).size > 0) keep(file, `${aside}${journal}`);
    fs.rmSync(file);
  }
  fs.rmSync(`${live}-shm`, { force: true });
  fs.renameSync(tmp, live);
  fsyncFolder(path.dirname(live));
  return aside;
}
