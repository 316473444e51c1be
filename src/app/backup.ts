/** Copies of the database (`fu backup`) and putting one back (`fu restore`). */
import type { Instant } from '../domain/types.js';
import type { CopyInfo, DatabaseFile, DatabaseFiles } from './ports.js';

export type BackedUp = { ok: false; reason: 'is-database'; file: DatabaseFile } | { ok: true; info: CopyInfo };

/** A consistent copy to `target`; an existing file is replaced only when `overwrite`. */
export async function backup(files: DatabaseFiles, target: string, overwrite: boolean): Promise<BackedUp> {
  // A backup over the -wal would replace the live log of every open fu: any of the database's files is refused.
  const own = files.databaseFileAt(target);
  if (own !== null) return { ok: false, reason: 'is-database', file: own };
  return { ok: true, info: await files.backupTo(target, { overwrite }) };
}

export type Restored = { ok: false; reason: 'is-database' | 'declined' } | { ok: true; info: CopyInfo; keptAs: string | null };

/**
 * Replaces the database with the backup `source`: a copy of it is checked
 * first, then `confirm` is asked (with what the backup holds), then the copy
 * is put in place. The copy is removed whatever happens.
 */
export async function restoreBackup(files: DatabaseFiles, source: string, now: Instant, confirm: (info: CopyInfo) => Promise<boolean>): Promise<Restored> {
  if (files.databaseFileAt(source) !== null) return { ok: false, reason: 'is-database' };
  const prepared = files.prepareRestore(source);
  try {
    if (!(await confirm(prepared.info))) return { ok: false, reason: 'declined' };
    return { ok: true, info: prepared.info, ...files.restore(prepared, source, now) };
  } finally {
    files.discard(prepared);
  }
}
