/**
 * `fu export`: every field of the tables asked for, read in one consistent
 * read, with camelCase names, times ISO-8601 with the zone's offset, dates
 * `YYYY-MM-DD`, yes/no columns as booleans.
 */
import { isoWithOffset } from '../domain/time.js';
import type { Zone } from '../domain/zone.js';
import type { AppContext } from './context.js';

export const EXPORT_TABLES = ['contacts', 'touches', 'commitments'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export type ExportValue = string | number | boolean | null | string[] | ExportRow[];
export type ExportRow = Record<string, ExportValue>;

const BOOLEANS = new Set(['proposal', 'soft', 'late', 'oldSoft']);
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function exported(row: Record<string, unknown>, zone: Zone): ExportRow {
  const out: ExportRow = {};
  for (const [column, value] of Object.entries(row)) {
    const name = camel(column);
    if (name === 'tags') out.tags = typeof value === 'string' ? value.split('\u001f') : [];
    else if (BOOLEANS.has(name)) out[name] = value === 1;
    else if (/At$/.test(name) && typeof value === 'string') out[name] = isoWithOffset(value, zone);
    else out[name] = value as ExportValue;
  }
  return out;
}

/** The rows of each table asked for; a commitment carries its moves (reschedules) in `history`. */
export function exportData(ctx: Pick<AppContext, 'store' | 'zone'>, tables: readonly ExportTable[]): Partial<Record<ExportTable, ExportRow[]>> {
  const { store, zone } = ctx;
  return store.read(() => {
    const out: Partial<Record<ExportTable, ExportRow[]>> = {};
    if (tables.includes('contacts')) out.contacts = store.exportedContacts().map((r) => exported(r, zone));
    if (tables.includes('touches')) out.touches = store.exportedTouches().map((r) => exported(r, zone));
    if (tables.includes('commitments')) {
      const moves = new Map<unknown, ExportRow[]>();
      for (const m of store.exportedMoves()) {
        const { commitment_id: id, ...rest } = m;
        const list = moves.get(id) ?? [];
        list.push(exported(rest, zone));
        moves.set(id, list);
      }
      out.commitments = store.exportedCommitments().map((r) => ({ ...exported(r, zone), history: moves.get(r.id) ?? [] }));
    }
    return out;
  });
}
