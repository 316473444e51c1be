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

type Style = (text: string) => string;
/** The styles fu paints with. */
export interface Paint {
  bold: Style;
  dim: Style;
  yellow: Style;
  red: Style & { bold: Style };
}

const asIs: Style = (text) => text;
/** Without colour every style leaves the text as it is: chalk, which takes ~0.7 ms to load, is not needed. */
const plain: Paint = { bold: asIs, dim: asIs, yellow: asIs, red: Object.assign((text: string) => text, { bold: asIs }) };
let colours: ChalkInstance | undefined;

/** Colour is the IO's own decision (NO_COLOR, TERM=dumb, --no-color, a terminal): chalk's styles at level 1, or none. */
export function paint(io: Pick<IO, 'color'>): Paint {
  if (!io.color) return plain;
  colours ??= new Chalk({ level: 1 });
  return colours;
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

/** Piped output says on stderr what `--limit` left out, so the pipe reads clean rows. */
export function tellHidden(io: IO, more: number, command: string): void {
  if (more > 0) io.err(`and ${more} more (${command})\n`);
}

/** What tsvField escapes: a backslash, or a character of UNSAFE_CHAR. One test: almost no value has any. */
const TSV_ESCAPED = new RegExp(`[\\\\${UNSAFE_CHAR.source.slice(1)}`);

/**
 * A value in a tab-separated row: the backslash doubled first, then escaped as
 * safe() does (`\t`, `\n`, `\x1b`), so each escape reads back one way: a typed
 * backslash-n is `\\n`, a newline `\n`.
 */
export const tsvField = (text: string): string => (TSV_ESCAPED.test(text) ? safe(text.replaceAll('\\', '\\\\')) : text);

/** Tab-separated rows for pipes: one record a line, backslashes, tabs, newlines and control characters in values escaped (tsvField). */
export function printTsv(io: IO, rows: (string | number | null | undefined)[][]): void {
  // One string built in place: thousands of rows at 100k contacts, and no array per row to collect.
  let out = '';
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      out += `${i === 0 ? '' : '\t'}${typeof v === 'string' ? tsvField(v) : v === null || v === undefined ? '' : v}`;
    }
    out += '\n';
  }
  io.out(out);
}

/**
 * Text that is one column a character and one grapheme a character: printable
 * ASCII and Latin up to U+02FF, less the soft hyphen (invisible). Most names and
 * notes: measured by their length.
 */
const NARROW_SIMPLE = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff]*$/;

/** Columns a terminal gives a text. */
export type Measure = (text: string) => number;

let unicodeWidth: Measure | undefined;

/**
 * How to measure `texts` in terminal columns: by length when all are simple,
 * else by string-width (wide East Asian characters and emoji 2 columns,
 * combining marks and joiners 0). string-width builds its Unicode tables (an
 * emoji regex, a grapheme segmenter) when it loads, tens of ms: so it is loaded
 * only for text that needs it, once.
 */
export async function measureFor(texts: Iterable<string>): Promise<Measure> {
  for (const text of texts) {
    if (NARROW_SIMPLE.test(text)) continue;
    unicodeWidth ??= (await import('string-width')).default;
    const width = unicodeWidth;
    return (t) => (NARROW_SIMPLE.test(t) ? t.length : width(t));
  }
  return (t) => t.length;
}

let graphemes: Intl.Segmenter | undefined;

/**
 * Cuts text to `width` columns as `measure` counts them, ending in an ellipsis
 * when cut. Whole graphemes only: an emoji sequence (👩🏽‍💻), a letter and its
 * accents stay together or go together.
 */
export function truncate(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const room = width - 1;
  let end = 0;
  if (NARROW_SIMPLE.test(text)) end = Math.max(0, room);
  else {
    graphemes ??= new Intl.Segmenter();
    let w = 0;
    for (const { segment, index } of graphemes.segment(text)) {
      w += measure(segment);
      if (w > room) break;
      end = index + segment.length;
    }
  }
  return `${text.slice(0, end)}…`;
}

const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Wraps a line at spaces to `width` columns (colour codes take none), the
 * lines after the first indented by `indent` spaces; a word longer than a line
 * stays whole rather than being cut. For terminals: piped text is not wrapped.
 */
export function wrapWords(line: string, width: number, indent: number, measure: Measure): string {
  const columns = (t: string) => measure(t.replace(SGR, ''));
  if (columns(line) <= width) return line;
  const lead = /^ */.exec(line)![0];
  const out: string[] = [];
  let current = lead;
  // Each word keeps the spaces after it, so spacing inside a line (a column gap) survives.
  for (const token of line.slice(lead.length).split(/(?<= )(?=\S)/)) {
    if (current.trim() !== '' && columns(current) + columns(token.trimEnd()) > width) {
      out.push(current.trimEnd());
      current = ' '.repeat(indent);
    }
    current += token;
  }
  out.push(current.trimEnd());
  return out.join('\n');
}

export interface Column {
  header: string;
  /** Columns that may shrink to fit the terminal; the rest keep their width. */
  flex?: boolean;
  /** Never narrower than this when shrinking. */
  min?: number;
  /** Left out, rather than every flexible column cut, when the table does not fit. */
  optional?: boolean;
}

/**
 * A borderless table that always fits `io.columns`: flexible columns are
 * shrunk (and their cells cut with an ellipsis) rather than letting lines wrap.
 * Cells are padded by display width, two spaces between columns. (Plain
 * padding: the widths are decided here, and cli-table3 cost ~20 ms for a
 * hundred rows of the agenda, its per-cell layout work doing nothing more.)
 */
export async function renderTable(io: IO, allColumns: Column[], allRows: string[][]): Promise<string> {
  const gap = 2;
  const allCells = allRows.map((r) => r.map((v) => safe(v)));
  const displayWidth = await measureFor([...allColumns.map((c) => c.header), ...allCells.flat()]);
  const natural = allColumns.map((c, i) => Math.max(displayWidth(c.header), ...allCells.map((r) => displayWidth(r[i] ?? ''))));
  const room = Math.max(20, io.columns - 1);
  const fits = (kept: number[]) => kept.reduce((a, i) => a + natural[i]!, 0) + gap * (kept.length - 1) <= room;
  // The optional columns go first, the last one first, before any column is cut.
  let kept = allColumns.map((_, i) => i);
  for (let i = allColumns.length - 1; i >= 0 && !fits(kept); i--) if (allColumns[i]!.optional) kept = kept.filter((k) => k !== i);
  const columns = kept.map((i) => allColumns[i]!);
  const cells = allCells.map((r) => kept.map((i) => r[i] ?? ''));
  const headers = columns.map((c) => c.header);
  const widths = kept.map((i) => natural[i]!);
  const budget = room - gap * (columns.length - 1);
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
        const text = truncate(t, widths[i]!, displayWidth);
        return i === texts.length - 1 ? shown(text) : shown(text) + ' '.repeat(widths[i]! - displayWidth(text) + gap);
      })
      .join('')
      .trimEnd();
  return [line(headers, (t) => c.bold(t)), ...cells.map((r) => line(r, (t) => t))].join('\n');
}

/** Rule warnings (a hint, not a refusal) go to stderr, with their rule. */
export function printWarnings(io: IO, warnings: { rule: string | null; message: string }[]): void {
  for (const w of warnings) io.err(`${paint(io).yellow(`warning${w.rule ? ` (${w.rule})` : ''}:`)} ${safe(w.message)}\n`);
}
