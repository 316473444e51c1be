import { commitmentHandle } from '../../domain/ids.js';
import type { Command } from 'commander';
import { addContact, duplicatesOf, type Added, type NewContact, type PossibleDuplicate } from '../../app/contacts.js';
import type { Warning } from '../../domain/rules.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { formatDue, localDateOf } from '../../domain/time.js';
import { confirmedDue } from '../relative.js';
import { usageError } from '../../errors.js';
import { withExamples, type App } from '../command-kit.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { checkEmail, collect, emailTakenError, optionalText, requiredText } from '../input.js';
import { clashWarnings, promptText, refusal } from '../messages.js';
import { askAgreement, askStepWhen, explain } from '../agreement.js';
import { contactJson } from '../json.js';
import { printJson, printWarnings, safe } from '../output.js';
import { addDispositionOptions, checkNextAndDisposition, dispositionLine, dispositionOf, type DispositionOptions } from '../dispositions.js';
import { whenAhead } from '../when-input.js';
import { addDatedOptions, checkPairs, datedItems, readDated, type DatedItem } from '../dated.js';

export interface AddOptions extends DispositionOptions {
  name: string | undefined;
  company?: string;
  email?: string;
  phone?: string;
  tag: string[];
  source?: string;
  note?: string;
  met?: string;
  next?: string;
  at?: string;
  soft?: boolean;
  json?: boolean;
  promise?: DatedItem[];
  expect?: DatedItem[];
  by?: DatedItem[];
}

const REASONS: Record<PossibleDuplicate['reason'], string> = {
  'same-name-and-company': 'the same name at the same company',
  'similar-name': 'a very similar name',
};

const duplicateLine = (d: PossibleDuplicate) =>
  `Possible duplicate: #${d.contact.id} ${safe(d.contact.name)}${d.contact.company ? ` (${safe(d.contact.company)})` : ''}, ${REASONS[d.reason]}.`;

export async function runAdd(opts: AddOptions, deps: Deps): Promise<void> {
  let name = opts.name;
  if (name === undefined) {
    if (!deps.prompter.enabled) throw usageError('NAME is required when not interactive.', 'Usage: fu add NAME [--company C] [--email E]');
    name = await deps.prompter.input('Name', { validate: (v) => (v.trim() ? true : 'A name is needed.') });
  }
  const fields = {
    name: requiredText('NAME', name),
    company: optionalText('--company', opts.company),
    email: checkEmail(optionalText('--email', opts.email)),
    phone: optionalText('--phone', opts.phone),
    source: optionalText('--source', opts.source),
    note: optionalText('--note', opts.note, TEXT_LIMITS.free),
  };
  const tags = opts.tag.map((t) => requiredText('--tag', t));
  const met = await metInput(opts, deps);
  const ctx = appContext(deps);
  // On a terminal, a possible duplicate is shown before anything is added, and the user decides.
  const asked = deps.prompter.enabled && !opts.json;
  if (asked) {
    const duplicates = duplicatesOf(ctx.store, fields);
    if (duplicates.length > 0) {
      deps.io.err(duplicates.map((d) => `${duplicateLine(d)}\n`).join(''));
      if (!(await deps.prompter.confirm(`Add ${safe(fields.name)} as a new contact anyway?`, false))) {
        deps.io.err(`Nothing was added. Add what you know to it with: fu edit ${duplicates[0]!.contact.id} ...\n`);
        return;
      }
    }
  }
  let added = addContact(ctx, { fields, tags, met });
  // Interactive: the meeting's missing or unfirm next step is asked for, as fu log does, instead of refused.
  while (!added.ok && added.reason === 'rule' && met && deps.prompter.enabled) {
    const v = added.violation;
    if (v.reason === 'no-next-step') {
      explain(deps, v.rule, promptText(v, ctx));
      Object.assign(met, await askAgreement(deps, met.next));
    } else if ((v.reason === 'step-in-past' || v.reason === 'step-without-time') && met.next) {
      explain(deps, v.rule, promptText(v, ctx));
      Object.assign(met, await askStepWhen(deps, met.next.what));
    } else break;
    added = addContact(ctx, { fields, tags, met });
  }
  if (!added.ok) throw added.reason === 'rule' ? refusal(added.violation, ctx) : emailTakenError(fields.email!, added);
  const { contact, nextStep: step, duplicates } = added;
  if (opts.json) {
    if (added.met) printWarnings(deps.io, metWarnings(added, deps));
    printJson(deps.io, {
      contact: contactJson(contact, ctx.store.tagsOf(contact.id), step, ctx),
      duplicates: duplicates.map((d) => ({ id: d.contact.id, name: d.contact.name, company: d.contact.company, reason: d.reason })),
    });
    return;
  }
  if (!asked && duplicates.length > 0) {
    deps.io.err(duplicates.map((d) => `${duplicateLine(d)} If it is the same person: fu merge ${d.contact.id} ${contact.id}\n`).join(''));
  }
  const today = localDateOf(deps.now, deps.zone);
  const lines = [
    `Added #${contact.id} ${safe(fields.name)}${fields.company ? ` (${safe(fields.company)})` : ''}${added.met ? `, met at ${safe(opts.met)}` : ''}.`,
  ];
  if (added.met) {
    printWarnings(deps.io, metWarnings(added, deps));
    for (const c of added.created) {
      if (c.kind === 'next-step')
        lines.push(`Next: ${safe(c.what)}, ${confirmedDue(c.due, deps.zone, today)}${c.soft ? ' (soft: no time agreed)' : ''} (${commitmentHandle(c.id)}).`);
      else
        lines.push(
          `${c.kind === 'promise' ? 'Promise' : 'Expected from them'} ${commitmentHandle(c.id)}: ${safe(c.what)}, by ${formatDue(c.due, deps.zone, today)}.`,
        );
    }
    const disposed = dispositionLine(added.met.touch, contact.derived.nurtureDueOn, today);
    if (disposed) lines.push(disposed);
  }
  deps.io.out(lines.join('\n') + '\n');
}

/** `--met EVENT`: meeting someone is a conversation, so R1 wants a next step or a disposition before leaving. */
/** The meeting's rule warnings, then a double booking. */
function metWarnings(added: Extract<Added, { ok: true }>, deps: Deps): Warning[] {
  return [...(added.met?.warnings ?? []), ...clashWarnings(added.clashes, deps.zone, localDateOf(deps.now, deps.zone))];
}

async function metInput(opts: AddOptions, deps: Deps): Promise<NewContact['met']> {
  const disposition = dispositionOf(opts);
  const dated = datedItems(opts);
  if (opts.met === undefined) {
    if (opts.next !== undefined || opts.at !== undefined || opts.soft || disposition || dated.length > 0) {
      throw usageError('--next, --at, --soft, --promise, --expect, --by and the dispositions go with --met EVENT: the conversation where you met.');
    }
    return null;
  }
  checkNextAndDisposition(opts, disposition);
  checkPairs(dated);
  const event = requiredText('--met', opts.met);
  const next = opts.next !== undefined ? { what: requiredText('--next', opts.next), when: await whenAhead(deps, opts.at!) } : null;
  return { event, next, soft: Boolean(opts.soft), disposition, ...(await readDated(dated, deps)) };
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('add')
    .summary('add a contact')
    .description(
      'Add a contact: a prospect, optionally with a company. A contact with the same name at the same company, or a very similar name, is named as a possible duplicate (on a terminal, fu asks before adding); fu merge folds one into the other.',
    )
    .argument('[name]', 'full name')
    .option('--company <company>', 'company')
    .option('--email <email>', 'email (unique: one contact per email)')
    .option('--phone <phone>', 'phone number')
    .option('--tag <tag>', 'a tag (repeat for several)', collect, [])
    .option('--source <source>', 'where the lead came from')
    .option('--note <note>', 'a note')
    .option('--met <event>', 'met in person (a conference...): needs a next step or a disposition')
    .option('--next <what>', 'with --met: the next step agreed')
    .option('--at <when>', 'with --met: when, with a time of day')
    .option('--soft', 'with --met: accept a next step without a time')
    .option('--json', 'print JSON for scripts');
  addDatedOptions(cmd, 'with --met: ');
  addDispositionOptions(cmd).action(async (name: string | undefined, opts: Omit<AddOptions, 'name'>, command: Command) => {
    await runAdd({ ...opts, name }, app.deps(command));
  });
  withExamples(cmd, [
    'fu add "Dana Reyes" --company Acme --email dana@acme.com --tag saas',
    'fu add "Sam Okafor" --company Brightline --source referral --note "met through Lea"',
    'fu add "Lee Park" --company Fabrikam --met "SaaStr Europe" --next "15-minute intro call" --at "thu 11am"',
  ]);
}
