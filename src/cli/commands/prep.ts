/**
 * `fu prep CONTACT [--points TEXT]... [--json]`: the brief to read before the
 * call, one screen at 80 columns.
 *
 * --json (stable, documented in docs/commands.md): the Brief of
 * src/domain/prep.ts, times as ISO-8601 with offset, dues as dueAt/dueDate.
 */
import { commitmentHandle } from '../../domain/ids.js';
import type { Command } from 'commander';
import { briefOf, setCallPoints } from '../../app/call-points.js';
import type { Brief, BriefCommitment } from '../../domain/prep.js';
import { plural } from '../../domain/text.js';
import { dueDate, formatDay, formatDue, isoWithOffset, localDateOf, localTimeOf } from '../../domain/time.js';
import type { Due, Instant } from '../../domain/types.js';
import { usageError } from '../../errors.js';
import { appContext } from '../app-context.js';
import { collect, requiredText } from '../input.js';
import type { Deps } from '../io.js';
import { dueJson } from '../json.js';
import { measureFor, paint, printJson, safe, truncate } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { resolveContact } from '../resolve-contact.js';

export interface PrepOptions {
  contact: string;
  points: string[];
  json?: boolean;
}

export async function runPrep(opts: PrepOptions, deps: Deps): Promise<void> {
  const { io } = deps;
  const points = opts.points.map((p) => requiredText('--points', p));
  const ctx = appContext(deps);
  const contact = resolveContact(ctx.store, opts.contact);
  if (points.length > 0) {
    const set = setCallPoints(ctx, contact.id, points);
    if (!set.ok) throw usageError(`Prepare ${set.max} key points at most: a call has room for ${set.max}, and these are ${points.length}.`);
  }
  const brief = briefOf(ctx, contact.id);
  if (opts.json) printJson(io, briefJson(brief, deps));
  else io.out(await renderBrief(brief, deps));
}

function briefJson(b: Brief, { zone }: Pick<Deps, 'zone'>) {
  const iso = (at: Instant) => isoWithOffset(at, zone);
  const commitment = (c: BriefCommitment) => ({ id: c.id, handle: commitmentHandle(c.id), what: c.what, ...dueJson(c.due, zone), late: c.late });
  const touch = <T extends { at: Instant }>(t: T | null) => t && { ...t, at: iso(t.at) };
  return {
    contact: { id: b.who.id, name: b.who.name, company: b.who.company, source: b.who.source, status: b.who.status, tags: b.who.tags },
    story: { first: touch(b.story.first), lastTwoWay: touch(b.story.lastTwoWay), attemptsSince: b.story.attemptsSince.map((t) => touch(t)) },
    open: {
      promises: b.open.promises.map(commitment),
      expectations: b.open.expectations.map(commitment),
      nextStep: b.open.nextStep && { ...commitment(b.open.nextStep), soft: b.open.nextStep.soft },
    },
    agreed: b.agreed.map((a) => ({ kind: a.kind, what: a.what, ...dueJson(a.due, zone) })),
    proposal: b.proposal && { at: iso(b.proposal.at), note: b.proposal.note },
    points: b.points,
    close: {
      confirm: b.close.confirm && commitment(b.close.confirm),
      slots: b.close.slots.map(iso),
      smaller: b.close.smaller,
      opener: b.close.opener && commitment(b.close.opener),
    },
  };
}

/** The brief as text: every line cut to the terminal (80 columns when piped). */
export async function renderBrief(b: Brief, deps: Pick<Deps, 'io' | 'now' | 'zone'>): Promise<string> {
  const { io, now, zone } = deps;
  const c = paint(io);
  const today = localDateOf(now, zone);
  const day = (at: Instant) => formatDay(localDateOf(at, zone), today);
  const due = (d: Due) => formatDue(d, zone, today);
  const byDay = (d: Due) => formatDay(dueDate(d, zone), today);
  const item = (x: BriefCommitment, late: string) => `${commitmentHandle(x.id)} ${safe(x.what)}, by ${byDay(x.due)}${x.late ? ` (${late})` : ''}`;
  const width = Math.max(40, io.columns);
  // Lines, each marked bold or not, cut to the width once all are known (measureFor loads string-width only when needed).
  const out: [string, boolean][] = [];
  const line = (text: string) => out.push([text, false]);
  const field = (label: string, text: string) => line(`  ${label.padEnd(11)} ${text}`);
  const heading = (text: string) => out.push(['', false], [text, true]);

  const w = b.who;
  out.push([`#${w.id} ${safe(w.name)}${w.company ? ` · ${safe(w.company)}` : ''} · ${w.status}`, true]);
  const about = [w.source && `source: ${safe(w.source)}`, w.tags.length ? `tags: ${w.tags.map(safe).join(', ')}` : null].filter(Boolean).join(' · ');
  if (about) line(about);

  heading('Story so far');
  const s = b.story;
  field('First touch', s.first ? `${day(s.first.at)}, ${s.first.channel} ${s.first.outcome}` : 'none yet');
  field('Last talked', s.lastTwoWay ? `${day(s.lastTwoWay.at)}, ${s.lastTwoWay.channel}${s.lastTwoWay.note ? `: ${safe(s.lastTwoWay.note)}` : ''}` : 'never');
  field(
    'Since then',
    s.attemptsSince.length
      ? `${plural(s.attemptsSince.length, 'unanswered attempt')}: ${s.attemptsSince.map((t) => `${t.channel} ${day(t.at)}`).join(', ')}`
      : 'no unanswered attempt',
  );

  heading('Open both ways');
  const o = b.open;
  if (!o.promises.length && !o.expectations.length && !o.nextStep) line('  nothing open');
  for (const p of o.promises) field('You owe', item(p, 'missed'));
  for (const e of o.expectations) field('They owe', item(e, 'passed'));
  if (o.nextStep)
    field(
      'Next step',
      `${commitmentHandle(o.nextStep.id)} ${safe(o.nextStep.what)}, ${due(o.nextStep.due)}${o.nextStep.soft ? ' (soft: no time)' : ''}${o.nextStep.late ? ' (missed)' : ''}`,
    );

  heading('Last time');
  if (!s.lastTwoWay) line('  no conversation yet');
  else {
    field('Said', s.lastTwoWay.note ? safe(s.lastTwoWay.note) : '(no note)');
    const agreed = b.agreed.map(
      (a) =>
        `${a.kind === 'next-step' ? '' : a.kind === 'promise' ? 'you: ' : 'they: '}${safe(a.what)} (${a.kind === 'next-step' ? due(a.due) : byDay(a.due)})`,
    );
    field('Agreed', agreed.length ? agreed.join('; ') : 'nothing dated');
  }
  if (b.proposal) field('Proposal', `sent ${day(b.proposal.at)}${b.proposal.note ? `: ${safe(b.proposal.note)}` : ''}`);

  if (b.points.length) {
    heading('Key points for this call');
    for (const [i, p] of b.points.entries()) line(`  ${i + 1}. ${safe(p)}`);
  }

  heading('The close');
  const k = b.close;
  if (k.opener) field('Open with', `${safe(k.opener.what)} (due ${byDay(k.opener.due)}): where is it?`);
  if (k.confirm) {
    field('Confirm', `${commitmentHandle(k.confirm.id)} ${safe(k.confirm.what)}, ${due(k.confirm.due)}`);
    field('Then', 'agree the step after it, with a date and a time');
  } else field('Ask for', `the next step at ${k.slots.map((at) => `${day(at)} ${localTimeOf(at, zone)}`).join(' or ')}`);
  field('Not ready', `ask for the smaller step: ${k.smaller}`);
  const measure = await measureFor(out.map(([text]) => text));
  return `${out.map(([text, bold]) => (bold ? c.bold : String)(truncate(text, width, measure))).join('\n')}\n`;
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('prep')
    .summary('the brief before a call: story, open both ways, the close to ask for')
    .description(
      'The brief to read before a call, on one screen: who they are, the story so far, what is open both ways, what was agreed last time, ' +
        'the proposal, and the close (the next step to ask for, with two free slots; the smaller step if they are not ready). ' +
        '--points stores up to two key points for the call: shown here, and kept on the next touch you log.',
    )
    .argument('<contact>', 'id (#12), email, or name/company')
    .option('--points <text>', 'a key point for this call, from their side (at most 2)', collect, [])
    .option('--json', 'print the brief as JSON')
    .action((contact: string, opts: Omit<PrepOptions, 'contact'>, command: Command) => runPrep({ ...opts, contact }, app.deps(command)));
  withExamples(cmd, ['fu prep dana --points "two days a week lost to route planning" --points "a pilot the CFO can sign"', 'fu prep 3 --json']);
}
