/** The database file as a whole, for backup and restore: SQLite's side of them (see backup.ts). */
import { Exit, FuError } from '../errors.js';
import { backupTo, copyRowsFrom, databaseFileAt, isDamaged, isIntact, prepareRestore, removeDatabaseFiles, swapIn, type PreparedRestore } from './backup.js';
import type { Store } from './store.js';

/** The database at `file`; `openStore` opens it (once) when a copy needs its connection. */
export function databaseFiles(file: string, openStore: () => Store) {
  return {
    path: file,
    databaseFileAt: (other: string) => databaseFileAt(other, file),
    backupTo: (target: string, options: { overwrite: boolean }) => backupTo(openStore().db, target, options),
    prepareRestore: (source: string) => prepareRestore(source, file),
    discard: (prepared: PreparedRestore) => removeDatabaseFiles(prepared.tmp),
    /**
     * Rows are copied into an intact database in one write transaction, so
     * other fu processes see it before or after; a damaged one cannot take
     * rows and is kept beside instead. Only a damaged database is set aside:
     * another program's, a newer fu's or a locked one is left alone.
     */
    restore(prepared: PreparedRestore, source: string, now: string): { keptAs: string | null } {
      let store: Store | undefined;
      try {
        store = openStore();
      } catch (err) {
        if (!(err instanceof FuError && err.exitCode === Exit.database && isDamaged(file))) throw err;
      }
      if (store && isIntact(store.db)) {
        copyRowsFrom(store, prepared.tmp, source);
        return { keptAs: null };
      }
      store?.close();
      return { keptAs: swapIn(file, prepared.tmp, new Date(now)) };
    },
  };
}
