/** Take back a write (`fu undo`): the journal puts its rows back, then the contacts' derived state is derived again. */
import { configFrom } from '../domain/config.js';
import type { JournalEntry, JournalRow, WriteKind } from '../domain/journal.js';
import type { Channel, Contact, Instant, Outcome } from '../domain/types.js';
import { refreshDerived } from './history.js';
import type { AppContext } from './context.js';
import type { StorePort } from './ports.js';

/** A journaled write, summed up from the rows it changed, for the sentence that names it. */
export interface WriteSummary {
  id: number;
  kind: WriteKind;
  at: Instant;
  /** The contacts it changed, by id, with their names (as they were, for a removed one). */
  contacts: { id: number; name: string }[];
  /** The first touch it wrote, changed or removed, as it was after (or before, when removed). */
  touch: { id: number; contactId: number; at: Instant; channel: Channel; outcome: Outcome } | null;
  /** The first commitment it wrote or changed. */
  commitment: { id: number; kind: 'next-step' | 'promise'; what: string } | null;
  /** The settings it set. */
  settings: { key: string; value: string | null }[];
  contactsAdded: number;
  contactsRemoved: number;
}

const imageOf = (r: JournalRow): Record<string, unknown> => (r.after ?? r.before)!;

export function summarize(entry: Omit<JournalEntry, 'rows'> & { rows: JournalRow[] }, store: StorePort): WriteSummary {
  const names = new Map<number, string>();
  const contactIds = new Set<number>();
  for (const r of entry.rows) {
    const row = imageOf(r);
    if (r.table === 'contacts') {
      contactIds.add(row.id as number);
      names.set(row.id as number, row.name as string);
    } else if (typeof row.contact_id === 'number') contactIds.add(row.contact_id);
  }
  const removed = new Set(entry.rows.filter((r) => r.table === 'contacts' && r.after === null).map((r) => r.before!.id as number));
  const first = (table: string) => entry.rows.find((r) => r.table === table);
  const t = first('touches');
  const c = first('commitments');
  const touch = t ? imageOf(t) : null;
  const commitment = c ? imageOf(c) : null;
  return {
    id: entry.id,
    kind: entry.kind,
    at: entry.at,
    // The contacts the write kept first, those it removed after: a merge reads "merging the removed into the kept", whatever order its rows were written in.
    contacts: [...contactIds]
      .sort((a, b) => Number(removed.has(a)) - Number(removed.has(b)))
      .map((id) => ({ id, name: names.get(id) ?? store.contact(id)?.name ?? `#${id}` })),
    touch: touch && {
      id: touch.id as number,
      contactId: touch.contact_id as number,
      at: touch.happened_at as Instant,
      channel: touch.channel as Channel,
      outcome: touch.outcome as Outcome,
    },
    commitment: commitment && { id: commitment.id as number, kind: commitment.kind as 'next-step' | 'promise', what: commitment.what as string },
    settings: entry.rows
      .filter((r) => r.table === 'config')
      .map((r) => ({ key: imageOf(r).key as string, value: (r.after?.value as string | undefined) ?? null })),
    contactsAdded: entry.rows.filter((r) => r.table === 'contacts' && r.before === null).length,
    contactsRemoved: entry.rows.filter((r) => r.table === 'contacts' && r.after === null).length,
  };
}

/** The last writes fu undo can take back, newest first. */
export function undoableWrites(store: StorePort, limit: number): WriteSummary[] {
  return store.read(() => store.undoableWrites(limit).map((e) => summarize(e, store)));
}

export type Undone =
  | { ok: false; reason: 'nothing' }
  | { ok: false; reason: 'no-such-write'; id: number }
  | { ok: false; reason: 'already-undone'; write: WriteSummary; undoneAt: Instant }
  | { ok: false; reason: 'changed-since'; write: WriteSummary; later: WriteSummary[] }
  | {
      ok: true;
      write: WriteSummary;
      /** The contacts it changed that are still there, as they are now. */
      contacts: Contact[];
    };

/**
 * Takes back the last write not taken back yet, or the write `id`: in one
 * transaction, unless a later write (not taken back) changed one of its rows.
 */
export function undo(ctx: AppContext, id?: number): Undone {
  const { store, now, zone } = ctx;
  // One write lock from choosing the write to marking it undone: two fu undo at once take back two different writes.
  return store.unjournaledTransaction((): Undone => {
    const entry = id === undefined ? store.undoableWrites(1)[0] : store.journalEntry(id);
    if (!entry) return id === undefined ? { ok: false, reason: 'nothing' } : { ok: false, reason: 'no-such-write', id };
    const write = summarize(entry, store);
    if (entry.undoneAt !== null) return { ok: false, reason: 'already-undone', write, undoneAt: entry.undoneAt };
    const later = store.laterWritesTouching(entry.id);
    if (later.length > 0) return { ok: false, reason: 'changed-since', write, later: later.map((e) => summarize(store.journalEntry(e.id)!, store)) };
    store.revert(entry.id, now);
    // The rows are back as they were; the derived state is derived again from the history they give.
    // Not after a setting: its write derived the due days again itself, so the rows put back are the
    // ones the old setting gave, and the zone of this run may be the very one being taken back.
    const config = configFrom(store.configValues());
    const contacts: Contact[] = [];
    for (const { id: contactId } of write.contacts) {
      if (!store.contact(contactId)) continue;
      if (write.kind !== 'config') refreshDerived(store, contactId, config, zone);
      contacts.push(store.contact(contactId)!);
    }
    return { ok: true, write, contacts };
  });
}
