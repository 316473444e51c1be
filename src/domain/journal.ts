/** The journal of writes, as plain data: what fu undo reads and takes back. */
import type { Instant } from './types.js';

/** The command a write belongs to, as the journal keeps it (fu undo --list). */
export type WriteKind =
  | 'log'
  | 'next'
  | 'done'
  | 'cancel'
  | 'add'
  | 'edit'
  | 'rm'
  | 'merge'
  | 'touch-edit'
  | 'touch-rm'
  | 'config'
  | 'import'
  | 'demo'
  | 'prep'
  | 'close';

/** A write as the journal keeps it: what wrote it, when, and every row it changed. */
export interface JournalEntry {
  id: number;
  kind: WriteKind;
  at: Instant;
  undoneAt: Instant | null;
  /** In the order they were written. */
  rows: JournalRow[];
}

/** One row a write changed: as it was before (null: inserted) and after (null: deleted), columns as stored. */
export interface JournalRow {
  table: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
