/** `fu done ID` and `fu cancel ID`: close an open commitment, keeping its history. */
import { dueInstant, formatDue, localDateOf, instantAt, addDays } from '../domain/time.js';
import type { Command } from 'commander';
import { notFoundError, usageError } from '../errors.js';
import { refreshDerived } from '../store/derived.js';
import type { Deps } from './io.js';
import { safe } from './output.js';
import { withExamples, type App } from './program.js';
import type { Zone } from '../domain/zone.js';

const KIND_WORDS = { 'next-step': 'next step', promise: 'promise', expectation: 'expected from them' } as const;

/** Kept late: a promise after its due time, a next step after its day. */
function isLate(kind: string, due: Parameters<typeof dueInstant>[0], now: string, dayEnd: string, zone: Zone): boolean {
  const deadline = kind !== 'next-step' ? dueInstant(due, dayEnd, zone) : instantAt(addDays('at' in due ? localDateOf(due.at, zone) : due.date, 1), '00:00', zone);
  return Date.parse(now) > Date.parse(deadline);
}

export function closeCommitment(idText: string, state: 'kept' | 'cancelled', deps: Deps): void {
  const m = /^#?(\d+)$/.exec(idText.trim());
  if (!m) throw usageError(`"${idText}" is not a commitment id.`, 'The ids are shown by fu today and fu show, e.g. fu done 12');
  const id = Number(m[1]);
  const store = deps.store();
  const config = deps.config();
  const result = store.transaction(() => {
    const c = store.commitment(id);
    if (!c) throw notFoundError(`No commitment has the id #${id}.`, 'The ids are shown by fu today and fu show.');
    if (c.state !== 'open') throw usageError(`#${id} is already closed (${c.state}).`);
    const late = state === 'kept' && isLate(c.kind, c.due, deps.now, config.dayEnd, deps.zone);
    store.closeCommitment(id, state, deps.now, null, late);
    refreshDerived(store, c.contactId, config, deps.zone);
    return { c, late, contact: store.contact(c.contactId)! };
  });
  const { c, late, contact } = result;
  const verb = state === 'kept' ? 'Done' : 'Cancelled';
  deps.io.out(
    `${verb} #${c.id} (${KIND_WORDS[c.kind]} for ${safe(contact.name)}): ${safe(c.what)}, due ${formatDue(c.due, deps.zone, localDateOf(deps.now, deps.zone))}${late ? ', kept late' : ''}.\n`,
  );
  if (c.kind === 'next-step' && !contact.nextStepId && (contact.status === 'active' || contact.status === 'nurture')) {
    deps.io.err(`${safe(contact.name)} has no next step now: book one with fu next ${contact.id} WHAT --at WHEN\n`);
  }
}

/** `fu done` and `fu cancel` differ only in the state they close with and their words. */
export function registerClose(program: Command, app: App, name: 'done' | 'cancel', texts: { summary: string; description: string; examples: string[] }): void {
  const cmd = program
    .command(name)
    .summary(texts.summary)
    .description(texts.description)
    .argument('<id>', 'commitment id, as shown by fu today and fu show')
    .action((id: string, _opts: object, command: Command) => closeCommitment(id, name === 'done' ? 'kept' : 'cancelled', app.deps(command)));
  withExamples(cmd, texts.examples);
}
