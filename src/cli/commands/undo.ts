/** `fu undo [ID]`, `fu undo --list`: take back the last write, or see the writes that can be taken back. */
import type { Command } from 'commander';
import { undo, undoableWrites, type WriteSummary } from '../../app/undo.js';
import type { Config, Contact } from '../../domain/types.js';
import { commitmentHandle, handleOf, touchHandle } from '../../domain/ids.js';
import { formatDue, localDateOf } from '../../domain/time.js';
import { Exit, FuError, notFoundError, usageError } from '../../errors.js';
import { appContext } from '../app-context.js';
import { idOfKind } from '../ids.js';
import type { Deps } from '../io.js';
import { outputMode, printJson, printTsv, renderTable, safe } from '../output.js';
import { withExamples, wholeNumber, type App } from '../command-kit.js';

/** How many writes fu undo --list shows unless told. */
const LISTED = 10;

/** "call no-answer with Sam Okafor, Thu 26 Nov 10:00": the write in words. */
export function describeWrite(w: WriteSummary, deps: Pick<Deps, 'zone' | 'now'>): string {
  const today = localDateOf(deps.now, deps.zone);
  const names = w.contacts.map((c) => safe(c.name));
  const who = names[0] ?? 'nobody';
  const touch =
    w.touch &&
    `${w.touch.channel} ${w.touch.outcome} with ${safe(w.contacts.find((c) => c.id === w.touch!.contactId)?.name ?? who)}, ${formatDue({ at: w.touch.at }, deps.zone, today)}`;
  const step =
    w.commitment && `${w.commitment.kind === 'promise' ? 'promise' : 'next step'} ${commitmentHandle(w.commitment.id)} for ${who}: ${safe(w.commitment.what)}`;
  const corrected = w.touch && `touch ${touchHandle(w.touch.id)}: ${touch}`;
  switch (w.kind) {
    case 'log':
      return touch ?? `a touch with ${who}`;
    case 'next':
    case 'done':
    case 'cancel':
      return `${w.kind === 'next' ? 'next' : w.kind === 'done' ? 'done' : 'cancel'} of ${step ?? who}`;
    case 'add':
      return `adding ${who}`;
    case 'edit':
      return `the edit of ${who}`;
    case 'rm':
      return `removing ${who}`;
    case 'merge':
      return `merging ${names.slice(1).join(', ') || who} into ${who}`;
    case 'touch-edit':
      return `the edit of ${corrected ?? 'a touch'}`;
    case 'touch-rm':
      return `removing ${corrected ?? 'a touch'}`;
    case 'config':
      return `config ${w.settings.map((s) => `${s.key} = ${safe(s.value ?? '(default)')}`).join(', ')}`;
    case 'import':
      return `the import of ${w.contactsAdded} new contact${w.contactsAdded === 1 ? '' : 's'}${w.contacts.length > w.contactsAdded ? ` and ${w.contacts.length - w.contactsAdded} updated` : ''}`;
    case 'prep':
      return `the points prepared for ${who}`;
    case 'close':
      return `closing ${who} out`;
    case 'demo':
      return `the demo data (${w.contactsAdded} contacts)`;
  }
}

/** Where a contact stands after the undo: "Sam is back to attempt 1 of 3". */
function stateLine(c: Contact, config: Config, several: boolean): string {
  const first = safe(several ? c.name : c.name.split(/\s+/)[0] || c.name);
  if (c.derived.unanswered > 0 && (c.status === 'active' || c.status === 'nurture'))
    return `${first} is back to attempt ${c.derived.unanswered} of ${config.attemptsLimit}`;
  return `${first} is ${c.status}, with no attempt unanswered`;
}

function writeJson(w: WriteSummary, deps: Deps) {
  return { id: w.id, handle: handleOf('write', w.id), kind: w.kind, at: w.at, description: describeWrite(w, deps), contacts: w.contacts };
}

export interface UndoOptions {
  id?: string;
  list?: boolean;
  limit?: number;
  json?: boolean;
}

export async function runUndo(opts: UndoOptions, deps: Deps): Promise<void> {
  const { io } = deps;
  if (opts.list) {
    if (opts.id !== undefined) throw usageError('Give a write id or --list, not both.');
    const writes = undoableWrites(deps.store(), opts.limit ?? LISTED);
    const mode = outputMode(io, opts.json);
    if (mode === 'json')
      printJson(
        io,
        writes.map((w) => writeJson(w, deps)),
      );
    else if (mode === 'tsv')
      printTsv(
        io,
        writes.map((w) => [w.id, w.kind, w.at, describeWrite(w, deps)]),
      );
    else if (writes.length === 0) io.out('Nothing to undo.\n');
    else {
      const today = localDateOf(deps.now, deps.zone);
      const rows = writes.map((w) => [handleOf('write', w.id), w.kind, formatDue({ at: w.at }, deps.zone, today), describeWrite(w, deps)]);
      io.out((await renderTable(io, [{ header: 'Id' }, { header: 'Write' }, { header: 'When' }, { header: 'What', flex: true, min: 20 }], rows)) + '\n');
    }
    return;
  }
  let id: number | undefined;
  if (opts.id !== undefined) {
    id = idOfKind(deps.store, opts.id, 'write');
  }
  const ctx = appContext(deps);
  const result = undo(ctx, id);
  if (!result.ok) {
    switch (result.reason) {
      case 'nothing':
        throw new FuError(Exit.rule, 'There is nothing to undo.', 'A restore is not undone by fu undo: a backup is the way back from a restore.');
      case 'no-such-write':
        throw notFoundError(
          `No write has the id ${handleOf('write', result.id)} in the journal.`,
          'The writes that can be taken back are listed by fu undo --list.',
        );
      case 'already-undone':
        throw new FuError(Exit.rule, `${handleOf('write', result.write.id)} (${describeWrite(result.write, deps)}) was undone already.`);
      case 'changed-since':
        throw new FuError(
          Exit.rule,
          `Cannot undo ${handleOf('write', result.write.id)} (${describeWrite(result.write, deps)}): later writes changed the same records: ${result.later.map((w) => `${handleOf('write', w.id)} (${describeWrite(w, deps)})`).join('; ')}.`,
          'Undo those first (fu undo), or leave it.',
        );
    }
  }
  const config = deps.config();
  if (opts.json) {
    printJson(io, {
      undone: writeJson(result.write, deps),
      contacts: result.contacts.map((c) => ({ id: c.id, name: c.name, status: c.status, unanswered: c.derived.unanswered })),
    });
    return;
  }
  const states =
    result.write.kind === 'config' || result.write.kind === 'import' || result.write.kind === 'demo'
      ? []
      : result.contacts.map((c) => stateLine(c, config, result.contacts.length > 1));
  io.out(`Undid: ${describeWrite(result.write, deps)}${states.length ? `; ${states.join('; ')}` : ''}.\n`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('undo')
    .summary('take back the last write')
    .description(
      'Take back the last write (log, next, done, cancel, add, edit, rm, merge, touch edit, touch rm, config, import), or the write ID from fu undo --list. Repeat to walk further back. A write is refused when a later one changed the same records. A restore is not undone: a backup is the way back from it.',
    )
    .argument('[id]', 'a write id (w12), as shown by fu undo --list')
    .option('--list', 'show the last writes that can be taken back')
    .option('-n, --limit <n>', `how many writes --list shows (default ${LISTED})`, wholeNumber(1))
    .option('--json', 'print JSON for scripts')
    .action((id: string | undefined, opts: Omit<UndoOptions, 'id'>, command: Command) => runUndo({ ...opts, id }, app.deps(command)));
  withExamples(cmd, ['fu undo', 'fu undo --list', 'fu undo w12']);
}
