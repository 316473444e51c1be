import type { Command } from 'commander';
import { checkReschedule } from '../../domain/rules.js';
import { formatDue, localDateOf } from '../../domain/time.js';
import { ruleError } from '../../errors.js';
import { contactState, insertPlanned } from '../../store/apply.js';
import { refreshDerived } from '../../store/derived.js';
import type { Deps } from '../io.js';
import { requiredText } from '../input.js';
import { printWarnings, safe } from '../output.js';
import { withExamples, type App } from '../program.js';
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
  const store = deps.store();
  const config = deps.config();
  const { zone, now, io } = deps;
  const contact = resolveContact(store, opts.contact);
  const result = store.transaction(() => {
    const decision = checkReschedule(contactState(store, contact.id), { what, when }, Boolean(opts.soft), now, zone);
    if (!decision.ok) throw ruleError(decision.violation.rule, decision.violation.message, decision.violation.hint);
    const plan = decision.plan;
    const before = plan.move ? store.commitment(plan.move.id)! : null;
    if (plan.move) store.moveCommitment(plan.move.id, plan.move.what, plan.move.due, plan.move.soft, now);
    const id = plan.move ? plan.move.id : insertPlanned(store, contact.id, plan.create!, null, now);
    if (store.contact(contact.id)!.status !== plan.status) store.setStatus(contact.id, plan.status, now);
    refreshDerived(store, contact.id, config, zone);
    return { plan, before, step: store.commitment(id)! };
  });
  const today = localDateOf(now, zone);
  printWarnings(io, result.plan.warnings);
  const { step, before } = result;
  io.out(
    `Next for ${safe(contact.name)}: ${safe(step.what)}, ${formatDue(step.due, zone, today)}${step.soft ? ' (soft: no time agreed)' : ''} (#${step.id}` +
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
  withExamples(cmd, ['fu next dana "demo to the team" --at "tue 3pm"', 'fu next 12 "contract review" --at "2026-12-01 10:30"', 'fu next sam "decision call" --at "next friday" --soft']);
}
