import { commitmentHandle, touchHandle } from '../../domain/ids.js';
import { Option, type Command } from 'commander';
import { decideTouch, logTouch, type LoggedTouch } from '../../app/log-touch.js';
import type { AppContext } from '../../app/context.js';
import type { TouchInput } from '../../domain/rules.js';
import { formatDay, formatDue, localDateOf } from '../../domain/time.js';
import { confirmedDue } from '../relative.js';
import { CHANNELS, OUTCOMES, type Channel, type Outcome } from '../../domain/types.js';
import { usageError } from '../../errors.js';
import { clashWarnings, promptText, refusal } from '../messages.js';
import { askAgreement, askDated, askDueBy, askNextStep, askStepWhen, explain } from '../agreement.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { addDispositionOptions, checkNextAndDisposition, dispositionLine, dispositionOf, type DispositionOptions } from '../dispositions.js';
import { addDatedOptions, checkPairs, datedItems, readDated, type DatedItem } from '../dated.js';
import { optionalText, requiredText } from '../input.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { commitmentJson, contactJson, touchJson } from '../json.js';
import { printJson, printWarnings, safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { resolveContact } from '../resolve-contact.js';
import { whenAhead, whenDate, whenHappened } from '../when-input.js';

export interface LogOptions extends DispositionOptions {
  contact?: string;
  outcome?: Outcome;
  via: Channel;
  note?: string;
  on?: string;
  next?: string;
  at?: string;
  soft?: boolean;
  promise?: DatedItem[];
  expect?: DatedItem[];
  by?: DatedItem[];
  value?: string;
  until?: string;
  proposal?: boolean;
  force?: boolean;
  json?: boolean;
  /** Also write the invitation for the new next step to this file. */
  invite?: string;
}

/** Combinations that make no sense are usage errors, before anything is read. */
function checkCombinations(opts: LogOptions, disposition: TouchInput['disposition']): void {
  checkNextAndDisposition(opts, disposition);
  checkPairs(datedItems(opts));
  if (opts.outcome !== undefined) {
    if (opts.value !== undefined && !['sent', 'no-answer', 'voicemail'].includes(opts.outcome)) {
      throw usageError('--value marks an outbound value touch: use it with --outcome sent, no-answer or voicemail.');
    }
    if (opts.until !== undefined && opts.outcome !== 'auto-reply')
      throw usageError('--until is the return date of an auto-reply: use it with --outcome auto-reply.');
  }
}

const OUTCOME_HELP: Record<Outcome, string> = {
  connected: 'a two-way conversation or meeting happened',
  replied: 'they answered in writing',
  'no-answer': 'no answer',
  voicemail: 'left a voicemail',
  sent: 'a message sent, no reply yet',
  'auto-reply': 'an out-of-office or other automatic answer',
  'no-show': 'they did not turn up to the booked next step',
};

export async function runLog(opts: LogOptions, deps: Deps): Promise<void> {
  const { prompter } = deps;
  let disposition = dispositionOf(opts);
  checkCombinations(opts, disposition);

  let contactText = opts.contact;
  if (contactText === undefined) {
    if (!prompter.enabled) throw usageError('CONTACT is required when not interactive.', 'Usage: fu log CONTACT --outcome OUTCOME [--next WHAT --at WHEN]');
    contactText = await prompter.input('Contact (id, email or name)', { validate: (v) => (v.trim() ? true : 'Which contact?') });
  }
  // Opened after the first question, which needs no database: the prompt shows ~5 ms sooner.
  const ctx = appContext(deps);
  const contact = resolveContact(ctx.store, contactText);
  if (prompter.enabled && (opts.contact === undefined || opts.outcome === undefined)) {
    deps.io.err(`${[safe(contact.name), contact.company ? safe(contact.company) : null, `#${contact.id}`].filter(Boolean).join(', ')}\n`);
  }
  let via = opts.via;
  let outcome = opts.outcome;
  let note = optionalText('--note', opts.note, TEXT_LIMITS.free);
  if (outcome === undefined) {
    if (!prompter.enabled) throw usageError('--outcome is required when not interactive.', `One of: ${OUTCOMES.join(', ')}.`);
    via = await prompter.select(
      'Channel',
      CHANNELS.map((c) => ({ name: c, value: c })),
      via,
    );
    outcome = await prompter.select(
      'Outcome',
      OUTCOMES.map((o) => ({ name: o, value: o, description: OUTCOME_HELP[o] })),
    );
    note = optionalText('--note', (await prompter.input('Note (optional)')).trim() || undefined, TEXT_LIMITS.free);
    checkCombinations({ ...opts, outcome }, disposition);
  }

  const input: TouchInput = {
    at: await whenHappened(deps, opts.on),
    channel: via,
    outcome,
    note,
    next: opts.next !== undefined ? { what: requiredText('--next', opts.next), when: await whenAhead(deps, opts.at!) } : null,
    soft: Boolean(opts.soft),
    ...(await readDated(datedItems(opts), deps)),
    disposition,
    value: optionalText('--value', opts.value),
    until: opts.until !== undefined ? await whenDate(deps, opts.until) : null,
    proposal: Boolean(opts.proposal),
    force: Boolean(opts.force),
  };

  if (prompter.enabled) {
    await askUntilFirm(ctx, contact.id, input, deps);
    disposition = input.disposition;
  }
  // Loaded only for --invite: the calendar libraries stay out of every other fu log.
  const invite = opts.invite !== undefined ? await import('./invite.js') : null;
  if (invite) {
    if (!input.next || input.soft) throw usageError('--invite writes the invitation for the new next step: it needs --next WHAT --at WHEN, with a time.');
    invite.checkInvitable(deps.config(), contact);
  }

  // The rules are checked again inside the write transaction: two fu processes can never both pass them.
  const logged = logTouch(ctx, contact.id, input);
  if (!logged.ok) throw refusal(logged.violation, ctx);
  render(logged, opts.json, ctx, deps);
  if (invite) await invite.writeInvitation(deps, contact, opts.invite);
}

/**
 * Interactive: while the touch breaks a rule that an answer can fix, say why
 * (in the words of a prompt) and ask only that question again; then offer promises.
 */
async function askUntilFirm(ctx: AppContext, contactId: number, input: TouchInput, deps: Deps): Promise<void> {
  for (;;) {
    const decision = decideTouch(ctx, contactId, input);
    if (decision.ok) break;
    const v = decision.violation;
    explain(deps, v.rule, promptText(v, ctx));
    switch (v.reason) {
      case 'no-next-step':
        Object.assign(input, await askAgreement(deps, input.next));
        break;
      case 'proposal-without-review':
        Object.assign(input, await askNextStep(deps, input.next?.what ?? 'review the proposal together'), { disposition: null });
        break;
      case 'step-in-past':
      case 'step-without-time':
        Object.assign(input, await askStepWhen(deps, input.next!.what));
        break;
      case 'promise-in-past': {
        const promise = input.promises.find((p) => p.what === v.data.what)!;
        promise.by = await askDueBy(deps, promise.what);
        break;
      }
      case 'expectation-in-past': {
        const expected = input.expectations.find((e) => e.what === v.data.what)!;
        expected.by = await askDueBy(deps, expected.what, 'expectation');
        break;
      }
      default:
        // The attempt limit and spacing (R4, R5): the seller may override them, as --force does.
        if (!(await deps.prompter.confirm('Record it anyway?', false))) throw refusal(v, ctx);
        input.force = true;
    }
  }
  // After Lost there is nothing more to owe or to wait for.
  if (input.outcome === 'connected' && input.disposition?.kind !== 'lost') {
    if (input.promises.length === 0) input.promises.push(...(await askDated(deps, 'promise')));
    if (input.expectations.length === 0) input.expectations.push(...(await askDated(deps, 'expectation')));
  }
}

function render(logged: Extract<LoggedTouch, { ok: true }>, json: boolean | undefined, ctx: AppContext, deps: Deps): void {
  const { io } = deps;
  const { zone, now, config } = ctx;
  const { plan, contact, created: commitments } = logged;
  const warnings = [...plan.warnings, ...clashWarnings(logged.clashes, zone, localDateOf(now, zone))];
  printWarnings(io, warnings);
  if (json) {
    printJson(io, {
      touch: touchJson(logged.touch, plan.overridden, zone),
      contact: contactJson(contact, logged.tags, logged.nextStep, ctx),
      created: commitments.map((c) => commitmentJson(c, ctx)),
      closed: plan.close.map((c) => ({ ...c, handle: commitmentHandle(c.id) })),
      attempt: plan.attempt,
      warnings,
    });
    return;
  }
  const today = localDateOf(now, zone);
  const t = plan.touch;
  const who = `${safe(contact.name)}${contact.company ? ` (${safe(contact.company)})` : ''}`;
  const lines = [
    `Logged ${t.channel} ${t.outcome} with ${who}, ${formatDue({ at: t.at }, zone, today)}${plan.overridden.length ? ` [forced past ${plan.overridden.join(', ')}]` : ''} (touch ${touchHandle(logged.touch.id)}).`,
  ];
  const CLOSED = { kept: 'Kept', replaced: 'Replaced', cancelled: 'Cancelled', missed: 'Missed' } as const;
  for (const c of plan.close) lines.push(`${CLOSED[c.state]} ${commitmentHandle(c.id)}${c.state === 'missed' ? ' (a no-show)' : ''}.`);
  for (const c of commitments) {
    lines.push(
      c.kind === 'next-step'
        ? `Next: ${safe(c.what)}, ${confirmedDue(c.due, zone, today)}${c.soft ? ' (soft: no time agreed)' : ''} (${commitmentHandle(c.id)}).`
        : `${c.kind === 'promise' ? 'Promise' : 'Expected from them'} ${commitmentHandle(c.id)}: ${safe(c.what)}, by ${formatDue(c.due, zone, today)}${'date' in c.due ? ` ${config.dayEnd}` : ''}.`,
    );
  }
  const d = contact.derived;
  if (plan.attempt) {
    const a = plan.attempt;
    const which = a.number > a.limit ? `Attempt ${a.number}, the break-up (the limit is ${a.limit})` : `Attempt ${a.number} of ${a.limit}, the break-up`;
    if (a.breakUp) lines.push(`${which}: moved to nurture, next value touch ${d.nurtureDueOn ? formatDay(d.nurtureDueOn, today) : 'not set'}.`);
    else if (d.chaseDueOn) lines.push(`Attempt ${a.number} of ${a.limit}: next chase due ${formatDay(d.chaseDueOn, today)}.`);
    else if (a.number > a.limit) lines.push(`Attempt ${a.number}, past the limit of ${a.limit}.`);
    else lines.push(`Attempt ${a.number} of ${a.limit}.`);
  }
  const disposed = dispositionLine(t, d.nurtureDueOn, today);
  if (disposed) lines.push(disposed);
  else if (t.value && d.nurtureDueOn) lines.push(`Value touch recorded: next one due ${formatDay(d.nurtureDueOn, today)}.`);
  if (t.outcome === 'auto-reply' && d.chaseDueOn) lines.push(`Next chase waits until ${formatDay(d.chaseDueOn, today)}.`);
  if (t.outcome === 'no-show' && d.chaseDueOn) lines.push(`Chase to rebook due ${formatDay(d.chaseDueOn, today)}: offer two new times.`);
  io.out(lines.join('\n') + '\n');
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('log')
    .summary('record a touch right after it happened')
    .description(
      'Record a touch (call, email, meeting...) with its outcome. A conversation (--outcome connected) must end with a firm next step ' +
        '(--next WHAT --at WHEN) or a disposition (--won, --lost REASON, --nurture, --not-fit). Unanswered attempts are limited and spaced.',
    )
    .argument('[contact]', 'id (#12), email, or name/company')
    .addOption(new Option('--outcome <outcome>', 'what happened').choices(OUTCOMES))
    .addOption(new Option('--via <channel>', 'channel').choices(CHANNELS).default('call'))
    .option('--note <text>', 'what was said')
    .option('--on <when>', 'when it happened (default now), e.g. "yesterday 4pm"')
    .option('--next <what>', 'the next step agreed')
    .option('--at <when>', 'when the next step is, with a time: "tue 3pm"')
    .option('--soft', 'accept a next step with a date but no time (reported by fu stale)');
  addDatedOptions(cmd);
  addDispositionOptions(cmd);
  cmd
    .option('--value <text>', 'a nurture value touch: what useful thing it brought')
    .option('--until <when>', 'with an auto-reply: their return date')
    .option('--proposal', 'a proposal was sent (needs a review meeting booked)')
    .option('--force', 'override the attempt limit (R4) and spacing (R5) for this touch')
    .option('--json', 'print the recorded touch and the resulting state as JSON')
    .option('--invite <file>', 'also write the new next step as an invitation (.ics) for the contact')
    .action((contact: string | undefined, opts: Omit<LogOptions, 'contact'>, command: Command) => runLog({ ...opts, contact }, app.deps(command)));
  withExamples(cmd, [
    'fu log dana --outcome connected --next "demo to the team" --at "tue 3pm" --promise "send pricing" --by "tomorrow 5pm"',
    'fu log dana --outcome connected --next "decision call" --at "tue 11am" --expect "review it with their team" --by "mon"',
    'fu log dana --outcome no-answer',
    'fu log sam --via email --outcome sent --proposal --next "review the proposal together" --at "thu 10am"',
    'fu log chloe --via email --outcome auto-reply --until "dec 1"',
    'fu log tom --via email --outcome sent --value "the benchmark report they asked about"',
    'fu log acme --outcome connected --lost "went with a competitor"',
    'fu log marcus --outcome connected --won --next kickoff --at "mon 9:30"',
    'fu log marcus --via meeting --outcome no-show',
    'fu log dana --outcome connected --next "demo to the team" --at "tue 3pm" --invite demo.ics',
  ]);
}
