/** "Did you mean": the names closest to what was typed, for a contact that was not found; and the contacts a new one may duplicate. */
import { distance } from 'fastest-levenshtein';
import { foldCase, textKey } from '../text-key.js';

/** Levenshtein distance, whatever the case (Unicode case folding). */
export function editDistance(a: string, b: string): number {
  return distance(foldCase(a), foldCase(b));
}

const MAX_TYPO_LENGTH = 100;

/**
 * The `limit` candidates closest to `query` by their name or company (or any
 * word of them), keeping only those close enough to be a plausible typo.
 */
export function closest<T extends { name: string; company: string | null }>(query: string, candidates: T[], limit = 3): T[] {
  // Nobody mistypes a hundred characters; a pasted page of text must not cost seconds of edit distances.
  if (query.length > MAX_TYPO_LENGTH) return [];
  const score = (c: T) => {
    const texts = [c.name, c.company ?? '', ...c.name.split(/\s+/), ...(c.company ?? '').split(/\s+/)].filter(Boolean);
    // The distance is at least the difference in length: texts far longer or shorter are never close.
    const near = texts.filter((t) => Math.abs(t.length - query.length) <= Math.max(t.length, query.length) / 2);
    return Math.min(Infinity, ...near.map((t) => editDistance(query, t) / Math.max(query.length, t.length)));
  };
  return candidates
    .map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s <= 0.5)
    .sort((a, b) => a.s - b.s)
    .slice(0, limit)
    .map((x) => x.c);
}

/** Why an existing contact may be the one being added. */
export type DuplicateReason = 'same-name-and-company' | 'similar-name';

type Candidate = { id: number; name: string; company: string | null };

const norm = (text: string | null | undefined) => textKey(text ?? '');

/**
 * The lengths (in UTF-16 code units, as `length` counts them) of the name keys that can be a possible duplicate of
 * `name` (possibleDuplicates below): the same length, or as many characters more or fewer as typos are allowed.
 */
export function duplicateNameLengths(name: string): { min: number; max: number } {
  const n = norm(name).length;
  return { min: n - Math.max(1, Math.floor(n / 5)), max: Math.max(n + 1, Math.floor((5 * n) / 4)) };
}

/**
 * The existing contacts a new one may duplicate, the surest first: the same
 * name at the same company, or a name a typo or two away (at most one edit in
 * five characters) where the companies do not differ. (The same email is
 * refused outright: one contact per email.)
 */
export function possibleDuplicates<T extends Candidate>(
  added: { name: string; company: string | null },
  candidates: readonly T[],
  limit = 3,
): { contact: T; reason: DuplicateReason }[] {
  const name = norm(added.name);
  const company = norm(added.company);
  const found: { contact: T; reason: DuplicateReason; rank: number }[] = [];
  for (const c of candidates) {
    // Another company rules a candidate out before its name is compared: most candidates at 100k contacts.
    const otherCompany = company && c.company ? norm(c.company) : null;
    if (otherCompany !== null && otherCompany !== company) continue;
    const other = norm(c.name);
    if (otherCompany !== null && other === name) {
      found.push({ contact: c, reason: 'same-name-and-company', rank: 0 });
      continue;
    }
    const allowed = Math.max(1, Math.floor(Math.max(name.length, other.length) / 5));
    // The distance is at least the difference in length: most names are ruled out without computing it.
    if (Math.abs(name.length - other.length) > allowed || name.length > MAX_TYPO_LENGTH) continue;
    const d = editDistance(name, other);
    if (d <= allowed) found.push({ contact: c, reason: 'similar-name', rank: 1 + d });
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.contact.id - b.contact.id)
    .slice(0, limit)
    .map(({ contact, reason }) => ({ contact, reason }));
}
