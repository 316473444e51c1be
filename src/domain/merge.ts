/**
 * Merging a duplicate contact into the one kept: which empty fields the
 * duplicate fills, where the two disagree (the kept contact's value wins),
 * and which next step stays open when both have one (R3, docs/rules.md: at
 * most one open next step; the later-created one is kept).
 */
import type { Commitment, Contact, ContactFields } from './types.js';
import { textKey } from '../text-key.js';

const FIELDS: readonly (keyof ContactFields)[] = ['name', 'company', 'email', 'phone', 'source', 'note'];

export interface MergePlan {
  /** Fields empty on the kept contact, filled from the duplicate. */
  fill: Partial<ContactFields>;
  /** Fields both have, with different values: the kept one's stays. */
  conflicts: { field: keyof ContactFields; kept: string; dropped: string }[];
  /** The duplicate's tags the kept contact does not have yet. */
  tags: string[];
  /** When both have an open next step: the one kept open and the one replaced. */
  steps: { kept: Commitment; replaced: Commitment } | null;
}

export function planMerge(
  keep: { contact: Contact; tags: readonly string[]; nextStep: Commitment | null },
  dup: { contact: Contact; tags: readonly string[]; nextStep: Commitment | null },
): MergePlan {
  const fill: Partial<ContactFields> = {};
  const conflicts: MergePlan['conflicts'] = [];
  for (const f of FIELDS) {
    const kept = keep.contact[f];
    const other = dup.contact[f];
    if (other === null || other.trim() === '') continue;
    if (kept === null || kept.trim() === '') fill[f] = other;
    else if (textKey(kept) !== textKey(other)) conflicts.push({ field: f, kept, dropped: other });
  }
  const tags = dup.tags.filter((t) => !keep.tags.includes(t));
  let steps: MergePlan['steps'] = null;
  if (keep.nextStep && dup.nextStep) {
    const [older, newer] = laterLast(keep.nextStep, dup.nextStep);
    steps = { kept: newer, replaced: older };
  }
  return { fill, conflicts, tags, steps };
}

/** The two, the later-created last (by id when created at the same moment). */
function laterLast(a: Commitment, b: Commitment): [Commitment, Commitment] {
  const aFirst = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  return aFirst ? [a, b] : [b, a];
}
