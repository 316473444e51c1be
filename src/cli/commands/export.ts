import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_TABLES, exportData, type ExportRow, type ExportTable } from '../../app/export-data.js';
import { neutraliseCell } from '../../domain/spreadsheet.js';
import { usageError } from '../../errors.js';
import type { Deps } from '../io.js';
import { jsonText, printJson } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { writeOut, writeWhole } from '../write-file.js';

export interface ExportOptions {
  format: 'csv' | 'json';
  what: ExportTable | 'all';
  out?: string;
  json?: boolean;
}

/** A CSV cell: lists joined with "; ", booleans as true/false, text neutralised against formula injection. */
function cell(value: ExportRow[string]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return neutraliseCell(value.join('; '));
  if (typeof value === 'string') return neutraliseCell(value);
  return String(value);
}

/** One table as CSV with a header row (an empty table, an empty file). A commitment's history stays in JSON: its `moves` count is here. */
export function csvOf(rows: ExportRow[]): string {
  const first = rows[0];
  if (!first) return '';
  const columns = Object.keys(first).filter((k) => k !== 'history');
  return stringify([columns, ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)))], { record_delimiter: 'unix' });
}

export interface ExportSummary {
  format: 'csv' | 'json';
  counts: Partial<Record<ExportTable, number>>;
  written: string[];
}

export async function runExport(opts: ExportOptions, deps: Deps): Promise<ExportSummary> {
  const tables = opts.what === 'all' ? EXPORT_TABLES : [opts.what];
  if (opts.json && (opts.out === undefined || opts.out === '-')) throw usageError('--json prints a summary: give the export a file with --out PATH.');
  if (opts.format === 'csv' && tables.length > 1 && (opts.out === undefined || opts.out === '-')) {
    throw usageError('CSV is one file per table: give a folder with --out DIR (contacts.csv, touches.csv and commitments.csv are written in it).');
  }
  const data = exportData({ store: deps.store(), zone: deps.zone }, tables);
  const counts = Object.fromEntries(tables.map((t) => [t, data[t]!.length]));
  const written: string[] = [];
  if (opts.format === 'json') {
    const doc = { exportedAt: new Date(deps.now).toISOString(), ...data };
    written.push(await writeOut(deps, opts.out, `${jsonText(doc)}\n`));
  } else if (tables.length === 1) {
    written.push(await writeOut(deps, opts.out, csvOf(data[tables[0]!]!)));
  } else {
    const dir = opts.out!;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw usageError(`Cannot make the folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
    for (const t of tables) {
      const file = path.join(dir, `${t}.csv`);
      await writeWhole(deps, file, csvOf(data[t]!));
      written.push(file);
    }
  }
  const summary: ExportSummary = { format: opts.format, counts, written };
  if (opts.json) printJson(deps.io, summary);
  else if (!written.includes('stdout')) deps.io.err(`Exported ${tables.map((t) => `${counts[t]} ${t}`).join(', ')} to ${written.join(', ')}.\n`);
  return summary;
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('export')
    .summary('export contacts, touches and commitments as CSV or JSON')
    .description(
      'Export every field, times in ISO-8601 with your offset. JSON: one document with a list per table. ' +
        'CSV: one file per table (--what all writes contacts.csv, touches.csv and commitments.csv in the --out folder); ' +
        "a cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading ' so it stays text.",
    )
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--what <what>', 'what to export').choices([...EXPORT_TABLES, 'all']).default('contacts'))
    .option('--out <path>', 'the file (a folder for --format csv --what all); default: stdout')
    .option('--json', 'print a summary as JSON (with --out)')
    .action(async (opts: ExportOptions, command: Command) => {
      await runExport(opts, app.deps(command));
    });
  withExamples(cmd, ['fu export > contacts.csv', 'fu export --format json --what all --out fu-backup.json', 'fu export --what all --out fu-csv/']);
}
