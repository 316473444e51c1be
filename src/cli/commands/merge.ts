/** `fu merge KEEP DUPLICATE`: fold a duplicate contact into the one kept. */
import { commitmentHandle } from '../../domain/ids.js';
import type { Command } from 'commander';
import { mergeContacts } from '../../app/merge-contacts.js';
import { plural } from '../../domain/text.js';
import { formatDue, localDateOf } from '../../domain/time.js';
import type { Commitment } from '../../domain/types.js';
import { usageError } from '../../errors.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { commitmentJson, contactJson } from '../json.js';
import { printJson, safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { resolveContact } from '../resolve-contact.js';

export interface MergeOptions {
  keep: string;
  duplicate: string;
  json?: boolean;
}

export function runMerge(opts: MergeOptions, deps: Deps): void {
  const ctx = appContext(deps);
  const keep = resolveContact(ctx.store, opts.keep);
  const dup = resolveContact(ctx.store, opts.duplicate);
  const merged = mergeContacts(ctx, keep.id, dup.id);
  if (!merged.ok)
    throw usageError(
      `"${safe(opts.keep)}" and "${safe(opts.duplicate)}" are the same contact (#${keep.id}).`,
      'Give the contact to keep, then its duplicate: fu merge 3 17',
    );
  const { plan, contact, duplicate, moved } = merged;
  if (opts.json) {
    const store = ctx.store;
    const nextStep = contact.nextStepId === null ? null : store.commitment(contact.nextStepId)!;
    printJson(deps.io, {
      contact: contactJson(contact, store.tagsOf(contact.id), nextStep, ctx),
      duplicate: { id: duplicate.id, name: duplicate.name, company: duplicate.company },
      moved,
      filled: plan.fill,
      conflicts: plan.conflicts,
      tagsAdded: plan.tags,
      replacedNextStep: plan.steps ? plan.steps.replaced.id : null,
      keptNextStep: plan.steps ? commitmentJson(plan.steps.kept, ctx) : null,
    });
    return;
  }
  const today = localDateOf(deps.now, deps.zone);
  const step = (c: Commitment) => `${commitmentHandle(c.id)} (${safe(c.what)}, ${formatDue(c.due, deps.zone, today)})`;
  const lines = [
    `Merged #${duplicate.id} ${safe(duplicate.name)} into #${contact.id} ${safe(contact.name)}: ${plural(moved.touches, 'touch', 'touches')} and ${plural(moved.commitments, 'commitment')} moved.`,
  ];
  const filled = Object.keys(plan.fill);
  if (filled.length) lines.push(`Filled from the duplicate: ${filled.join(', ')}.`);
  for (const c of plan.conflicts) lines.push(`Kept ${c.field} "${safe(c.kept)}" (the duplicate had "${safe(c.dropped)}").`);
  if (plan.tags.length) lines.push(`Tags added: ${plan.tags.map(safe).join(', ')}.`);
  if (plan.steps) lines.push(`Both had an open next step: kept the later one, ${step(plan.steps.kept)}; replaced ${step(plan.steps.replaced)}.`);
  lines.push('Take it back with: fu undo');
  deps.io.out(lines.join('\n') + '\n');
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('merge')
    .summary('fold a duplicate contact into another')
    .description(
      "Fold DUPLICATE into KEEP: its touches and commitments move, KEEP's empty fields are filled from it, tags are united; where both have a value, KEEP's stays (shown). When both have an open next step, the later-created one stays and the other is replaced. DUPLICATE is then removed. fu undo takes it back.",
    )
    .argument('<keep>', 'the contact to keep: id (#12), email, or name/company')
    .argument('<duplicate>', 'the duplicate to fold into it')
    .option('--json', 'print JSON for scripts')
    .action((keep: string, duplicate: string, opts: { json?: boolean }, command: Command) => runMerge({ keep, duplicate, json: opts.json }, app.deps(command)));
  withExamples(cmd, ['fu merge 3 17', 'fu merge priya@northwind.example "Priya Shah"']);
}
