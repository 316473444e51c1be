/**
 * `fu import`: contacts from a file, in one write. Bad rows stop the whole
 * import unless they are to be skipped; a dry run decides the same and writes
 * nothing.
 */
import { checkRecord, planImport, type ImportField, type ImportPlan, type RowCheck } from '../domain/contact-import.js';
import type { AppContext } from './context.js';
import { decodeText, readContactFile, type ContactFormat } from './contact-files.js';

export interface ImportInput {
  /** The file's bytes, or text already decoded (standard input). */
  content: Uint8Array | string;
  mapping: ReadonlyMap<string, ImportField | null>;
  tags: readonly string[];
  dryRun: boolean;
  skipBad: boolean;
  skipExisting: boolean;
  /** Called now and then while contacts are written: how many of how many. */
  progress?: (done: number, total: number) => void;
}

export interface ImportResult extends ImportPlan {
  format: ContactFormat;
  unit: 'line' | 'record';
  unknownColumns: string[];
  /** The ids given to the added contacts, in the order of `add` (empty unless applied). */
  addedIds: number[];
  /** Written: not a dry run, and no bad row stopped it. */
  applied: boolean;
  /** Bad rows stopped the import (nothing written). */
  stoppedByBadRows: boolean;
}

export function importContacts(ctx: AppContext, input: ImportInput): ImportResult {
  const text = typeof input.content === 'string' ? input.content : decodeText(input.content);
  const file = readContactFile(text, input.mapping);
  const rows: RowCheck[] = file.records.map(checkRecord);
  for (const b of file.broken) rows.push({ ok: false, line: b.line, reason: b.reason });
  rows.sort((a, b) => a.line - b.line);
  const options = { skipExisting: input.skipExisting, tags: input.tags };
  const base = { format: file.format, unit: file.unit, unknownColumns: file.unknown };
  const { store, now } = ctx;

  const decide = () => planImport(rows, store.knownContacts(), options);
  if (input.dryRun) {
    const plan = store.read(decide);
    return { ...plan, ...base, addedIds: [], applied: false, stoppedByBadRows: plan.bad.length > 0 && !input.skipBad };
  }
  return store.transaction({ kind: 'import', at: now }, () => {
    const plan = decide();
    if (plan.bad.length > 0 && !input.skipBad) return { ...plan, ...base, addedIds: [], applied: false, stoppedByBadRows: true };
    const total = plan.add.length;
    const addedIds = store.insertImported(
      plan.add.map((a) => a.contact),
      now,
      input.progress && ((done) => input.progress!(done, total)),
    );
    for (const u of plan.update) {
      store.updateContact(u.id, u.fields, now);
      store.addTags(u.id, u.tags);
    }
    return { ...plan, ...base, addedIds, applied: true, stoppedByBadRows: false };
  });
}
