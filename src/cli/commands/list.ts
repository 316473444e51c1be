import { Option, type Command } from 'commander';
import { contactList } from '../../app/reads.js';
import { plural } from '../../domain/text.js';
import { formatDue, localDateOf } from '../../domain/time.js';
import { STATUSES, type Status } from '../../domain/types.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { contactJson, dueJson } from '../json.js';
import { outputMode, printJson, printTsv, renderTable } from '../output.js';
import { withExamples, type App } from '../command-kit.js';

export interface ListOptions {
  status: Status | 'all';
  tag?: string;
  json?: boolean;
}

export async function runList(opts: ListOptions, deps: Deps): Promise<void> {
  const ctx = appContext(deps);
  const { contacts, tags, nextSteps } = contactList(ctx, { status: opts.status, tag: opts.tag ?? null });
  const { io, zone, now } = deps;
  const mode = outputMode(io, opts.json);
  if (mode === 'json') {
    printJson(
      io,
      contacts.map((c) => contactJson(c, tags.get(c.id) ?? [], nextSteps.get(c.id) ?? null, ctx)),
    );
    return;
  }
  if (mode === 'tsv') {
    printTsv(
      io,
      contacts.map((c) => {
        const next = nextSteps.get(c.id);
        const due = next ? dueJson(next.due, zone) : null;
        return [c.id, c.name, c.company, c.email, c.status, (tags.get(c.id) ?? []).join(','), due?.dueAt ?? due?.dueDate, next?.what];
      }),
    );
    return;
  }
  if (contacts.length === 0) {
    io.out(opts.status === 'all' && !opts.tag ? 'No contacts yet. Add one with: fu add NAME (or try fu demo)\n' : 'No contacts match.\n');
    return;
  }
  const today = localDateOf(now, zone);
  const rows = contacts.map((c) => {
    const next = nextSteps.get(c.id);
    return [`#${c.id}`, c.name, c.company ?? '', c.status, next?.what ?? '', next ? formatDue(next.due, zone, today) : '', (tags.get(c.id) ?? []).join(' ')];
  });
  io.out(
    (await renderTable(
      io,
      // The step's what and its when in columns of their own: the date never pushes the step out of sight.
      [
        { header: 'ID' },
        { header: 'Name', flex: true, min: 10 },
        { header: 'Company', flex: true, min: 8 },
        { header: 'Status' },
        { header: 'Next step', flex: true, min: 12 },
        { header: 'When' },
        { header: 'Tags', flex: true, min: 4, optional: true },
      ],
      rows,
    )) + `\n${plural(contacts.length, 'contact')}.\n`,
  );
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('list')
    .summary('list contacts')
    .description('List contacts, by default the active ones.')
    .addOption(new Option('--status <status>', 'which contacts').choices([...STATUSES, 'all']).default('active'))
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--json', 'print JSON for scripts')
    .action((opts: ListOptions, command: Command) => runList(opts, app.deps(command)));
  withExamples(cmd, ['fu list', 'fu list --status all --tag saas', 'fu list --status nurture --json']);
}
