/**
 * Rendering helpers shared by every command: safe text, colour, tables on a
 * terminal, tab-separated rows when piped, JSON for scripts.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { UNSAFE_CHAR } from '../domain/text.js';
import type { IO } from './io.js';

const UNSAFE_CHARS = new RegExp(UNSAFE_CHAR.source, 'g');

/**
 * Stored text (names, notes) must never drive the terminal: the characters of
 * UNSAFE_CHAR are shown escaped (`\x1b`, `\n`, `\u202e`), so no escape sequence,
 * cursor move or bell gets through and a name cannot reorder or break the rest
 * of its line; right-to-left letters themselves are printed as they are.
 */
export function safe(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  // One test first: almost no text has such a character, and test allocates nothing.
  if (!UNSAFE_CHAR.test(text)) return text;
  return text.replace(UNSAFE_CHARS, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

const palettes = new Map<boolean, ChalkInstance>();
/** Colour is the IO's own decision (NO_COLOR, TERM=dumb, --no-color, a terminal): chalk's styles at level 1 or none. */
export function paint(io: Pick<IO, 'color'>): ChalkInstance {
  let c = palettes.get(io.color);
  if (!c) {
    c = new Chalk({ level: io.color ? 1 : 0 });
    palettes.set(io.color, c);
  }
  return c;
}

export type OutputMode = 'table' | 'tsv' | 'json';
export const outputMode = (io: IO, json: boolean | undefined): OutputMode => (json ? 'json' : io.stdoutIsTTY ? 'table' : 'tsv');

/** What JSON.stringify leaves raw but a terminal would obey: C1 controls, DEL, the line separators, the bidi controls. */
// eslint-disable-next-line no-control-regex
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON for scripts, safe on a terminal too: the characters above are written as \uXXXX (the same JSON value). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printJson(io: IO, value: unknown): void {
  io.out(`${jsonText(value)}\n`);
}

/** Tab-separated rows for pipes: one record a line, tabs and newlines in values escaped. */
export function printTsv(io: IO, rows: (string | number | null | undefined)[][]): void {
  // One string built in place: thousands of rows at 100k contacts, and no array per row to collect.
  let out = '';
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      out += `${i === 0 ? '' : '\t'}${typeof v === 'string' ? safe(v) : v === null || v === undefined ? '' : v}`;
    }
    out += '\n';
  }
  io.out(out);
}

/** Visible width of a string (wide East Asian characters and emoji count 2, combining marks 0). */
export function displayWidth(text: string): number {
  // Below U+0300 every character counts one column but © and ® (pictographic): the usual case, without the Unicode tables.
  if (/^[\u0000-\u00a8\u00aa-\u00ad\u00af-\u02ff]*$/.test(text)) return text.length;
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (/\p{Mark}/u.test(ch) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    w += /\p{Extended_Pictographic}/u.test(ch) || (cp >= 0x1100 && /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch)) ? 2 : 1;
  }
  return w;
}

/** Cuts text to `width` columns, ending in an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

export interface Column {
  header: string;
  /** Columns that may shrink to fit the terminal; the rest keep their width. */
  flex?: boolean;
  /** Never narrower than this when shrinking. */
  min?: number;
}

/**
 * A borderless table that always fits `io.columns`: flexible columns are
 * shrunk (and their cells cut with an ellipsis) rather than letting lines wrap.
 * Cells are padded by display width, two spaces between columns. (Plain
 * padding: the widths are decided here, and cli-table3 cost ~20 ms for a
 * hundred rows of the agenda, its per-cell layout work doing nothing more.)
 */
export function renderTable(io: IO, columns: Column[], rows: string[][]): string {
  const gap = 2;
  const cells = rows.map((r) => r.map((v) => safe(v)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const budget = Math.max(20, io.columns - 1) - gap * (columns.length - 1);
  let over = widths.reduce((a, b) => a + b, 0) - budget;
  // Narrow the widest flexible column a column at a time, so long columns shrink evenly.
  while (over > 0) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (c.flex && widths[i]! > (c.min ?? 8) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]! -= 1;
    over -= 1;
  }
  const c = paint(io);
  const line = (texts: string[], shown: (text: string) => string) =>
    texts
      .map((t, i) => {
        const text = truncate(t, widths[i]!);
        return i === texts.length - 1 ? shown(text) : shown(text) + ' '.repeat(widths[i]! - displayWidth(text) + gap);
      })
      .join('')
      .trimEnd();
  return [line(columns.map((col) => col.header), (t) => c.bold(t)), ...cells.map((r) => line(r, (t) => t))].join('\n');
}

/** Rule warnings (a hint, not a refusal) go to stderr, with their rule. */
export function printWarnings(io: IO, warnings: { rule: string | null; message: string }[]): void {
  for (const w of warnings) io.err(`${paint(io).yellow(`warning${w.rule ? ` (${w.rule})` : ''}:`)} ${safe(w.message)}\n`);
}
