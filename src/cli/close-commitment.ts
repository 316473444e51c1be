/** `fu done ID` and `fu cancel ID`: close an open commitment, keeping its history. */
import type { Command } from 'commander';
import { closeCommitment as close } from '../app/close-commitment.js';
import { commitmentHandle } from '../domain/ids.js';
import { formatDue, localDateOf } from '../domain/time.js';
import { notFoundError, usageError } from '../errors.js';
import { appContext } from './app-context.js';
import { idOfKind } from './ids.js';
import type { Deps } from './io.js';
import { safe } from './output.js';
import { withExamples, type App } from './command-kit.js';

const KIND_WORDS = { 'next-step': 'next step', promise: 'promise', expectation: 'expected from them' } as const;

export function closeCommitment(idText: string, state: 'kept' | 'cancelled', deps: Deps): void {
  const id = idOfKind(deps.store, idText, 'commitment');
  const result = close(appContext(deps), id, state);
  if (!result.ok) {
    throw result.reason === 'not-found'
      ? notFoundError(`No commitment has the id ${commitmentHandle(id)}.`, 'The ids are shown by fu today and fu show.')
      : usageError(`${commitmentHandle(id)} is already closed (${result.state}).`);
  }
  const { commitment: c, late, contact } = result;
  const verb = state === 'kept' ? 'Done' : 'Cancelled';
  deps.io.out(
    `${verb} ${commitmentHandle(c.id)} (${KIND_WORDS[c.kind]} for ${safe(contact.name)}): ${safe(c.what)}, due ${formatDue(c.due, deps.zone, localDateOf(deps.now, deps.zone))}${late ? ', kept late' : ''}.\n`,
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
    .argument('<id>', 'commitment id (c12), as shown by fu today and fu show')
    .action((id: string, _opts: object, command: Command) => closeCommitment(id, name === 'done' ? 'kept' : 'cancelled', app.deps(command)));
  withExamples(cmd, texts.examples);
}
