import type { Command } from 'commander';
import { calendarEvents } from '../../app/calendar.js';
import { plural } from '../../domain/text.js';
import { appContext } from '../app-context.js';
import { icsText } from '../ics.js';
import type { Deps } from '../io.js';
import { withExamples, type App } from '../command-kit.js';
import { writeOut } from '../write-file.js';

export async function runCalendar(opts: { out?: string }, deps: Deps): Promise<void> {
  const events = calendarEvents(appContext(deps));
  const where = await writeOut(deps, opts.out, icsText(events, { now: deps.now, zone: deps.zone, name: 'fu: next steps and promises' }));
  if (where !== 'stdout') deps.io.err(`Wrote ${plural(events.length, 'event')} to ${where}.\n`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('calendar')
    .summary('your open next steps and promises as an iCalendar file')
    .description(
      'Write your open next steps (30-minute events; soft ones as all-day entries) and promises (at their due time) as iCalendar. ' +
        'Each keeps its UID, so a calendar that reads the file again updates its events; done and cancelled ones drop out. ' +
        'Subscribe your calendar to the file and rewrite it from cron (see the README).',
    )
    .option('--out <path>', 'the .ics file (rewritten whole); default: stdout')
    .action((opts: { out?: string }, command: Command) => runCalendar(opts, app.deps(command)));
  withExamples(cmd, ['fu calendar --out ~/Calendars/fu.ics', 'fu calendar > agenda.ics']);
}
