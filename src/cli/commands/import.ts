import fs from 'node:fs';
import type { Command } from 'commander';
import { fieldNamed, IMPORT_FIELDS, type ImportField } from '../../domain/contact-import.js';
import { plural } from '../../domain/text.js';
import { usageError } from '../../errors.js';
import { importContacts, type ImportResult } from '../../app/import-contacts.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { collect, requiredText } from '../input.js';
import { printJson, safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';

export interface ImportOptions {
  file: string;
  dryRun?: boolean;
  skipBad?: boolean;
  skipExisting?: boolean;
  map: string[];
  tag: string[];
  json?: boolean;
}

/** `--map "E-mail Address=email,Organisation=company"` (repeatable): header = field, `-` to leave a column out. */
export function mappingOf(specs: readonly string[]): Map<string, ImportField | null> {
  const mapping = new Map<string, ImportField | null>();
  for (const pair of specs.flatMap((s) => s.split(','))) {
    if (!pair.trim()) continue;
    const at = pair.lastIndexOf('=');
    const header = pair.slice(0, at).trim();
    const field = at > 0 ? fieldNamed(pair.slice(at + 1)) : undefined;
    if (!header || field === undefined) {
      throw usageError(`--map "${pair.trim()}" is not HEADER=FIELD.`, `The fields: ${IMPORT_FIELDS.join(', ')}, or - to leave a column out.`);
    }
    mapping.set(header, field);
  }
  return mapping;
}

/** Files this big show a progress line on a terminal. */
const PROGRESS_FROM = 5000;

export async function runImport(opts: ImportOptions, deps: Deps): Promise<ImportResult> {
  const mapping = mappingOf(opts.map);
  const tags = opts.tag.map((t) => requiredText('--tag', t));
  let content: Uint8Array | string;
  if (opts.file === '-') content = await deps.io.stdin();
  else {
    try {
      content = fs.readFileSync(opts.file);
    } catch (err) {
      throw usageError(`Cannot read ${opts.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
  }
  const { io } = deps;
  let shown = false;
  const progress = io.stdoutIsTTY
    ? (done: number, total: number) => {
        if (total < PROGRESS_FROM) return;
        shown = true;
        io.err(`\rImporting: ${done} of ${total} contacts`);
      }
    : undefined;
  const result = importContacts(appContext(deps), {
    content,
    mapping,
    tags,
    dryRun: Boolean(opts.dryRun),
    skipBad: Boolean(opts.skipBad),
    skipExisting: Boolean(opts.skipExisting),
    progress,
  });
  if (shown) io.err('\r\u001b[K');
  render(result, opts, deps);
  if (result.stoppedByBadRows) {
    throw usageError(
      `${plural(result.bad.length, 'bad row')}: ${opts.dryRun ? 'the import would stop' : 'nothing imported'}.`,
      'Fix them in the file, or import the rest with --skip-bad.',
    );
  }
  return result;
}

const where = (r: ImportResult, line: number) => `${r.unit} ${line}`;
const SHOWN = 20;

function render(r: ImportResult, opts: ImportOptions, deps: Deps): void {
  const { io } = deps;
  if (opts.json) {
    printJson(io, {
      format: r.format,
      dryRun: Boolean(opts.dryRun),
      applied: r.applied,
      counts: { added: r.add.length, updated: r.update.length, skipped: r.skip.length, repeated: r.repeated.length, bad: r.bad.length },
      unknownColumns: r.unknownColumns,
      added: r.add.map((a, i) => ({ [r.unit]: a.line, id: r.addedIds[i] ?? null, name: a.contact.name, company: a.contact.company, email: a.contact.email })),
      updated: r.update.map((u) => ({ [r.unit]: u.line, id: u.id, name: u.name, fields: u.fields, tags: u.tags })),
      skipped: r.skip.map((s) => ({ [r.unit]: s.line, id: s.id, name: s.name, reason: s.reason })),
      repeated: r.repeated.map((s) => ({ [r.unit]: s.line, sameAs: s.sameAs, name: s.name })),
      bad: r.bad.map((b) => ({ [r.unit]: b.line, reason: b.reason })),
    });
    return;
  }
  const lines: string[] = [];
  const list = <T>(items: T[], show: (item: T) => string, all = false) => {
    const limit = all ? items.length : SHOWN;
    for (const item of items.slice(0, limit)) lines.push(`  ${show(item)}`);
    if (items.length > limit) lines.push(`  and ${items.length - limit} more (--json lists them all)`);
  };
  const dry = Boolean(opts.dryRun);
  const verb = (done: string, would: string) => (dry ? would : done);
  const counts = [
    `${verb('added', 'would add')} ${plural(r.add.length, 'contact')}`,
    `${verb('updated', 'would update')} ${r.update.length}`,
    `${verb('skipped', 'would skip')} ${r.skip.length}`,
    `${r.repeated.length} repeated in the file`,
    `${plural(r.bad.length, 'bad row')}`,
  ];
  lines.push(
    `${r.format === 'csv' ? 'CSV' : r.format === 'vcard' ? 'vCard' : 'JSON'}: ${counts.join(', ')}${r.stoppedByBadRows ? (dry ? ' (the import would stop on the bad rows)' : ' (stopped: nothing written)') : ''}.`,
  );
  const who = (name: string, company: string | null) => `${safe(name)}${company ? ` (${safe(company)})` : ''}`;
  if (dry && r.add.length) {
    lines.push('Add:');
    list(
      r.add,
      (a) => `${where(r, a.line)}: ${who(a.contact.name, a.contact.company)}${a.contact.email ? ` <${safe(a.contact.email)}>` : ''}`,
      !io.stdoutIsTTY,
    );
  }
  if (r.update.length) {
    lines.push(verb('Updated (empty fields filled):', 'Update (empty fields filled):'));
    list(
      r.update,
      (u) => `${where(r, u.line)}: #${u.id} ${safe(u.name)}: ${[...Object.keys(u.fields), ...u.tags.map((t) => `tag ${safe(t)}`)].join(', ')}`,
      dry,
    );
  }
  if (r.skip.length) {
    lines.push(verb('Skipped:', 'Skip:'));
    list(r.skip, (s) => `${where(r, s.line)}: #${s.id} ${safe(s.name)} (${s.reason === 'existing' ? 'already known' : 'nothing new'})`, dry);
  }
  if (r.repeated.length) {
    lines.push('Repeated in the file (left out):');
    list(r.repeated, (s) => `${where(r, s.line)}: ${safe(s.name)}, as ${where(r, s.sameAs)}`);
  }
  if (r.bad.length) {
    lines.push(r.stoppedByBadRows || dry ? 'Bad rows:' : 'Bad rows (left out):');
    list(r.bad, (b) => `${where(r, b.line)}: ${safe(b.reason)}`);
  }
  if (r.unknownColumns.length) lines.push(`Columns not imported: ${r.unknownColumns.map(safe).join(', ')} (map one with --map "HEADER=FIELD").`);
  io.out(lines.join('\n') + '\n');
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('import')
    .summary('import contacts from a CSV, vCard or fu JSON file')
    .description(
      "Import contacts from a CSV export (HubSpot, Pipedrive, Salesforce, Google Contacts, Outlook, LinkedIn, or fu's own field names), " +
        "vCard 3 or 4 (a phone's contacts), or fu's JSON export: told apart by content; - reads standard input. " +
        'A contact already known (same email, else same name and company) gets its empty fields filled. ' +
        'All or nothing: a bad row stops the import unless --skip-bad.',
    )
    .argument('<file>', 'the file, or - for standard input')
    .option('--dry-run', 'show what would be added, updated and skipped; change nothing')
    .option('--skip-bad', 'import the good rows and report the bad ones')
    .option('--skip-existing', 'leave contacts already known as they are')
    .option(
      '--map <header=field>',
      `columns fu does not recognise: "E-mail Address=email,Organisation=company" (fields: ${IMPORT_FIELDS.join(', ')}; - leaves one out)`,
      collect,
      [],
    )
    .option('--tag <tag>', 'a tag for every imported contact (repeat for several)', collect, [])
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: Omit<ImportOptions, 'file'>, command: Command) => {
      await runImport({ ...opts, file }, app.deps(command));
    });
  withExamples(cmd, [
    'fu import hubspot-contacts.csv --dry-run',
    'fu import Connections.csv --tag linkedin',
    'fu import contacts.vcf --skip-existing',
    'fu import leads.csv --map "E-mail Address=email,Organisation=company" --skip-bad',
  ]);
}
