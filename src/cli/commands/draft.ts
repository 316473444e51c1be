import type { Command } from 'commander';
import { setConfig } from '../../app/config.js';
import { draftMaterial } from '../../app/reads.js';
import { checkConfigValue } from '../../domain/config.js';
import { buildDraft, offersSlots, PLACEHOLDERS, templateProblem, WHAT_YOU_SHARE, WHY_NOW, type DraftKind } from '../../domain/draft.js';
import { formatDay, isoWithOffset, localDateOf, localTimeOf } from '../../domain/time.js';
import type { Contact } from '../../domain/types.js';
import { usageError } from '../../errors.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { optionalText } from '../input.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { paint, printJson, safe } from '../output.js';
import { withExamples, wholeNumber, type App } from '../command-kit.js';
import { resolveContact } from '../resolve-contact.js';
import { readTemplate } from '../templates.js';

/** More choices than this make the ask a menu, and the message too long to read. */
const MAX_SLOTS = 5;
const PLACEHOLDER_LIST = Object.keys(PLACEHOLDERS)
  .map((p) => `{{${p}}}`)
  .join(', ');

export interface DraftOptions {
  contact: string;
  reason?: string;
  ask?: string;
  slots?: number;
  breakup?: boolean;
  nurture?: boolean;
  template?: string;
  json?: boolean;
}

export async function runDraft(opts: DraftOptions, deps: Deps): Promise<void> {
  const { io, zone, now, prompter } = deps;
  if (opts.breakup && opts.nurture) throw usageError('--breakup and --nurture do not go together: a draft is one or the other.');
  if (opts.slots !== undefined && opts.ask !== undefined) throw usageError('--slots sets the default ask: it does not go with --ask.');
  if (opts.slots !== undefined && (opts.breakup || opts.nurture))
    throw usageError('--slots is for a follow-up: a break-up or a value touch asks for no meeting.');
  const reason = optionalText('--reason', opts.reason, TEXT_LIMITS.free);
  const ask = optionalText('--ask', opts.ask, TEXT_LIMITS.free);
  const ctx = appContext(deps);
  const { config } = ctx;
  const kindFor = (contact: Contact): DraftKind =>
    opts.breakup ? 'breakup' : opts.nurture || (contact.status === 'nurture' && !opts.ask && opts.slots === undefined) ? 'nurture' : 'follow-up';
  const { contact, touches, commitments, appointments } = draftMaterial(ctx, resolveContact(ctx.store, opts.contact).id, (c, cs) =>
    offersSlots(kindFor(c), ask, cs, now),
  );
  const kind = kindFor(contact);

  const template = readTemplate(kind, opts.template, deps.configDir());
  const problem = templateProblem(template.text);
  if (problem) throw usageError(`The template ${safe(template.source)} cannot be used: ${problem}.`, `The placeholders are: ${PLACEHOLDER_LIST}.`);

  let userName = config.userName;
  if (!userName.trim() && prompter.enabled && !opts.json) {
    const name = (
      await prompter.input('Your name, to sign the message (saved as fu config user.name)', {
        validate: (v) => {
          const checked = checkConfigValue('user.name', v, config);
          return checked.ok || `${checked.message}.`;
        },
      })
    ).trim();
    const saved = setConfig({ ...ctx, ownZone: deps.ownZone }, 'user.name', name);
    if (!saved.ok) throw usageError(`${saved.message}.`);
    userName = name;
  }

  const draft = buildDraft({
    kind,
    contact,
    touches,
    commitments,
    appointments,
    config: { ...config, userName },
    now,
    zone,
    reason,
    ask,
    slots: opts.slots ?? 2,
    template: template.text,
  });

  const c = paint({ color: io.color && !opts.json });
  if (draft.todo.includes(WHY_NOW))
    io.err(
      `${c.yellow('note:')} no --reason: fill in the [WHY NOW: ...] placeholder before sending; a follow-up without a reason is the "just checking in" it must not be.\n`,
    );
  if (draft.todo.includes(WHAT_YOU_SHARE))
    io.err(`${c.yellow('note:')} no --reason: fill in the [WHAT YOU SHARE: ...] placeholder with something useful to them.\n`);
  if (draft.todo.includes('[YOUR NAME]')) io.err(`${c.yellow('note:')} signed [YOUR NAME]: set your name once with: fu config user.name "Your Name"\n`);
  if (draft.leftOutNote) {
    const day = formatDay(localDateOf(draft.leftOutNote.at, zone), localDateOf(now, zone));
    io.err(`${c.yellow('note:')} your note of ${day} is not quoted (it reads as your own words); weave it in if it helps: "${safe(draft.leftOutNote.note)}"\n`);
  }
  const d = contact.derived;
  if (kind === 'follow-up' && contact.status === 'active' && d.unanswered === config.attemptsLimit - 1) {
    io.err(`${c.yellow('note:')} this is attempt ${config.attemptsLimit} of ${config.attemptsLimit}: the break-up. See: fu draft ${contact.id} --breakup\n`);
  }

  if (opts.json) {
    printJson(io, {
      contact: { id: contact.id, name: contact.name, company: contact.company, email: contact.email },
      kind,
      subject: draft.subject,
      body: draft.body,
      slots: draft.slots.map((s) => ({ at: isoWithOffset(s, zone), date: localDateOf(s, zone), time: localTimeOf(s, zone) })),
      todo: draft.todo,
      leftOutNote: draft.leftOutNote && { at: isoWithOffset(draft.leftOutNote.at, zone), note: draft.leftOutNote.note },
      template: template.source,
    });
    return;
  }
  io.out(`Subject: ${safe(draft.subject)}\n\n${draft.body.split('\n').map(safe).join('\n')}`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('draft')
    .summary('write the next message for a contact (printed, not sent)')
    .description(
      'Write the next message for a contact from its history: who you are and what you spoke about, why you write now (--reason), ' +
        'and one clear ask (--ask, else two free slots in your next working days). --breakup writes the polite last attempt, --nurture a value touch. ' +
        'Nothing is sent: record it afterwards with fu log CONTACT --via email --outcome sent. ' +
        'Templates: --template PATH, else $XDG_CONFIG_HOME/fu/templates/{follow-up,breakup,nurture}.txt (default ~/.config/fu/templates), else the built-in ones; ' +
        `placeholders: ${PLACEHOLDER_LIST}.`,
    )
    .argument('<contact>', 'id (#12), email, or name/company')
    .option('--reason <text>', 'why you write now: something relevant to them today (with --nurture: what you share)')
    .option('--ask <text>', 'the one ask, instead of the default slots')
    .option('--slots <n>', `how many slots the default ask offers, 1 to ${MAX_SLOTS} (default 2)`, wholeNumber(1, MAX_SLOTS))
    .option('--breakup', 'the last attempt of a sequence: polite, door open, nothing heavy')
    .option('--nurture', 'a value touch: share --reason, ask only for an easy reply (default for nurture contacts)')
    .option('--template <path>', 'a template file (first line "Subject: ...", {{placeholders}})')
    .option('--json', 'print subject, body and slots as JSON')
    .action((contact: string, opts: Omit<DraftOptions, 'contact'>, command: Command) => runDraft({ ...opts, contact }, app.deps(command)));
  withExamples(cmd, [
    'fu draft dana --reason "your team doubled this quarter, and our new onboarding pack covers exactly that"',
    'fu draft sam --ask "Could we review the proposal on Thursday at 10:00?"',
    'fu draft marco --breakup',
    'fu draft tom --nurture --reason "the benchmark report on warehouse tools is out: https://example.com/report"',
    'fu draft dana --reason "their new Lyon warehouse" | fu check -',
  ]);
}
