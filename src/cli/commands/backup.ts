import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { backup } from '../../app/backup.js';
import type { CopyInfo, DatabaseFile } from '../../app/ports.js';
import { plural } from '../../domain/text.js';
import { TargetExistsError, usageError } from '../../errors.js';
import { databaseFileWords } from '../messages.js';
import type { Deps } from '../io.js';
import { requiredText } from '../input.js';
import { safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';

export interface BackupOptions {
  path: string;
  yes?: boolean;
}

/** "12 contacts and 140 touches": what a backup holds. */
export const countsOf = (info: CopyInfo) => `${plural(info.contacts, 'contact')} and ${plural(info.touches, 'touch', 'touches')}`;

/** The refusal to overwrite a file without --yes, from the command's check and from the race at the final rename. */
const backupExists = (target: string) =>
  usageError(`${target} already exists: fu backup replaces a file only with --yes.`, 'Give a new file name, or add --yes to replace it.');

/**
 * `fu backup PATH`: a consistent copy made with SQLite's online backup, safe
 * while other fu processes write. The file is private (0600; a missing folder
 * is created 0700) and appears only once complete and checked. An existing
 * file is replaced only with --yes (or a yes at the prompt).
 */
export async function runBackup(opts: BackupOptions, deps: Deps): Promise<void> {
  const target = path.resolve(requiredText('PATH', opts.path, Infinity));
  const files = await deps.files();
  const isDatabase = (own: DatabaseFile) => usageError(`${target} is ${databaseFileWords(own)}: give the backup another file name.`);
  // Checked before "already exists": a backup over the -wal would replace the live log of every open fu.
  const own = files.databaseFileAt(target);
  if (own !== null) throw isDatabase(own);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch {
    existing = undefined; // missing, or not reachable: writing it will say which (exit 5)
  }
  if (existing?.isDirectory()) throw usageError(`${target} is a folder: give the backup a file name, such as ${path.join(target, 'fu-backup.db')}.`);
  if (existing && !opts.yes) {
    if (!deps.prompter.enabled) throw backupExists(target);
    if (!(await deps.prompter.confirm(`Replace the existing file ${safe(target)}?`, false))) {
      deps.io.err('Nothing was written.\n');
      return;
    }
  }
  const result = await backup(files, target, existing !== undefined).catch((err: unknown) => {
    throw err instanceof TargetExistsError ? backupExists(target) : err;
  });
  if (!result.ok) throw isDatabase(result.file);
  deps.io.out(`Backed up ${countsOf(result.info)} to ${safe(target)}.\n`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('backup')
    .summary('write a consistent copy of the database')
    .description(
      "Write a consistent copy of the database to PATH with SQLite's online backup, even while other fu commands write. " +
        'The copy is private (0600) and checked before it gets its name. An existing file is replaced only with --yes.',
    )
    .argument('<path>', 'the backup file to write')
    .option('--yes', 'replace PATH if it already exists')
    .action((file: string, opts: { yes?: boolean }, command: Command) => runBackup({ path: file, yes: opts.yes }, app.deps(command)));
  withExamples(cmd, ['fu backup ~/backups/fu-2026-11-23.db', 'fu backup fu-latest.db --yes']);
}
