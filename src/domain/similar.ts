/** "Did you mean": the names closest to what was typed, for a contact that was not found. */

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length]!;
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
