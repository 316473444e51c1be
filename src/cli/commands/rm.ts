/** `fu rm CONTACT`: remove a contact with its history, after asking (or with --yes); fu undo brings it back. */
import type { Command } from 'commander';
import { historySize, removeContact } from '../../app/remove-contact.js';
import { plural } from '../../domain/text.js';
import { notFoundError, usageError } from '../../errors.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { printJson, safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { resolveContact } from '../resolve-contact.js';

export interface RmOptions {
  contact: string;
  yes?: boolean;
  json?: boolean;
}

export async function runRm(opts: RmOptions, deps: Deps): Promise<void> {
  if (!opts.yes && !deps.prompter.enabled) {
    throw usageError(
      'fu rm removes the contact with its whole history: add --yes to confirm when not interactive.',
      `For example: fu rm ${safe(opts.contact)} --yes`,
    );
  }
  const ctx = appContext(deps);
  const contact = resolveContact(ctx.store, opts.contact);
  const name = `#${contact.id} ${safe(contact.name)}${contact.company ? ` (${safe(contact.company)})` : ''}`;
  if (!opts.yes) {
    const size = historySize(ctx.store, contact.id);
    const asked = await deps.prompter.confirm(
      `Remove ${name} with ${plural(size.touches, 'touch', 'touches')} and ${plural(size.commitments, 'commitment')}? (fu undo brings it back)`,
      false,
    );
    if (!asked) {
      deps.io.err('Nothing was changed.\n');
      return;
    }
  }
  const removed = removeContact(ctx, contact.id);
  if (!removed.ok) throw notFoundError(`No contact has the id #${contact.id} any more.`);
  if (opts.json) {
    printJson(deps.io, {
      removed: { id: removed.contact.id, name: removed.contact.name, company: removed.contact.company },
      touches: removed.touches,
      commitments: removed.commitments,
    });
    return;
  }
  deps.io.out(
    `Removed ${name} with ${plural(removed.touches, 'touch', 'touches')} and ${plural(removed.commitments, 'commitment')}. Take it back with: fu undo\n`,
  );
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('rm')
    .summary('remove a contact with its history')
    .description('Remove a contact with its touches and commitments. Asks first on a terminal; give --yes in scripts. fu undo brings it back.')
    .argument('<contact>', 'id (#12), email, or name/company')
    .option('--yes', 'do not ask: remove it')
    .option('--json', 'print JSON for scripts')
    .action((contact: string, opts: Omit<RmOptions, 'contact'>, command: Command) => runRm({ ...opts, contact }, app.deps(command)));
  withExamples(cmd, ['fu rm 12', 'fu rm "Priya Shah" --yes']);
}
