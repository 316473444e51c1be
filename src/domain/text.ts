/**
 * Characters stored text must never put on a terminal as they are: C0/C1
 * control characters and DEL (escape sequences, cursor moves, the bell), the
 * line and paragraph separators, and the invisible bidi embeddings, overrides
 * and isolates (which reorder the rest of a line). The CLI shows them escaped
 * (cli/output.ts, safe); a setting refuses them.
 */
export const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** "1 day", "3 days"; `many` for the irregular plurals ("touches"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** One address, no spaces, something on both sides of the @: the only shape fu requires of an email. */
export const isEmailAddress = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text);
