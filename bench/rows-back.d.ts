/** What a write may change, taken before it runs (bench/rows-back.js). */
export interface Snapshot {
  readonly contact: Record<string, unknown> | null | undefined;
}
export function snapshotFor(copy: string, contactId: number | null): Snapshot;
export function undo(copy: string, snap: Snapshot): void;
