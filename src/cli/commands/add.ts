import type { Command } from 'commander';
import { usageError } from '../../errors.js';
import type { App } from '../program.js';
import { withExamples } from '../program.js';
import type { Deps } from '../io.js';
import { checkEmail, checkEmailFree, collect, optionalText, requiredText } from '../input.js';
import { safe } from '../output.js';

export interface AddOptions {
  name: string | undefined;
  company?: string;
  email?: string;
  phone?: string;
  tag: string[];
  source?: string;
  note?: string;
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
    note: optionalText('--note', opts.note),
  };
  const tags = opts.tag.map((t) => requiredText('--tag', t));
  const store = deps.store();
  const id = store.transaction(() => {
    checkEmailFree(store, fields.email);
    const id = store.insertContact(fields, deps.now);
    store.addTags(id, tags);
    return id;
  });
  deps.io.out(`Added #${id} ${safe(fields.name)}${fields.company ? ` (${safe(fields.company)})` : ''}.\n`);
  return id;
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
    .action(async (name: string | undefined, opts: Omit<AddOptions, 'name'>, command: Command) => {
      await runAdd({ ...opts, name }, app.deps(command));
    });
  withExamples(cmd, [
    'fu add "Dana Reyes" --company Acme --email dana@acme.com --tag saas',
    'fu add "Sam Okafor" --company Brightline --source referral --note "met through Lea"',
  ]);
}
