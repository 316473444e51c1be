/** `fu touch edit ID ...` and `fu touch rm ID`: correct the history; the contact's state follows. */
import { Option, type Command } from 'commander';
import { editTouch, removeTouch, type Corrected, type TouchChanges } from '../../app/correct-touch.js';
import { touchHandle } from '../../domain/ids.js';
import { plural, TEXT_LIMITS } from '../../domain/text.js';
import { formatDay, formatDue, localDateOf } from '../../domain/time.js';
import { CHANNELS, OUTCOMES, type Channel, type Outcome, type Touch } from '../../domain/types.js';
import { notFoundError, usageError } from '../../errors.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { idOfKind } from '../ids.js';
import { requiredText } from '../input.js';
import { contactJson, touchJson } from '../json.js';
import { printJson, safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { whenHappened } from '../when-input.js';

function render(result: Corrected, id: number, verb: string, json: boolean | undefined, deps: Deps): void {
  if (!result.ok) throw notFoundError(`No touch has the id ${touchHandle(id)}.`, 'The ids are shown by fu show.');
  const ctx = appContext(deps);
  const { before, after, contact } = result;
  if (json) {
    const nextStep = contact.nextStepId === null ? null : ctx.store.commitment(contact.nextStepId)!;
    printJson(deps.io, {
      before: touchJson(before, result.forcedRules, deps.zone),
      touch: after && touchJson(after, result.forcedRules, deps.zone),
      contact: contactJson(contact, ctx.store.tagsOf(contact.id), nextStep, ctx),
    });
    return;
  }
  const today = localDateOf(deps.now, deps.zone);
  const brief = (t: Touch) => `${t.channel} ${t.outcome}, ${formatDue({ at: t.at }, deps.zone, today)}${t.note ? `: ${safe(t.note)}` : ''}`;
  const d = contact.derived;
  const limit = ctx.config.attemptsLimit;
  const state = [
    `${plural(d.unanswered, 'unanswered attempt')} of ${limit}${d.unanswered > limit ? ' (past the limit)' : ''}`,
    d.chaseDueOn ? `next chase due ${formatDay(d.chaseDueOn, today)}` : 'no chase due',
    contact.status,
  ];
  deps.io.out(
    [
      `${verb} touch ${touchHandle(id)} of ${safe(contact.name)}: ${brief(before)}${after ? ` -> ${brief(after)}` : ''}.`,
      `${safe(contact.name)} now: ${state.join('; ')}.`,
      'Take it back with: fu undo',
    ].join('\n') + '\n',
  );
}

export interface TouchEditOptions {
  note?: string;
  at?: string;
  outcome?: Outcome;
  via?: Channel;
  json?: boolean;
}

export async function runTouchEdit(idText: string, opts: TouchEditOptions, deps: Deps): Promise<void> {
  const id = idOfKind(deps.store, idText, 'touch');
  const changes: TouchChanges = {};
  if (opts.note !== undefined) changes.note = opts.note.trim() === '' ? null : requiredText('--note', opts.note, TEXT_LIMITS.free);
  if (opts.at !== undefined) changes.at = await whenHappened(deps, opts.at, '--at');
  if (opts.outcome !== undefined) changes.outcome = opts.outcome;
  if (opts.via !== undefined) changes.channel = opts.via;
  if (Object.keys(changes).length === 0) throw usageError('Nothing to change.', 'Give at least one of --note, --at, --outcome, --via.');
  render(editTouch(appContext(deps), id, changes), id, 'Corrected', opts.json, deps);
}

export function runTouchRm(idText: string, opts: { json?: boolean }, deps: Deps): void {
  const id = idOfKind(deps.store, idText, 'touch');
  render(removeTouch(appContext(deps), id), id, 'Removed', opts.json, deps);
}

const EDIT_EXAMPLES = [
  'fu touch edit t12 --note "asked for the security review"',
  'fu touch edit t12 --at "yesterday 4pm" --outcome voicemail',
  'fu touch edit t12 --via email',
];
const RM_EXAMPLES = ['fu touch rm t12'];

export function register(program: Command, app: App): void {
  const touch = program
    .command('touch')
    .summary('correct a logged touch')
    .description('Correct the history: change or remove a logged touch. The contact state is derived again from the corrected history.');
  const edit = touch
    .command('edit')
    .summary('change a logged touch')
    .description(
      "Change a logged touch: its note, when it happened, its outcome or its channel. The contact's state is derived again from the corrected history and printed; a correction is allowed even when the history then breaks a rule (the past happened).",
    )
    .argument('<id>', 'touch id (t12), as shown by fu show and fu log')
    .option('--note <text>', 'new note ("" to clear)')
    .option('--at <when>', 'when it happened (not in the future)')
    .addOption(new Option('--outcome <outcome>', 'what happened').choices(OUTCOMES))
    .addOption(new Option('--via <channel>', 'channel').choices(CHANNELS))
    .option('--json', 'print JSON for scripts')
    .action((id: string, opts: TouchEditOptions, command: Command) => runTouchEdit(id, opts, app.deps(command)));
  withExamples(edit, EDIT_EXAMPLES);
  const rm = touch
    .command('rm')
    .summary('remove a logged touch')
    .description(
      "Remove a touch logged by mistake (logged twice, on the wrong contact). The contact's state is derived again from the history left; fu undo brings it back.",
    )
    .argument('<id>', 'touch id (t12), as shown by fu show and fu log')
    .option('--json', 'print JSON for scripts')
    .action((id: string, opts: { json?: boolean }, command: Command) => runTouchRm(id, opts, app.deps(command)));
  withExamples(rm, RM_EXAMPLES);
  withExamples(touch, [...EDIT_EXAMPLES, ...RM_EXAMPLES]);
}
