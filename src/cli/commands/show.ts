import { commitmentHandle, touchHandle } from '../../domain/ids.js';
import type { Command } from 'commander';
import { contactDetails } from '../../app/reads.js';
import { effectiveState } from '../../domain/commitments.js';
import { plural } from '../../domain/text.js';
import { daysBetween, formatDay, formatDue, isoWithOffset, localDateOf } from '../../domain/time.js';
import type { Commitment, LocalDate, Touch } from '../../domain/types.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { commitmentJson, contactJson, decisionJson, dueJson, touchJson } from '../json.js';
import { measureFor, outputMode, paint, printJson, safe, wrapWords } from '../output.js';
import { withExamples, type App } from '../command-kit.js';
import { relativeTime } from '../relative.js';
import { resolveContact } from '../resolve-contact.js';

export interface ShowOptions {
  contact: string;
  json?: boolean;
}

type Event = { at: string; order: number; line: string };

export async function runShow(opts: ShowOptions, deps: Deps): Promise<void> {
  const { io, zone, now } = deps;
  const ctx = appContext(deps);
  const { config } = ctx;
  const {
    contact,
    tags,
    touches,
    commitments,
    decisions,
    nextStep,
    history,
    forced,
    points,
    pendingPoints: pending,
  } = contactDetails(ctx, resolveContact(ctx.store, opts.contact).id);
  const forcedOf = (t: Touch) => forced.get(t.id) ?? [];

  if (outputMode(io, opts.json) === 'json') {
    printJson(io, {
      ...contactJson(contact, tags, nextStep, ctx),
      touches: touches.map((t) => ({ ...touchJson(t, forcedOf(t), zone), points: points.get(t.id) ?? [] })),
      pendingPoints: pending,
      decisions: decisions.map((d) => decisionJson(d, zone)),
      commitments: commitments.map((c) => ({
        ...commitmentJson(c, ctx),
        history: (history.get(c.id) ?? []).map((m) => ({
          movedAt: isoWithOffset(m.movedAt, zone),
          what: m.oldWhat,
          ...dueJson(m.oldDue, zone),
          soft: m.oldSoft,
        })),
      })),
    });
    return;
  }

  const today = localDateOf(now, zone);
  // What they were to do is not missed by you: it has passed.
  const state = (c: Commitment) => {
    const s = effectiveState(c, now, today, config, zone);
    return c.kind === 'expectation' && s === 'missed' ? 'passed' : s;
  };
  const events: Event[] = [
    ...touches.map((t) => ({
      at: t.at,
      order: 0,
      line: `touch ${touchHandle(t.id)} ${t.channel} ${t.outcome}${t.proposal ? ', proposal sent' : ''}${t.value ? `, value: ${safe(t.value)}` : ''}${t.until ? `, away until ${t.until}` : ''}${t.disposition ? `, marked ${t.disposition}${t.lostReason ? ` (${safe(t.lostReason)})` : ''}` : ''}${forcedOf(t).length ? ` [forced past ${forcedOf(t).join(', ')}]` : ''}${t.note ? `: ${safe(t.note)}` : ''}${
        points.has(t.id)
          ? ` (points made: ${points
              .get(t.id)!
              .map((p) => safe(p))
              .join('; ')})`
          : ''
      }`,
    })),
    ...decisions.map((d) => ({
      at: d.at,
      order: 0,
      line: `closed out, no touch: marked ${d.kind}${d.lostReason ? ` (${safe(d.lostReason)})` : ''}`,
    })),
    ...commitments.map((c) => ({
      at: c.createdAt,
      order: 1,
      line: `${c.kind} ${commitmentHandle(c.id)}: ${safe(c.what)}, ${formatDue(c.due, zone, today)}${c.soft ? ' (soft)' : ''} [${state(c)}${c.late ? ', late' : ''}]${(history.get(c.id) ?? []).map((m) => `, moved from ${formatDue(m.oldDue, zone, today)}`).join('')}`,
    })),
  ].sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));

  // Piped, the same text without colour and with absolute times only.
  const ago = (at: string) => (io.stdoutIsTTY ? ` (${relativeTime(at, now, zone)})` : '');
  const c = paint(io);
  const d = contact.derived;
  // A due day already past says how late it is: "Sun 15 Feb, 15 days late".
  const dueDay = (date: LocalDate) => `${formatDay(date, today)}${date < today ? `, ${plural(daysBetween(date, today), 'day')} late` : ''}`;
  const lines = [
    c.bold(`#${contact.id} ${safe(contact.name)}`) + `${contact.company ? ` · ${safe(contact.company)}` : ''} · ${contact.status}`,
    [contact.email, contact.phone, contact.source && `source: ${contact.source}`, tags.length ? `tags: ${tags.join(', ')}` : null]
      .filter(Boolean)
      .map((x) => safe(x))
      .join(' · '),
    contact.note ? `Note: ${safe(contact.note)}` : '',
    `${plural(touches.length, 'touch', 'touches')} · ${plural(d.unanswered, 'unanswered attempt')} of ${config.attemptsLimit}` +
      ` · last two-way: ${d.lastTwoWayAt ? `${formatDue({ at: d.lastTwoWayAt }, zone, today)}${ago(d.lastTwoWayAt)}` : 'never'}`,
    nextStep
      ? `Next step ${commitmentHandle(nextStep.id)}: ${safe(nextStep.what)}, ${formatDue(nextStep.due, zone, today)}${nextStep.soft ? ' (soft)' : ''} [${state(nextStep)}]`
      : 'No next step.',
    d.chaseDueOn ? `Next chase due ${dueDay(d.chaseDueOn)}.` : '',
    d.nurtureDueOn ? `Next value touch due ${dueDay(d.nurtureDueOn)}.` : '',
  ].filter(Boolean);
  const promises = commitments.filter((p) => p.kind === 'promise' && p.state === 'open');
  for (const p of promises) lines.push(`Promise ${commitmentHandle(p.id)}: ${safe(p.what)}, by ${formatDue(p.due, zone, today)} [${state(p)}]`);
  for (const e of commitments.filter((x) => x.kind === 'expectation' && x.state === 'open')) {
    lines.push(`Expected from them ${commitmentHandle(e.id)}: ${safe(e.what)}, by ${formatDue(e.due, zone, today)} [${state(e)}]`);
  }
  if (pending.length) lines.push(`Points for the next call: ${pending.map((p) => safe(p)).join('; ')}`);
  lines.push('', c.bold('Timeline'));
  if (events.length === 0) lines.push(`  Nothing logged yet. Log the first touch with: fu log ${contact.id} --outcome OUTCOME`);
  for (const e of events) lines.push(`  ${formatDue({ at: e.at }, zone, today)}  ${e.line}`);
  if (!io.stdoutIsTTY) {
    io.out(lines.join('\n') + '\n');
    return;
  }
  // On a terminal, long lines wrap between words; a timeline entry's continuation lines hang under its text.
  const measure = await measureFor(lines);
  const hang = (line: string) => (line.startsWith('  ') ? line.indexOf('  ', 2) + 2 : 2);
  io.out(lines.map((l) => wrapWords(l, Math.max(20, io.columns - 1), hang(l), measure)).join('\n') + '\n');
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('show')
    .summary('a contact: profile, status, counts, timeline')
    .description('Show a contact: profile, status, counts, open commitments and the timeline of touches and commitments.')
    .argument('<contact>', 'id (#12), email, or name/company')
    .option('--json', 'print JSON for scripts')
    .action((contact: string, opts: Omit<ShowOptions, 'contact'>, command: Command) => runShow({ ...opts, contact }, app.deps(command)));
  withExamples(cmd, ['fu show dana', 'fu show 12 --json']);
}
