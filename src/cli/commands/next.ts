import { commitmentHandle } from '../../domain/ids.js';
import type { Command } from 'commander';
import { reschedule } from '../../app/reschedule.js';
import { formatDue, localDateOf } from '../../domain/time.js';
import { confirmedDue } from '../relative.js';
import { clashWarnings, refusal } from '../messages.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { requiredText } from '../input.js';
import { printWarnings, safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { resolveContact } from '../resolve-contact.js';
import { whenAhead } from '../when-input.js';

export interface NextOptions {
  contact: string;
  what: string;
  at: string;
  soft?: boolean;
}

export async function runNext(opts: NextOptions, deps: Deps): Promise<void> {
  const what = requiredText('WHAT', opts.what);
  const when = await whenAhead(deps, opts.at);
  const ctx = appContext(deps);
  const { zone, now, io } = deps;
  const result = reschedule(ctx, resolveContact(ctx.store, opts.contact).id, { what, when }, Boolean(opts.soft));
  if (!result.ok) throw refusal(result.violation, ctx);
  const { contact } = result;
  const today = localDateOf(now, zone);
  printWarnings(io, [...result.plan.warnings, ...clashWarnings(result.clashes, zone, today)]);
  const { step, before } = result;
  io.out(
    `Next for ${safe(contact.name)}: ${safe(step.what)}, ${confirmedDue(step.due, zone, today)}${step.soft ? ' (soft: no time agreed)' : ''} (${commitmentHandle(step.id)}` +
      `${before ? `, moved from ${formatDue(before.due, zone, today)}` : ''}).` +
      `${contact.status !== result.plan.status ? ` ${safe(contact.name)} is ${result.plan.status} again.` : ''}\n`,
  );
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('next')
    .summary('set or reschedule the next step')
    .description('Set the next step with a contact, or reschedule the open one (its old date is kept in the history).')
    .argument('<contact>', 'id (#12), email, or name/company')
    .argument('<what>', 'the next step: what you will do together')
    .requiredOption('--at <when>', 'when, with a time of day: "tue 3pm", "2026-12-01 10:30"')
    .option('--soft', 'accept a date without a time (reported by fu stale)')
    .action((contact: string, what: string, opts: { at: string; soft?: boolean }, command: Command) => runNext({ contact, what, ...opts }, app.deps(command)));
  withExamples(cmd, [
    'fu next dana "demo to the team" --at "tue 3pm"',
    'fu next 12 "contract review" --at "2026-12-01 10:30"',
    'fu next sam "decision call" --at "next friday" --soft',
  ]);
}
