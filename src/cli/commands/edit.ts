import type { Command } from 'commander';
import { editContact } from '../../app/contacts.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import type { ContactFields } from '../../domain/types.js';
import { usageError } from '../../errors.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { checkEmail, collect, emailTakenError, requiredText } from '../input.js';
import { safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { resolveContact } from '../resolve-contact.js';

export interface EditOptions {
  contact: string;
  name?: string;
  company?: string;
  email?: string;
  phone?: string;
  source?: string;
  note?: string;
  tag: string[];
  untag: string[];
}

/** An empty value clears an optional field (`--company ""`); the name can never be cleared. */
const clearable = (flag: string, value: string | undefined, limit?: number) =>
  value === undefined ? undefined : value.trim() === '' ? null : requiredText(flag, value, limit);

export function runEdit(opts: EditOptions, deps: Deps): void {
  const fields: Partial<ContactFields> = {};
  if (opts.name !== undefined) fields.name = requiredText('--name', opts.name);
  const company = clearable('--company', opts.company);
  const email = clearable('--email', opts.email);
  const phone = clearable('--phone', opts.phone);
  const source = clearable('--source', opts.source);
  const note = clearable('--note', opts.note, TEXT_LIMITS.free);
  if (company !== undefined) fields.company = company;
  if (email !== undefined) fields.email = checkEmail(email);
  if (phone !== undefined) fields.phone = phone;
  if (source !== undefined) fields.source = source;
  if (note !== undefined) fields.note = note;
  const tags = opts.tag.map((t) => requiredText('--tag', t));
  const untags = opts.untag.map((t) => requiredText('--untag', t));
  if (Object.keys(fields).length === 0 && tags.length === 0 && untags.length === 0) {
    throw usageError('Nothing to change.', 'Give at least one of --name, --company, --email, --phone, --source, --note, --tag, --untag.');
  }
  const ctx = appContext(deps);
  const edited = editContact(ctx, resolveContact(ctx.store, opts.contact).id, { fields, tags, untags });
  if (!edited.ok) throw emailTakenError(fields.email!, edited);
  const { contact } = edited;
  deps.io.out(`Updated #${contact.id} ${safe(contact.name)}${contact.company ? ` (${safe(contact.company)})` : ''}.\n`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('edit')
    .summary("change a contact's details or tags")
    .description("Change a contact's details (name, company, email, phone, source, note) or tags. An empty value clears a field.")
    .argument('<contact>', 'id (#12), email, or name/company')
    .option('--name <name>', 'new name')
    .option('--company <company>', 'new company ("" to clear)')
    .option('--email <email>', 'new email ("" to clear)')
    .option('--phone <phone>', 'new phone ("" to clear)')
    .option('--source <source>', 'where the lead came from ("" to clear)')
    .option('--note <note>', 'new note ("" to clear)')
    .option('--tag <tag>', 'add a tag (repeatable)', collect, [])
    .option('--untag <tag>', 'remove a tag (repeatable)', collect, [])
    .action((contact: string, opts: Omit<EditOptions, 'contact'>, command: Command) => runEdit({ ...opts, contact }, app.deps(command)));
  withExamples(cmd, [
    'fu edit dana --company "Acme Europe" --tag enterprise',
    'fu edit 12 --email "" --untag cold',
    'fu edit sam --source referral --note "prefers email"',
  ]);
}
