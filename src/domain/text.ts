/**
 * Characters stored text must never put on a terminal as they are: C0/C1
 * control characters and DEL (escape sequences, cursor moves, the bell), the
 * line and paragraph separators, and every invisible bidi control: the marks
 * (LRM, RLM, ALM), embeddings, overrides and isolates, which reorder the rest
 * of a line. The CLI shows them escaped (cli/output.ts, safe; --json writes
 * them as \uXXXX); a setting refuses them.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * The longest text each kind of field takes (docs/data-safety.md): a one-line
 * field (a name, a company, a step, a reason for losing) and a free text (a
 * note, the reason and ask of a draft). Enough for any real use, small enough
 * that no stored text can make a query or a screen unworkable.
 */
export const TEXT_LIMITS = { line: 200, free: 2000 } as const;

/** "1 day", "3 days"; `many` for the irregular plurals ("touches"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** One address, no spaces, something on both sides of the @: the only shape fu requires of an email. */
export const isEmailAddress = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text);
