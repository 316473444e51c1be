import type { Command } from 'commander';
import { loadDemo } from '../../app/demo.js';
import { usageError } from '../../errors.js';
import { withExamples, type App } from '../command-kit.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';

export function runDemo(deps: Deps): void {
  const result = loadDemo(appContext(deps));
  if (!result.ok)
    throw usageError('The demo only loads into an empty database, and this one has contacts.', 'Try it on a scratch file: fu --db /tmp/fu-demo.db demo');
  deps.io.out(`Loaded ${result.contacts} demo contacts. Start with: fu today, then fu stale, fu prep dana and fu stats.\n`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('demo')
    .summary('load a small realistic sample into an empty database')
    .description(
      'Load twenty realistic contacts with their history, dated around today, so fu today, fu stale, fu prep and fu stats have something to show: ' +
        'a no-show to rebook, a deal won with its kickoff booked, a contact closed out without a touch. Refuses on a database that already has contacts.',
    )
    .action((_opts: object, command: Command) => {
      runDemo(app.deps(command));
    });
  withExamples(cmd, ['fu demo && fu today', 'fu --db /tmp/fu-demo.db demo']);
}
