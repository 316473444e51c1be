/**
 * `fu stats [--since WHEN] [--until WHEN] [--json]`: your own numbers over a
 * period (default: the last twelve weeks), each with its count. Never anyone
 * else's figures. The weekly chart is drawn on a terminal only.
 *
 * --json (stable, documented in docs/commands.md): the Stats object of
 * src/domain/stats.ts, field for field.
 */
import type { Command } from 'commander';
import { statsOf } from '../../app/stats.js';
import { defaultPeriod, type Share, type Stats } from '../../domain/stats.js';
import { plural } from '../../domain/text.js';
import { daysBetween, formatDay, localDateOf } from '../../domain/time.js';
import { parseWhen } from '../../domain/when.js';
import { usageError } from '../../errors.js';
import type { Deps } from '../io.js';
import { paint, printJson, safe } from '../output.js';
import { appContext } from '../app-context.js';
import { withExamples, type App } from '../command-kit.js';

export interface StatsOptions {
  since?: string;
  until?: string;
  json?: boolean;
}

/** A day of the period: weekdays and "monday" read backward, as the period is behind you. */
async function periodDay(deps: Deps, flag: string, text: string): Promise<string> {
  const date = (await parseWhen(text, deps.now, deps.zone, { direction: 'backward' })).date;
  if (date > localDateOf(deps.now, deps.zone)) throw usageError(`${flag} "${text}" is in the future: your numbers are about what has happened.`);
  return date;
}

export async function runStats(opts: StatsOptions, deps: Deps): Promise<void> {
  const { io, now, zone } = deps;
  const today = localDateOf(now, zone);
  const fallback = defaultPeriod(opts.until !== undefined ? await periodDay(deps, '--until', opts.until) : today);
  const period = { since: opts.since !== undefined ? await periodDay(deps, '--since', opts.since) : fallback.since, until: fallback.until };
  if (period.since > period.until) throw usageError(`--since ${period.since} is after --until ${period.until}: give the earlier day first.`);
  const stats = statsOf(appContext(deps), period);
  if (opts.json) {
    printJson(io, stats);
    return;
  }
  io.out(renderStats(stats, today, deps));
}

const pct = (s: Share) => (s.rate === null ? '' : ` (${Math.round(s.rate * 100)}%)`);
const dots = (pairs: [string, number][]) => pairs.map(([label, n]) => `${label} ${n}`).join(' · ');

/** A bar of `value` out of `max` in `width` cells, in eighths of a block. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1] : '');
}

export function renderStats(s: Stats, today: string, deps: Pick<Deps, 'io'>): string {
  const { io } = deps;
  const c = paint(io);
  const days = daysBetween(s.since, s.until) + 1;
  const lines: string[] = [c.bold(`Your numbers, ${formatDay(s.since, today)} to ${formatDay(s.until, today)} (${plural(days, 'day')})`), ''];
  const q = s.sequences;
  const row = (label: string, text: string | number) => `  ${label.padEnd(26)} ${text}`;
  lines.push(c.bold('Sequences of attempts, by how they ended'));
  for (const r of q.repliedAfter) lines.push(row(`reply after attempt ${r.attempt}`, r.count));
  lines.push(row('break-up sent, no reply', q.breakUp));
  for (const g of q.givenUpAfter) lines.push(row(`given up after ${plural(g.attempts, 'attempt')}`, g.count));
  lines.push('', c.bold('Replies to your attempts'));
  if (s.replyRate.byChannel.length === 0) lines.push('  no unanswered attempt in the period');
  for (const r of s.replyRate.byChannel) lines.push(row(`by ${r.channel}`, `${r.count} of ${r.of}${pct(r)}`));
  for (const r of s.replyRate.byAttempt) lines.push(row(`to attempt ${r.attempt}`, `${r.count} of ${r.of}${pct(r)}`));
  const v = s.conversations;
  const head = (label: string) => c.bold(label.padEnd(20));
  lines.push(
    '',
    `${head(`Conversations (${v.total})`)} ${dots([
      ['firm next step', v.firm],
      ['soft', v.soft],
      ['closed out', v.closed],
      ['none', v.none],
    ])}`,
    `${head('Next steps')} ${dots([
      ['kept', s.nextSteps.kept],
      ['missed', s.nextSteps.missed],
      ['rescheduled', s.nextSteps.rescheduled],
    ])}`,
    `${head('Promises')} ${dots([
      ['on time', s.promises.onTime],
      ['late', s.promises.late],
      ['missed', s.promises.missed],
    ])}`,
    `${head('Expected from them')} ${dots([
      ['met', s.expectations.met],
      ['met late', s.expectations.metLate],
      ['not met', s.expectations.notMet],
    ])}`,
    `${head('Overrides (--force)')} ${s.overrides.length ? dots(s.overrides.map((o) => [o.rule, o.count])) : 'none'}`,
    `${head('Won and lost')} won ${s.outcomes.won} · lost ${s.outcomes.lost}`,
  );
  for (const r of s.outcomes.lostReasons) lines.push(row(`  ${safe(r.reason ?? 'no reason given')}`, r.count));
  // The chart is for the eye: piped, the numbers above are what a script wants (or --json).
  if (io.stdoutIsTTY && s.weekly.length > 0) {
    const max = Math.max(...s.weekly.map((w) => w.touches));
    const width = Math.max(10, Math.min(50, io.columns - 24));
    lines.push('', c.bold('Touches per week'));
    for (const w of s.weekly) lines.push(`  ${formatDay(w.week, today).slice(4).padEnd(6)}  ${String(w.touches).padStart(4)}  ${bar(w.touches, max, width)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('stats')
    .summary('your own numbers: replies by attempt and channel, steps and promises kept')
    .description(
      'Your own numbers over a period (default: the last 12 weeks), each with its count: how your sequences of attempts ended, reply rates by channel and attempt, ' +
        'conversations that ended with a firm next step, next steps and promises kept, what they said they would do and did, overrides, won and lost. ' +
        'On a terminal, a weekly chart of your touches.',
    )
    .option('--since <when>', 'first day of the period, e.g. 2026-09-01, "4 weeks ago"')
    .option('--until <when>', 'last day of the period (default today)')
    .option('--json', 'print every figure as JSON')
    .action((opts: StatsOptions, command: Command) => runStats(opts, app.deps(command)));
  withExamples(cmd, ['fu stats --since 2026-09-01 --until 2026-09-30', 'fu stats --json | jq .replyRate']);
}
