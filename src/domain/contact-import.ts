/**
 * Contacts coming from another tool (a CRM's CSV export, a phone's vCards, fu's
 * own JSON export): which column is which field, which rows are good, which
 * match a contact already known or an earlier row of the same file. Pure: the
 * files are parsed elsewhere, the existing contacts are passed in.
 */
import { isEmailAddress, TEXT_LIMITS } from './text.js';
import { textKey } from '../text-key.js';
import type { ContactFields } from './types.js';

/** What a column can hold. First, middle and last names are joined into the name. */
export const IMPORT_FIELDS = ['name', 'firstName', 'middleName', 'lastName', 'company', 'email', 'phone', 'tags', 'note', 'source'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One record of the file: the line it starts on and its values by field. */
export interface SourceRecord {
  line: number;
  fields: Partial<Record<ImportField, string>>;
}

export interface ImportedContact extends ContactFields {
  tags: string[];
}

/** Lower case, letters only: "E-mail 1 - Value" and "email value" read alike. */
const normal = (header: string) => header.toLowerCase().replace(/[^\p{L}]+/gu, '');

/**
 * Column headers as HubSpot, Pipedrive, Salesforce (report and Data Loader),
 * Google Contacts, Outlook and LinkedIn write them, normalised, plus fu's own
 * field names. Prefixes and suffixes that only say which kind (Pipedrive's
 * "Person - Email - Work", Google's "E-mail 1 - Value") are stripped below.
 */
// Looked up by a file's headers: a null-prototype object, so a column named `constructor` is no field.
const ALIASES: Readonly<Record<string, ImportField>> = Object.assign(Object.create(null) as Record<string, ImportField>, {
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  contactname: 'name',
  firstname: 'firstName',
  givenname: 'firstName',
  middlename: 'middleName',
  additionalname: 'middleName',
  lastname: 'lastName',
  familyname: 'lastName',
  surname: 'lastName',
  company: 'company',
  companyname: 'company',
  organization: 'company',
  organisation: 'company',
  organizationname: 'company',
  organisationname: 'company',
  account: 'company',
  accountname: 'company',
  email: 'email',
  mail: 'email',
  phone: 'phone',
  phonenumber: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  mobilephone: 'phone',
  businessphone: 'phone',
  homephone: 'phone',
  tags: 'tags',
  tag: 'tags',
  labels: 'tags',
  label: 'tags',
  categories: 'tags',
  groupmembership: 'tags',
  note: 'note',
  notes: 'note',
  description: 'note',
  source: 'source',
  leadsource: 'source',
  originalsource: 'source',
  contactsource: 'source',
});

const PREFIXES = /^(person|contact|lead|primary|work|business|home)/;
const SUFFIXES = /(value|address|work|home|other|mobile|primary|main)$/;

/** The field a header names, or null. */
export function fieldOfHeader(header: string): ImportField | null {
  const key = normal(header);
  const bare = key.replace(PREFIXES, '');
  for (const k of [key, bare, key.replace(SUFFIXES, ''), bare.replace(SUFFIXES, '')]) {
    const field = ALIASES[k];
    if (field) return field;
  }
  return null;
}

/** A field named by the user ("email", "first name", "ignore"): a field, null to ignore the column, undefined when unknown. */
export function fieldNamed(text: string): ImportField | null | undefined {
  const key = normal(text);
  if (key === 'ignore' || key === 'skip' || text.trim() === '-') return null;
  return IMPORT_FIELDS.find((f) => f.toLowerCase() === key) ?? ALIASES[key];
}

export interface ColumnMap {
  /** The field of each column, null for a column not imported. */
  fields: (ImportField | null)[];
  /** Headers that name no field and were not mapped: listed to the user, not silently dropped. */
  unknown: string[];
}

/**
 * The field of each column: the user's own mapping first (header = field),
 * then the headers fu recognises. `mapping` keys are matched ignoring case.
 */
export function mapColumns(headers: readonly string[], mapping: ReadonlyMap<string, ImportField | null>): ColumnMap {
  const chosen = new Map([...mapping].map(([h, f]) => [h.trim().toLowerCase(), f]));
  const fields = headers.map((h) => {
    const key = h.trim().toLowerCase();
    return chosen.has(key) ? chosen.get(key)! : fieldOfHeader(h);
  });
  const unknown = headers.filter((h, i) => fields[i] === null && !chosen.has(h.trim().toLowerCase()) && h.trim() !== '');
  return { fields, unknown };
}

/** Whether a header row names the contact: a name, or first/last name columns. */
export const namesContact = (map: ColumnMap) => map.fields.some((f) => f === 'name' || f === 'firstName' || f === 'lastName');

/** A record's values by field: the first non-empty cell of each field's columns, in column order. */
export function recordOf(line: number, cells: readonly string[], fields: readonly (ImportField | null)[]): SourceRecord {
  const values: Partial<Record<ImportField, string>> = {};
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const cell = cells[i];
    if (!field || cell === undefined || values[field] !== undefined) continue;
    const text = cell.trim();
    if (text) values[field] = text;
  }
  return { line, fields: values };
}

/** Google Contacts joins several values of a cell with " ::: ". */
const firstOf = (text: string | undefined) => {
  const first = text?.split(' ::: ')[0]?.trim();
  return first ? first : null;
};

/**
 * Tags of a tags/labels/categories cell: separated by `;`, `,` or Google's
 * ` ::: `; Google's system groups ("* myContacts", "* starred") are not tags.
 */
export function tagsOf(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\s*(?::::|;|,)\s*/)
    .map((t) => t.trim())
    .filter((t) => t && !t.startsWith('*'));
}

export type RowCheck = { ok: true; line: number; contact: ImportedContact } | { ok: false; line: number; reason: string };

/** The first field longer than the same field typed on the command line may be (TEXT_LIMITS), as a reason; null when none is. */
function overLimit(c: ImportedContact): string | null {
  const fields: [string, string | null, number][] = [
    ['the name', c.name, TEXT_LIMITS.line],
    ['the company', c.company, TEXT_LIMITS.line],
    ['the email', c.email, TEXT_LIMITS.line],
    ['the phone', c.phone, TEXT_LIMITS.line],
    ['the source', c.source, TEXT_LIMITS.line],
    ['the note', c.note, TEXT_LIMITS.free],
    ...c.tags.map((t): [string, string, number] => ['a tag', t, TEXT_LIMITS.line]),
  ];
  for (const [what, text, limit] of fields) {
    // Counted in characters only when the UTF-16 length is over: most fields are short.
    if (text === null || text.length <= limit) continue;
    const length = [...text].length;
    if (length > limit) return `${what} is too long (${length} characters): at most ${limit}`;
  }
  return null;
}

/** A record as a contact, or why it cannot be one. */
export function checkRecord(record: SourceRecord): RowCheck {
  const f = record.fields;
  const joined = [f.firstName, f.middleName, f.lastName].filter(Boolean).join(' ');
  const name = (f.name ?? joined).trim();
  if (!name) return { ok: false, line: record.line, reason: 'no name' };
  const email = firstOf(f.email);
  if (email !== null && !isEmailAddress(email)) return { ok: false, line: record.line, reason: `"${email}" is not an email address` };
  const contact: ImportedContact = {
    name,
    company: f.company ?? null,
    email,
    phone: firstOf(f.phone),
    source: f.source ?? null,
    note: f.note ?? null,
    tags: tagsOf(f.tags),
  };
  const tooLong = overLimit(contact);
  if (tooLong) return { ok: false, line: record.line, reason: tooLong };
  return { ok: true, line: record.line, contact };
}

/** A contact already known, as far as matching and filling its empty fields go. */
export interface KnownContact extends ContactFields {
  id: number;
  tags: readonly string[];
}

export type FillableField = 'company' | 'email' | 'phone' | 'source' | 'note';
const FILLABLE: readonly FillableField[] = ['company', 'email', 'phone', 'source', 'note'];

export interface ImportPlan {
  add: { line: number; contact: ImportedContact }[];
  /** Existing contacts whose empty fields the file fills (or that gain tags). */
  update: { line: number; id: number; name: string; fields: Partial<Record<FillableField, string>>; tags: string[] }[];
  /** Rows matching an existing contact left as it is: asked to skip them, or nothing to add. */
  skip: { line: number; id: number; name: string; reason: 'existing' | 'nothing new' }[];
  /** Rows that repeat an earlier row of the same file (same email, else same name and company). */
  repeated: { line: number; sameAs: number; name: string }[];
  bad: { line: number; reason: string }[];
}

export interface ImportOptions {
  skipExisting: boolean;
  /** Tags every imported (added or updated) contact gets. */
  tags: readonly string[];
}

const nameKey = (name: string, company: string | null) => `${textKey(name)}\u0000${textKey(company ?? '')}`;

/**
 * Who each row is. A duplicate has the same email, else the same name and
 * company when at most one of the two has an email (two different emails are
 * two people). A match fills the contact's empty fields, unless existing
 * contacts are to be skipped; a row repeating an earlier row is reported and
 * left out.
 */
export function planImport(rows: readonly RowCheck[], known: readonly KnownContact[], options: ImportOptions): ImportPlan {
  const byEmail = new Map<string, KnownContact>();
  const byName = new Map<string, KnownContact[]>();
  for (const k of known) {
    if (k.email) byEmail.set(textKey(k.email), k);
    const key = nameKey(k.name, k.company);
    const list = byName.get(key);
    if (list) list.push(k);
    else byName.set(key, [k]);
  }
  const seenEmail = new Map<string, number>();
  const seenName = new Map<string, { line: number; email: string | null }[]>();
  const plan: ImportPlan = { add: [], update: [], skip: [], repeated: [], bad: [] };

  for (const row of rows) {
    if (!row.ok) {
      plan.bad.push({ line: row.line, reason: row.reason });
      continue;
    }
    const c = row.contact;
    const email = c.email === null ? null : textKey(c.email);
    const key = nameKey(c.name, c.company);
    const earlier = (email !== null ? seenEmail.get(email) : undefined) ?? seenName.get(key)?.find((s) => s.email === null || email === null)?.line;
    if (earlier !== undefined) {
      plan.repeated.push({ line: row.line, sameAs: earlier, name: c.name });
      continue;
    }
    if (email !== null) seenEmail.set(email, row.line);
    const seen = seenName.get(key);
    if (seen) seen.push({ line: row.line, email });
    else seenName.set(key, [{ line: row.line, email }]);

    const match = (email !== null ? byEmail.get(email) : undefined) ?? byName.get(key)?.find((k) => k.email === null || email === null);
    const tags = [...new Set([...c.tags, ...options.tags])];
    if (!match) {
      plan.add.push({ line: row.line, contact: { ...c, tags } });
      continue;
    }
    if (options.skipExisting) {
      plan.skip.push({ line: row.line, id: match.id, name: match.name, reason: 'existing' });
      continue;
    }
    const fields: Partial<Record<FillableField, string>> = {};
    for (const f of FILLABLE) {
      const value = c[f];
      if (match[f] === null && value !== null) fields[f] = value;
    }
    const newTags = tags.filter((t) => !match.tags.includes(t));
    if (Object.keys(fields).length === 0 && newTags.length === 0) plan.skip.push({ line: row.line, id: match.id, name: match.name, reason: 'nothing new' });
    else plan.update.push({ line: row.line, id: match.id, name: match.name, fields, tags: newTags });
  }
  return plan;
}
