import type { Command } from 'commander';
import { closeCommitment } from '../close-commitment.js';
import { withExamples, type App } from '../program.js';

export function register(program: Command, app: App): void {
  const cmd = program
    .command('cancel')
    .summary('cancel a promise or next step')
    .description('Cancel a commitment that will not happen. It stays in the history as cancelled.')
    .argument('<id>', 'commitment id, as shown by fu today and fu show')
    .action((id: string, _opts: object, command: Command) => closeCommitment(id, 'cancelled', app.deps(command)));
  withExamples(cmd, ['fu cancel 12']);
}
