/**
 * `fu stale [--limit N] [--json]`: who to re-engage, firm up or drop.
 *
 * --json (stable, documented in docs/commands.md):
 *   {
 *     "missed": [Row], "soft": [Row], "reEngage": [Row], "drop": [Row], "noNextStep": [Row],
 *     "summary": { "missed": n, "soft": n, "reEngage": n, "drop": n, "noNextStep": n },   every stale row, --limit or not
 *     "more": { "missed": n, ... }     per category, the rows --limit left out
 *   }
 *   Row:
 *     category         "missed" | "soft" | "re-engage" | "drop" | "no-next-step"
 *     contactId        number
 *     contact          the contact's name
 *     company          string | null
 *     status           "active" | "nurture"
 *     lastTouchAt      ISO-8601 with offset, or null (never contacted)
 *     lastTwoWayAt     ISO-8601 with offset, or null (never a conversation or reply)
 *     attemptsSince    unanswered attempts since the last two-way touch (or ever)
 *     attemptLimit     attempts.limit
 *     daysSilent       local days since anything was logged (since added, if nothing was)
 *     daysSinceTwoWay  local days since the last two-way touch (with none, since first known)
 *     commitment       missed and soft: { id, handle ("c12"), kind, what, dueAt, dueDate, soft }; else null
 *     why              the facts behind the category, in words
 *     command          the command to run next
 * Piped (not a terminal): one tab-separated line per row, no header, and on stderr what --limit left out:
 *   category  contactId  contact  company  lastTwoWayAt  attemptsSince  daysSilent  why  command
 * Every form shows at most --limit rows per category (default 25, 0 for all).
 */
import { commitmentHandle } from '../../domain/ids.js';
import type { Command } from 'commander';
import { stalePage } from '../../app/stale.js';
import { groupStale, STALE_CATEGORIES, type StaleCategory, type StaleRow } from '../../domain/stale.js';
import { plural } from '../../domain/text.js';
import { formatDay, isoWithOffset, localDateOf } from '../../domain/time.js';
import { appContext } from '../app-context.js';
import type { Deps } from '../io.js';
import { dueJson } from '../json.js';
import { staleCommand, staleWhy } from '../messages.js';
import { measureFor, outputMode, paint, printJson, renderTable, safe, tellHidden, tsvField, wrapWords } from '../output.js';
import { wholeNumber, withExamples, type App } from '../command-kit.js';
import { DEFAULT_LIMIT } from './today.js';

export interface StaleOptions {
  /** Rows per category, in every form of output; 0 = all. */
  limit: number;
  json?: boolean;
}

/** JSON keys: camelCase like every other field; the category value keeps the spec's word. */
const KEYS: Record<StaleCategory, string> = { missed: 'missed', soft: 'soft', 're-engage': 'reEngage', drop: 'drop', 'no-next-step': 'noNextStep' };

const HEADINGS: Record<StaleCategory, string> = {
  missed: 'Missed: an open commitment whose time has passed',
  soft: 'Soft: the next step has no time agreed',
  're-engage': 'Re-engage: warm, then given up too soon',
  drop: 'Drop: no answer, stop spending time',
  'no-next-step': 'No next step',
};

const SHOW_ALL = 'fu stale --limit 0';

export async function runStale(opts: StaleOptions, deps: Deps): Promise<void> {
  const { io, zone, now } = deps;
  const ctx = appContext(deps);
  const { config } = ctx;
  const page = stalePage(ctx, opts.limit);
  const mode = outputMode(io, opts.json);
  if (mode === 'tsv') {
    // A line a row, each joined flat: thousands of rows at 100k contacts, which stay in memory until written (a line
    // concatenated piece by piece is a chain of a dozen strings), made in a loop (a callback for each of them, through
    // map, costs more in a run this short). Only the texts a user typed (names, what was promised) are escaped: the rest
    // are fu's own words, numbers and instants.
    // Not printTsv, which escapes every field and appends to one string: 10 to 14 ms more on the whole list at 100k.
    const lines: string[] = [];
    for (const r of page.rows) {
      lines.push(
        [
          r.category,
          r.contactId,
          tsvField(r.contact),
          r.company === null ? '' : tsvField(r.company),
          r.lastTwoWayAt === null ? '' : isoWithOffset(r.lastTwoWayAt, zone, r.twoWaySince * 1000),
          r.attemptsSince,
          r.daysSilent,
          tsvField(staleWhy(r)),
          tsvField(staleCommand(r.action)),
        ].join('\t'),
      );
    }
    if (lines.length > 0) io.out(`${lines.join('\n')}\n`);
    // Every row shown falls in one category: what --limit left out is what the counts hold beyond them.
    tellHidden(io, STALE_CATEGORIES.reduce((n, k) => n + page.counts[k], 0) - page.rows.length, SHOW_ALL);
    return;
  }
  const groups = groupStale(page.rows);
  const iso = (at: string | null) => (at === null ? null : isoWithOffset(at, zone));
  const limited = STALE_CATEGORIES.map((k) => ({ k, shown: groups[k], more: page.counts[k] - groups[k].length }));

  if (mode === 'json') {
    const rowJson = (r: StaleRow) => ({
      category: r.category,
      contactId: r.contactId,
      contact: r.contact,
      company: r.company,
      status: r.status,
      lastTouchAt: iso(r.lastTouchAt),
      lastTwoWayAt: r.lastTwoWayAt === null ? null : isoWithOffset(r.lastTwoWayAt, zone, r.twoWaySince * 1000),
      attemptsSince: r.attemptsSince,
      attemptLimit: config.attemptsLimit,
      daysSilent: r.daysSilent,
      daysSinceTwoWay: r.daysSinceTwoWay,
      commitment: r.commitment && {
        id: r.commitment.id,
        handle: commitmentHandle(r.commitment.id),
        kind: r.commitment.kind,
        what: r.commitment.what,
        ...dueJson(r.commitment.due, zone),
        soft: r.commitment.soft,
      },
      why: staleWhy(r),
      command: staleCommand(r.action),
    });
    printJson(io, {
      ...Object.fromEntries(limited.map(({ k, shown }) => [KEYS[k], shown.map(rowJson)])),
      summary: Object.fromEntries(STALE_CATEGORIES.map((k) => [KEYS[k], page.counts[k]])),
      more: Object.fromEntries(limited.map(({ k, more }) => [KEYS[k], more])),
    });
    return;
  }
  if (page.rows.length === 0) {
    io.out('Nothing stale: every live contact has a firm next step or a chase running.\n');
    return;
  }

  const c = paint(io);
  const today = localDateOf(now, zone);
  const blocks: string[] = [];
  for (const { k, shown, more } of limited) {
    if (shown.length === 0) continue;
    const table = (
      await renderTable(
        io,
        [
          { header: 'ID' },
          { header: 'Contact', flex: true, min: 10 },
          { header: 'Company', flex: true, min: 8 },
          { header: 'Last two-way' },
          { header: 'Attempts' },
          { header: 'Silent' },
        ],
        shown.map((r) => [
          `#${r.contactId}`,
          r.contact,
          r.company ?? '',
          r.lastTwoWayAt ? formatDay(localDateOf(r.lastTwoWayAt, zone), today) : 'never',
          `${r.attemptsSince} of ${config.attemptsLimit}`,
          plural(r.daysSilent, 'day'),
        ]),
      )
    ).split('\n');
    // Under each row (the table has one line per row): why, wrapped between words
    // (it may name a command), and the command in full, since it is meant to be copied.
    const whys = shown.map((r) => safe(staleWhy(r)));
    const measure = await measureFor(whys);
    const lines = [
      table[0]!,
      ...shown.flatMap((r, i) => [
        table[i + 1]!,
        wrapWords(`    ${whys[i]!}`, Math.max(20, io.columns - 1), 4, measure),
        c.dim(`    $ ${safe(staleCommand(r.action))}`),
      ]),
    ];
    if (more > 0) lines.push(`and ${more} more (${SHOW_ALL})`);
    blocks.push(`${c.bold(`${HEADINGS[k]} (${page.counts[k]})`)}\n${lines.join('\n')}\n`);
  }
  const summary = STALE_CATEGORIES.map((k) => `${page.counts[k]} ${k}`).join(' · ');
  io.out(`${blocks.join('\n')}\n${c.bold('Stale:')} ${summary}.\n`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('stale')
    .summary('prospects to re-engage, firm up or drop')
    .description(
      'One row per live contact in the first category that applies: missed (an open commitment whose time has passed), soft (no time agreed), ' +
        're-engage (warm, then given up after 1 to L-1 attempts), drop (no answer after L attempts), no-next-step; with the facts and the command to run next.',
    )
    .option('--limit <n>', 'rows per category (terminal, piped and --json), 0 for all', wholeNumber(0), DEFAULT_LIMIT)
    .option('--json', 'print the rows as JSON for scripts')
    .action((opts: StaleOptions, command: Command) => runStale(opts, app.deps(command)));
  withExamples(cmd, ['fu stale', 'fu stale --limit 0', 'fu stale --json | jq -r ".reEngage[].command"']);
}
