import type { Command } from 'commander';
import { invitation } from '../../app/invite.js';
export { checkInvitable } from '../../app/invite.js';
import { formatDue, localDateOf } from '../../domain/time.js';
import type { Contact } from '../../domain/types.js';
import { appContext } from '../app-context.js';
import { icsText } from '../ics.js';
import type { Deps } from '../io.js';
import { idOfKind } from '../ids.js';
import { safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { resolveContact } from '../resolve-contact.js';
import { writeOut } from '../write-file.js';

export interface InviteOptions {
  contact: string;
  out?: string;
  /** The id of a cancelled (or replaced) next step: its METHOD:CANCEL. */
  cancel?: string;
}

/** Writes the invitation (or cancellation) for a contact's next step; said on stderr when it goes to a file. */
export async function writeInvitation(deps: Deps, contact: Contact, out: string | undefined, cancelled?: number): Promise<void> {
  const inv = invitation(appContext(deps), contact, cancelled);
  const { event, ...rest } = inv;
  const where = await writeOut(deps, out, icsText([event], { now: deps.now, zone: deps.zone, invitation: rest }));
  if (where !== 'stdout') {
    const when = formatDue({ at: event.start! }, deps.zone, localDateOf(deps.now, deps.zone));
    deps.io.err(
      `${inv.method === 'CANCEL' ? 'Cancellation' : event.sequence > 0 ? `Update (sequence ${event.sequence})` : 'Invitation'} for ${safe(contact.name)} <${safe(inv.attendee.email)}>: ${safe(event.summary)}, ${when}, written to ${where}.\n`,
    );
  }
}

export async function runInvite(opts: InviteOptions, deps: Deps): Promise<void> {
  let cancelled: number | undefined;
  if (opts.cancel !== undefined) {
    cancelled = idOfKind(deps.store, opts.cancel, 'commitment');
  }
  await writeInvitation(deps, resolveContact(deps.store(), opts.contact), opts.out, cancelled);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('invite')
    .summary('the next step as a calendar invitation for the contact')
    .description(
      "Write an iCalendar invitation (METHOD:REQUEST) for the contact's open timed next step, from you (fu config user.email) to the contact's email, " +
        'to attach to your confirmation email. After fu next moves the step, the same command writes the update (same UID, higher SEQUENCE). ' +
        'With --cancel ID, the cancellation (METHOD:CANCEL) of a next step cancelled or replaced since.',
    )
    .argument('<contact>', 'id (#12), email, or name/company')
    .option('--out <file>', 'the .ics file; default: stdout')
    .option('--cancel <id>', 'the cancellation of this next step (c12; cancelled with fu cancel, or replaced)')
    .action((contact: string, opts: Omit<InviteOptions, 'contact'>, command: Command) => runInvite({ ...opts, contact }, app.deps(command)));
  withExamples(cmd, [
    'fu config user.email sam@brightline.example',
    'fu invite dana --out demo.ics',
    'fu cancel c12 && fu invite dana --cancel c12 --out cancel.ics',
  ]);
}
