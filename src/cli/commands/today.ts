/**
 * `fu today [--on DATE] [--limit N] [--json]`: the agenda of one day.
 *
 * --json (stable, documented in docs/commands.md):
 *   {
 *     "date": "YYYY-MM-DD",                 the agenda day
 *     "appointments": [Row], "overdue": [Row], "promises": [Row], "expected": [Row], "chases": [Row], "nurture": [Row],
 *     "summary": { "appointments": n, "overdue": n, "promises": n, "expected": n, "chases": n, "nurture": n },
 *                                           every row due, --limit or not
 *     "more": { "appointments": n, ... }     per section, the rows --limit left out
 *     "nextDate": "YYYY-MM-DD" | null       the first later day with anything due
 *   }
 *   Row:
 *     id          number: the commitment's id (fu done/cancel ID) or, for chases and nurture, the contact's
 *     idKind      "commitment" | "contact"
 *     handle      the id as shown and typed: "c12" for a commitment, "#12" for a contact (Ids, docs/rules.md)
 *     kind        "next-step" | "promise" | "expectation" | "chase" | "nurture"
 *     contactId   number
 *     contact     the contact's name
 *     company     string | null
 *     what        the step, the promise, "chase", "break-up message" or the value touch
 *     dueAt       ISO-8601 with offset, or null when due on a date without a time
 *     dueDate     YYYY-MM-DD, the local day it is due
 *     soft        true for a next step with no time agreed
 *     late        true when it is missed now (overdue, or a promise past its time today)
 *     attempt     chases: { "number": n, "limit": L, "breakUp": bool }; else null
 *     hint        chases: the suggestion to switch channel (R5); else, on a passed expectation and on its
 *                 contact's appointment or chase, what they were to do by then; else null
 *     why         why it is on the agenda, in words
 * Piped (not a terminal): one tab-separated line per row, no header, and on stderr what --limit left out:
 *   section  handle  contact  company  what  when (dueAt, else dueDate)  why
 * Every form shows at most --limit rows per section (default 25, 0 for all).
 */
import { handleOf } from '../../domain/ids.js';
import type { Command } from 'commander';
import { agendaOf, type DayAgenda } from '../../app/agenda.js';
import { agendaIsEmpty, SECTIONS, type AgendaRow, type ContactName, type SectionName } from '../../domain/agenda.js';
import { plural } from '../../domain/text.js';
import { daysBetween, dueDate, dueInstant, formatDay, localDateOf, localTimeOf } from '../../domain/time.js';
import type { Config, LocalDate } from '../../domain/types.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { dueJson } from '../json.js';
import { agendaCommand, agendaWhy } from '../messages.js';
import { outputMode, paint, printJson, printTsv, renderTable, safe, measureFor, tellHidden, wrapWords } from '../output.js';
import { wholeNumber, withExamples, type App } from '../command-kit.js';
import { lateness, relativeDays, relativeTime } from '../relative.js';
import { whenDate } from '../when-input.js';
import type { Zone } from '../../domain/zone.js';

export interface TodayOptions {
  on?: string;
  /** Rows per section, in every form of output; 0 = all. */
  limit: number;
  json?: boolean;
}

export const DEFAULT_LIMIT = 25;

const HEADINGS: Record<SectionName, string> = {
  appointments: 'Appointments',
  overdue: 'Overdue',
  promises: 'Promises due',
  expected: 'Expected from them',
  chases: 'Chases due',
  nurture: 'Nurture touches due',
};

const COUNT_WORDS: Record<SectionName, [string, string]> = {
  appointments: ['appointment', 'appointments'],
  overdue: ['overdue', 'overdue'],
  promises: ['promise', 'promises'],
  expected: ['expected', 'expected'],
  chases: ['chase', 'chases'],
  nurture: ['nurture', 'nurture'],
};

/** "Label: a · b · c." wrapped at the separators to fit the terminal (the label may carry colour codes). */
export function summaryLine(label: string, labelWidth: number, parts: string[], columns: number): string {
  const lines: string[] = [];
  let line = label;
  let width = labelWidth;
  parts.forEach((p, i) => {
    const text = `${i === 0 ? ' ' : ' · '}${p}${i === parts.length - 1 ? '.' : ''}`;
    if (i > 0 && width + text.length > columns - 1) {
      lines.push(`${line} ·`);
      line = `  ${p}${i === parts.length - 1 ? '.' : ''}`;
      width = line.length;
    } else {
      line += text;
      width += text.length;
    }
  });
  return [...lines, line].join('\n');
}

function rowJson(r: AgendaRow, who: ContactName, zone: Zone) {
  return {
    id: r.id,
    idKind: r.idKind,
    handle: handleOf(r.idKind, r.id),
    kind: r.kind,
    contactId: r.contactId,
    contact: who.name,
    company: who.company,
    what: r.what,
    ...dueJson(r.due, zone),
    soft: r.soft,
    late: r.late,
    attempt: r.attempt,
    hint: r.hint,
    why: agendaWhy(r),
  };
}

/** The command that shows every row of the same day. */
const showAll = (opts: Pick<TodayOptions, 'on'>, date: LocalDate) => `fu today${opts.on !== undefined ? ` --on ${date}` : ''} --limit 0`;

const whyWithHint = (r: AgendaRow) => (r.hint ? `${agendaWhy(r)}; ${r.hint}` : agendaWhy(r));

export async function runToday(opts: TodayOptions, deps: Deps): Promise<void> {
  const { io, zone, now } = deps;
  const date = opts.on !== undefined ? await whenDate(deps, opts.on) : localDateOf(now, zone);
  const ctx = appContext(deps);
  const { config } = ctx;
  const agenda = agendaOf(ctx, date, opts.limit);
  const who = (r: AgendaRow) => agenda.names.get(r.contactId)!;
  const mode = outputMode(io, opts.json);
  const limited = SECTIONS.map((s) => ({ s, shown: agenda.sections[s], more: agenda.counts[s] - agenda.sections[s].length }));

  if (mode === 'json') {
    const sections = Object.fromEntries(limited.map(({ s, shown }) => [s, shown.map((r) => rowJson(r, who(r), zone))]));
    const summary = Object.fromEntries(SECTIONS.map((s) => [s, agenda.counts[s]]));
    const more = Object.fromEntries(limited.map(({ s, more }) => [s, more]));
    printJson(io, { date, ...sections, summary, more, nextDate: agenda.nextDate });
    return;
  }
  if (mode === 'tsv') {
    printTsv(
      io,
      limited.flatMap(({ s, shown }) =>
        shown.map((r) => {
          const due = dueJson(r.due, zone);
          return [s, handleOf(r.idKind, r.id), who(r).name, who(r).company, r.what, due.dueAt ?? due.dueDate, whyWithHint(r)];
        }),
      ),
    );
    tellHidden(
      io,
      limited.reduce((n, l) => n + l.more, 0),
      showAll(opts, agenda.date),
    );
    return;
  }
  io.out(await renderAgenda(agenda, opts, deps, config));
}

/** The terminal rendering: a table per non-empty section, then the summary; or one friendly line. */
export async function renderAgenda(
  agenda: DayAgenda,
  opts: Pick<TodayOptions, 'on'>,
  deps: Pick<Deps, 'io' | 'now' | 'zone'>,
  config: Config,
): Promise<string> {
  const { io, now, zone } = deps;
  const c = paint(io);
  const today = localDateOf(now, zone);
  const day = agenda.date === today ? 'Today' : formatDay(agenda.date, today);

  if (agendaIsEmpty(agenda)) {
    const next = agenda.nextDate
      ? ` Next thing due: ${formatDay(agenda.nextDate, today)} (${relativeDays(agenda.nextDate, today)}).`
      : ' Nothing is booked after it either: see fu stale for who to contact.';
    return `Nothing due ${agenda.date === today ? 'today' : `on ${formatDay(agenda.date, today)}`}.${next}\n`;
  }

  const when = (r: AgendaRow): string => {
    if (r.kind === 'chase' || r.kind === 'nurture') {
      // A chase does not expire: one due days ago is that late.
      const dueDay = dueDate(r.due, zone);
      const late = daysBetween(dueDay, today);
      return late > 0 ? `${plural(late, 'day')} late` : relativeDays(dueDay, today);
    }
    if (r.kind === 'next-step' && 'date' in r.due) return r.late ? lateness(dueInstant(r.due, config.dayEnd, zone), now, zone) : 'no time (soft)';
    const at = dueInstant(r.due, config.dayEnd, zone);
    const rel = r.late ? lateness(at, now, zone) : relativeTime(at, now, zone);
    return r.late && localDateOf(at, zone) !== agenda.date ? rel : `${localTimeOf(at, zone)}, ${rel}`;
  };

  const blocks: string[] = [];
  for (const s of SECTIONS) {
    const shown = agenda.sections[s];
    const count = agenda.counts[s];
    if (count === 0) continue;
    const more = count - shown.length;
    const heading = `${HEADINGS[s]} (${count})`;
    let block = `${s === 'overdue' ? c.red.bold(heading) : c.bold(heading)}\n`;
    const measure = await measureFor(shown.map((r) => r.hint ?? ''));
    const table = (
      await renderTable(
        io,
        [
          { header: 'ID' },
          { header: 'Contact', flex: true, min: 10 },
          { header: 'Company', flex: true, min: 8, optional: true },
          { header: 'What', flex: true, min: 12 },
          { header: 'When' },
          { header: 'Why', flex: true, min: 10 },
        ],
        shown.map((r) => {
          const who = agenda.names.get(r.contactId)!;
          return [handleOf(r.idKind, r.id), who.name, who.company ?? '', r.what, when(r), r.why];
        }),
      )
    ).split('\n');
    // What the seller must act on is never cut by the table: the channel hint and the command get their own lines under the row.
    block += [
      table[0]!,
      ...shown.flatMap((r, i) => [
        table[i + 1]!,
        ...(r.hint ? [wrapWords(`    ${safe(r.hint)}`, Math.max(20, io.columns - 1), 4, measure)] : []),
        ...(agendaCommand(r) ? [c.dim(`    $ ${agendaCommand(r)}`)] : []),
      ]),
    ].join('\n');
    if (more > 0) block += `\nand ${more} more (${showAll(opts, agenda.date)})`;
    blocks.push(`${block}\n`);
  }
  // What they were to do is counted only when there is some: the line stays one line at 80 columns.
  const counts = SECTIONS.filter((s) => s !== 'expected' || agenda.counts[s] > 0).map((s) => plural(agenda.counts[s], ...COUNT_WORDS[s]));
  return `${blocks.join('\n')}\n${summaryLine(c.bold(`${day}:`), `${day}:`.length, counts, io.columns)}\n`;
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('today')
    .summary('the agenda: appointments, overdue, promises, expected from them, chases, nurture')
    .description(
      'The agenda of a day: appointments, overdue commitments, promises due, what they said they would do by then (expected from them), chases due (the break-up labelled) and nurture touches due. ' +
        'Ids are the commitment (c12: fu done c12) or, for chases and nurture, the contact (#12: fu log 12).',
    )
    .option('--on <date>', 'another day than today, e.g. tomorrow, fri, 2026-12-01')
    .option('--limit <n>', 'rows per section (terminal, piped and --json), 0 for all', wholeNumber(0), DEFAULT_LIMIT)
    .option('--json', 'print the rows as JSON for scripts')
    .action((opts: TodayOptions, command: Command) => runToday(opts, app.deps(command)));
  withExamples(cmd, ['fu today', 'fu today --on tomorrow', 'fu today --limit 0', 'fu today --json | jq -r ".overdue[].handle"']);
}
