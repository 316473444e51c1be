import type { Command } from 'commander';
import path from 'node:path';
import { restoreBackup } from '../../app/backup.js';
import { usageError } from '../../errors.js';
import type { Deps } from '../io.js';
import { requiredText } from '../input.js';
import { safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { countsOf } from './backup.js';

export interface RestoreOptions {
  path: string;
  yes?: boolean;
}

/**
 * `fu restore PATH`: replaces the database with a backup, after checking a
 * copy of it (integrity, a fu database, not from a newer fu; an older one is
 * upgraded). Asks first on a terminal; --yes otherwise. The swap is one write
 * transaction; a damaged database is kept beside as FILE.damaged-TIME instead.
 */
export async function runRestore(opts: RestoreOptions, deps: Deps): Promise<void> {
  const source = path.resolve(requiredText('PATH', opts.path, Infinity));
  if (!opts.yes && !deps.prompter.enabled) {
    throw usageError('fu restore replaces the whole database: add --yes to confirm when not interactive.', `For example: fu restore ${safe(opts.path)} --yes`);
  }
  const files = await deps.files();
  const live = files.path;
  const restored = await restoreBackup(files, source, deps.now, async (info) => {
    if (opts.yes) return true;
    const question = `Replace the database ${safe(live)} with the backup ${safe(source)} (${countsOf(info)})? Anything logged since that backup is lost.`;
    return deps.prompter.confirm(question, false);
  });
  if (!restored.ok) {
    if (restored.reason === 'is-database') throw usageError(`${source} is the database itself: give a backup file.`);
    deps.io.err('Nothing was changed.\n');
    return;
  }
  const lines = [`Restored ${countsOf(restored.info)} from ${safe(source)} into ${safe(live)}.`];
  if (restored.keptAs) lines.push(`The damaged database was kept as ${safe(restored.keptAs)}.`);
  deps.io.out(lines.join('\n') + '\n');
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('restore')
    .summary('replace the database with a backup')
    .description(
      'Replace the database with a backup made by fu backup, after checking it (integrity, a fu database, not from a newer fu; an older one is upgraded). ' +
        'Asks first on a terminal; give --yes in scripts. A damaged database is kept beside as FILE.damaged-TIME.',
    )
    .argument('<path>', 'the backup file')
    .option('--yes', 'do not ask: replace the database')
    .action((file: string, opts: { yes?: boolean }, command: Command) => runRestore({ path: file, yes: opts.yes }, app.deps(command)));
  withExamples(cmd, ['fu restore ~/backups/fu-2026-11-23.db', 'fu restore fu-latest.db --yes']);
}
