import type { Command } from 'commander';
import { addContact, type NewContact } from '../../app/contacts.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { formatDue, localDateOf } from '../../domain/time.js';
import { usageError } from '../../errors.js';
import { withExamples, type App } from '../command-kit.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { checkEmail, collect, emailTakenError, optionalText, requiredText } from '../input.js';
import { refusal } from '../messages.js';
import { printWarnings, safe } from '../output.js';
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
  promise?: DatedItem[];
  expect?: DatedItem[];
  by?: DatedItem[];
}

export async function runAdd(opts: AddOptions, deps: Deps): Promise<number> {
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
  const added = addContact(ctx, { fields, tags, met });
  if (!added.ok) throw added.reason === 'rule' ? refusal(added.violation, ctx) : emailTakenError(fields.email!, added);
  const { contact } = added;
  const today = localDateOf(deps.now, deps.zone);
  const lines = [`Added #${contact.id} ${safe(fields.name)}${fields.company ? ` (${safe(fields.company)})` : ''}${added.met ? `, met at ${safe(opts.met)}` : ''}.`];
  if (added.met) {
    printWarnings(deps.io, added.met.warnings);
    for (const c of added.created) {
      if (c.kind === 'next-step') lines.push(`Next: ${safe(c.what)}, ${formatDue(c.due, deps.zone, today)}${c.soft ? ' (soft: no time agreed)' : ''} (#${c.id}).`);
      else lines.push(`${c.kind === 'promise' ? 'Promise' : 'Expected from them'} #${c.id}: ${safe(c.what)}, by ${formatDue(c.due, deps.zone, today)}.`);
    }
    const disposed = dispositionLine(added.met.touch, contact.derived.nurtureDueOn, today);
    if (disposed) lines.push(disposed);
  }
  deps.io.out(lines.join('\n') + '\n');
  return contact.id;
}

/** `--met EVENT`: meeting someone is a conversation, so R1 wants a next step or a disposition before leaving. */
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
    .description('Add a contact: a prospect, optionally with a company.')
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
    .option('--soft', 'with --met: accept a next step without a time');
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
