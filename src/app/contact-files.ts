/**
 * Files of contacts as records: the bytes decoded (UTF-8 with or without a
 * BOM, UTF-16 as Outlook writes it, else Windows-1252), the format told by
 * the content (vCard, fu's JSON export, else CSV), then parsed with csv-parse
 * or ical.js (which reads vCard 3 and 4). Loaded only by `fu import`.
 */
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { mapColumns, namesContact, recordOf, type ImportField, type SourceRecord } from '../domain/contact-import.js';
import { oneLine, usageError } from '../errors.js';

export type ContactFormat = 'csv' | 'vcard' | 'json';

export interface ContactFile {
  format: ContactFormat;
  /** Where a record is: a line of the file, or the position in a JSON list. */
  unit: 'line' | 'record';
  records: SourceRecord[];
  /** Records the parser could not read (a broken quote): where, and why. */
  broken: { line: number; reason: string }[];
  /** Columns of a CSV file that name no field. */
  unknown: string[];
}

export function decodeText(bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  // UTF-16 without a BOM: ASCII text with every other byte zero.
  if (b.length >= 4 && b[1] === 0 && b[3] === 0 && b[0] !== 0) return new TextDecoder('utf-16le').decode(b);
  if (b.length >= 4 && b[0] === 0 && b[2] === 0 && b[1] !== 0) return new TextDecoder('utf-16be').decode(b);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('windows-1252').decode(b);
  }
}

export function formatOf(text: string): ContactFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'csv';
}

export function readContactFile(text: string, mapping: ReadonlyMap<string, ImportField | null>): ContactFile {
  const clean = text.replace(/^\uFEFF/, '');
  const format = formatOf(clean);
  if (format === 'vcard') return readVcards(clean);
  if (format === 'json') return readJson(clean);
  return readCsv(clean, mapping);
}

/** How many records at the top may come before the header row (LinkedIn writes a few lines of notes first). */
const PREAMBLE_RECORDS = 20;

function readCsv(text: string, mapping: ReadonlyMap<string, ImportField | null>): ContactFile {
  // Comma first; semicolon (Excel in much of Europe) and tab when no header row names the contact with commas.
  let first: ReturnType<typeof parseCsv> | undefined;
  for (const delimiter of [',', ';', '\t']) {
    const parsed = parseCsv(text, delimiter, mapping);
    if (parsed.header >= 0) return toFile(parsed, mapping);
    first ??= parsed;
  }
  const wanted = 'a column with the name (Name, or First Name and Last Name)';
  const mapped = [...mapping.keys()];
  throw usageError(
    mapped.length
      ? `None of the mapped columns (${mapped.join(', ')}) is in the file's header, or none names the contact.`
      : `No header row found with ${wanted}.`,
    `Map your columns, for example: --map "Full Name=name,Organisation=company". The first rows read: ${first!.rows
      .slice(0, 2)
      .map((r) => r.cells.join(','))
      .join(' | ')
      .slice(0, 160)}`,
  );
}

interface ParsedCsv {
  rows: { line: number; cells: string[] }[];
  broken: { line: number; reason: string }[];
  header: number;
}

function parseCsv(text: string, delimiter: string, mapping: ReadonlyMap<string, ImportField | null>): ParsedCsv {
  const broken: { line: number; reason: string }[] = [];
  const rows: { line: number; cells: string[] }[] = [];
  let lastLine = 0;
  parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (cells: string[], context) => {
      // A record ends on context.lines; the line breaks inside its values say where it started.
      let breaks = 0;
      for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks++;
      rows.push({ line: context.lines - breaks, cells });
      lastLine = context.lines;
      return null;
    },
    on_skip: (err) => {
      if (!err) return;
      const unclosed = err.code === 'CSV_QUOTE_NOT_CLOSED';
      broken.push({
        line: unclosed ? lastLine + 1 : Number(err.lines ?? lastLine + 1),
        reason: unclosed ? 'a quote is opened and never closed' : 'a quote in the middle of a value',
      });
    },
  });
  const header = rows.slice(0, PREAMBLE_RECORDS).findIndex((r) => namesContact(mapColumns(r.cells, mapping)));
  return { rows, broken, header };
}

function toFile(parsed: ParsedCsv, mapping: ReadonlyMap<string, ImportField | null>): ContactFile {
  const headerRow = parsed.rows[parsed.header]!;
  const columns = mapColumns(headerRow.cells, mapping);
  const present = new Set(headerRow.cells.map((h) => h.trim().toLowerCase()));
  const missing = [...mapping.keys()].filter((h) => !present.has(h.trim().toLowerCase()));
  if (missing.length) throw usageError(`No column is named ${missing.map((h) => `"${h}"`).join(', ')}.`, `The columns are: ${headerRow.cells.join(', ')}.`);
  return {
    format: 'csv',
    unit: 'line',
    records: parsed.rows.slice(parsed.header + 1).map((r) => recordOf(r.line, r.cells, columns.fields)),
    broken: parsed.broken.filter((b) => b.line > headerRow.line),
    unknown: columns.unknown,
  };
}

// ---- vCard ----------------------------------------------------------------------------

/** The text values of a property, joined (ical.js splits some text at commas). */
function textOf(card: ICAL.Component, name: string): string | undefined {
  const prop = card.getFirstProperty(name);
  if (!prop) return undefined;
  const values = prop.getValues().map((v) => (Array.isArray(v) ? v.filter(Boolean).join(' ') : String(v)));
  const text = values.join(',').trim();
  return text || undefined;
}

function readVcards(text: string): ContactFile {
  const lines = text.split(/\r\n|\n|\r/);
  const records: SourceRecord[] = [];
  const broken: { line: number; reason: string }[] = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^BEGIN:VCARD\s*$/i.test(lines[i]!)) start = i;
    if (start < 0 || !/^END:VCARD\s*$/i.test(lines[i]!)) continue;
    const line = start + 1;
    try {
      const card = new ICAL.Component(ICAL.parse(lines.slice(start, i + 1).join('\r\n')) as unknown[]);
      const n = card.getFirstPropertyValue('n') as string[] | string | null;
      const [family, given, middle] = Array.isArray(n) ? n : [];
      const org = card.getFirstPropertyValue('org') as string[] | string | null;
      const categories = card.getFirstProperty('categories')?.getValues().join(';');
      records.push({
        line,
        fields: {
          name: textOf(card, 'fn'),
          firstName: given || undefined,
          middleName: middle || undefined,
          lastName: family || undefined,
          company: (Array.isArray(org) ? org[0] : org) || undefined,
          email: textOf(card, 'email'),
          phone: textOf(card, 'tel')?.replace(/^tel:/i, ''),
          note: textOf(card, 'note'),
          tags: categories || undefined,
        },
      });
    } catch (err) {
      broken.push({ line, reason: `not a readable vCard (${oneLine((err as Error).message)})` });
    }
    start = -1;
  }
  if (start >= 0) broken.push({ line: start + 1, reason: 'a vCard that never ends (no END:VCARD)' });
  return { format: 'vcard', unit: 'line', records, broken, unknown: [] };
}

// ---- fu's own JSON export ---------------------------------------------------------------

const JSON_FIELDS: readonly ImportField[] = ['name', 'firstName', 'middleName', 'lastName', 'company', 'email', 'phone', 'note', 'source'];

/** fu's JSON export (its `contacts`), or a plain list of contacts with fu's field names. */
function readJson(text: string): ContactFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw usageError(`The file is not valid JSON: ${oneLine((err as Error).message)}.`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { contacts?: unknown }).contacts;
  if (!Array.isArray(list)) throw usageError('The JSON file holds no list of contacts (a "contacts" list, or a list at the top).');
  const records: SourceRecord[] = [];
  const broken: { line: number; reason: string }[] = [];
  list.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      broken.push({ line: i + 1, reason: 'not a contact (an object with a name)' });
      return;
    }
    const o = item as Record<string, unknown>;
    const fields: SourceRecord['fields'] = {};
    for (const f of JSON_FIELDS) if (typeof o[f] === 'string' && o[f]) fields[f] = o[f] as string;
    if (Array.isArray(o.tags)) fields.tags = o.tags.filter((t) => typeof t === 'string').join(';');
    records.push({ line: i + 1, fields });
  });
  return { format: 'json', unit: 'record', records, broken, unknown: [] };
}
