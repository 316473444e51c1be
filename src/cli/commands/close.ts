import { commitmentHandle } from '../../domain/ids.js';
import type { Command } from 'commander';
import { closeContact } from '../../app/close-contact.js';
import { localDateOf } from '../../domain/time.js';
import { usageError } from '../../errors.js';
import { appContext } from '../app-context.js';
import { withExamples, type App } from '../command-kit.js';
import { addDispositionOptions, dispositionLine, dispositionOf, type DispositionOptions } from '../dispositions.js';
import type { Deps } from '../io.js';
import { commitmentJson, contactJson, decisionJson } from '../json.js';
import { printJson, safe } from '../output.js';
import { resolveContact } from '../resolve-contact.js';

export interface CloseOptions extends DispositionOptions {
  contact: string;
  json?: boolean;
}

export function runClose(opts: CloseOptions, deps: Deps): void {
  const disposition = dispositionOf(opts);
  if (!disposition) throw usageError('Say how it ends: --won, --lost REASON, --nurture or --not-fit.', 'fu close 12 --lost "no response"');
  const ctx = appContext(deps);
  const closed = closeContact(ctx, resolveContact(ctx.store, opts.contact).id, disposition.kind, disposition.reason);
  const { contact, cancelled } = closed;
  if (opts.json) {
    printJson(deps.io, {
      decision: decisionJson(closed.decision, deps.zone),
      contact: contactJson(contact, closed.tags, closed.nextStep, ctx),
      cancelled: cancelled.map((c) => commitmentJson(c, ctx)),
    });
    return;
  }
  const lines = [`Closed out ${safe(contact.name)}${contact.company ? ` (${safe(contact.company)})` : ''}: no touch recorded.`];
  for (const c of cancelled) lines.push(`Cancelled ${commitmentHandle(c.id)}.`);
  lines.push(
    dispositionLine({ disposition: disposition.kind, lostReason: disposition.reason }, contact.derived.nurtureDueOn, localDateOf(deps.now, deps.zone))!,
  );
  deps.io.out(`${lines.join('\n')}\n`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('close')
    .summary('close a contact out without a touch')
    .description('Record a decision (won, lost, nurture, not a fit) without logging a touch: no call is made up to carry it.')
    .argument('<contact>', 'id (#12), email, or name/company')
    .option('--json', 'print the decision and the resulting state as JSON');
  addDispositionOptions(cmd).action((contact: string, opts: Omit<CloseOptions, 'contact'>, command: Command) =>
    runClose({ contact, ...opts }, app.deps(command)),
  );
  withExamples(cmd, ['fu close 12 --lost "no response"', 'fu close dana --won', 'fu close sam --not-fit']);
}
