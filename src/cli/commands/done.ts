import type { Command } from 'commander';
import { closeCommitment } from '../close-commitment.js';
import { withExamples, type App } from '../program.js';

export function register(program: Command, app: App): void {
  const cmd = program
    .command('done')
    .summary('mark a promise or next step as kept')
    .description('Mark a commitment (a promise, or a next step) as kept. After its due time it is recorded as kept late.')
    .argument('<id>', 'commitment id, as shown by fu today and fu show')
    .action((id: string, _opts: object, command: Command) => closeCommitment(id, 'kept', app.deps(command)));
  withExamples(cmd, ['fu done 12']);
}
