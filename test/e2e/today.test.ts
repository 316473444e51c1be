import { afterEach, describe, expect, it } from 'vitest';
import { runToday, summaryLine } from '../../src/cli/commands/today.js';
import { bufferIO } from '../../src/cli/io.js';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { BIN, runProgram, session, storeDeps } from '../helpers.js';

const TZ = 'Europe/Paris'; // UTC+1 in November: offsets show in ISO times.
const MONDAY = '2026-11-23T08:00:00Z'; // Mon 23 Nov, 09:00 in Paris.
const WEEK_LATER = '2026-11-30T08:00:00Z';

type Run = ReturnType<typeof session>;

async function ok(run: Run, ...args: string[]) {
  const r = await run(...args);
  expect(r.code, `fu ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/**
 * The scripted history, with real commands at a moving clock. On Monday 23 Nov:
 * Dana's demo at 15:00 (appointment), Sam's pricing promised for Fri (overdue),
 * Lee's second attempt (chase), Kim's third (the break-up, after two calls),
 * Pat's value touch (nurture); Erin's contract review is on Tuesday.
 */
async function mondayHistory(): Promise<Run> {
  const run = session({ now: '2026-10-24T09:00:00Z', tz: TZ });
  // Every day worked: the history is spaced in calendar days.
  await ok(run, 'config', 'day.workdays', 'mon-sun');
  await ok(run, 'add', 'Pat Lane', '--company', 'Globex'); // #1
  await ok(run, 'log', 'pat', '--outcome', 'connected', '--nurture');
  await ok(run.at('2026-11-17T09:00:00Z'), 'add', 'Kim Park', '--company', 'Initech'); // #2
  await ok(run, 'log', 'kim', '--outcome', 'no-answer');
  await ok(run.at('2026-11-18T09:00:00Z'), 'add', 'Sam Okafor', '--company', 'Brightline'); // #3
  await ok(
    run,
    'log',
    'sam',
    '--outcome',
    'connected',
    '--next',
    'review the quote',
    '--at',
    '2026-11-26 11:00',
    '--promise',
    'send the pricing',
    '--by',
    '2026-11-20 17:00',
  );
  await ok(run.at('2026-11-19T09:00:00Z'), 'add', 'Dana Reyes', '--company', 'Acme'); // #4
  await ok(run, 'log', 'dana', '--outcome', 'connected', '--next', 'demo to the team', '--at', '2026-11-23 15:00');
  await ok(run, 'add', 'Erin Cho', '--company', 'Umbrella'); // #5
  await ok(run, 'log', 'erin', '--outcome', 'connected', '--next', 'contract review', '--at', '2026-11-24 10:00');
  await ok(run.at('2026-11-20T09:00:00Z'), 'add', 'Lee Wong', '--company', 'Hooli'); // #6
  await ok(run, 'log', 'lee', '--outcome', 'no-answer');
  await ok(run, 'log', 'kim', '--outcome', 'voicemail');
  run.at(MONDAY);
  return run;
}

interface Row {
  id: number;
  idKind: string;
  handle: string;
  kind: string;
  contactId: number;
  contact: string;
  company: string | null;
  what: string;
  dueAt: string | null;
  dueDate: string;
  soft: boolean;
  late: boolean;
  attempt: { number: number; limit: number; breakUp: boolean } | null;
  hint: string | null;
  why: string;
}
interface TodayJson {
  date: string;
  appointments: Row[];
  overdue: Row[];
  promises: Row[];
  chases: Row[];
  nurture: Row[];
  summary: Record<string, number>;
  nextDate: string | null;
}

const ids = (rows: Row[]) => rows.map((r) => r.id);

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** runToday on a terminal of `columns`, over the session's real database. */
async function onTerminal(run: Run, now: string, opts: { on?: string; limit?: number } = {}, columns = 80): Promise<string> {
  const store = new Store(openDatabase(run.db));
  stores.push(store);
  const io = bufferIO({ stdoutIsTTY: true, columns });
  await runToday({ limit: 25, ...opts }, storeDeps(store, io, now, TZ));
  expect(io.stderr).toEqual([]);
  return io.stdout.join('');
}

describe('fu today: the agenda of a Monday', () => {
  it('lists the appointment, the overdue promise, both chases and the nurture touch, field by field; not Tuesday', async () => {
    const run = await mondayHistory();
    const today = await run.json<TodayJson>('today');
    expect(today.date).toBe('2026-11-23');
    expect(today.summary).toEqual({ appointments: 1, overdue: 1, promises: 0, expected: 0, chases: 2, nurture: 1 });
    expect(today.nextDate).toBe('2026-11-24');
    expect(today.appointments).toEqual([
      {
        id: 3,
        idKind: 'commitment',
        handle: 'c3',
        kind: 'next-step',
        contactId: 4,
        contact: 'Dana Reyes',
        company: 'Acme',
        what: 'demo to the team',
        dueAt: '2026-11-23T15:00:00+01:00',
        dueDate: '2026-11-23',
        soft: false,
        late: false,
        attempt: null,
        hint: null,
        why: 'fu prep 4; next step',
      },
    ]);
    expect(today.overdue).toEqual([
      {
        id: 2,
        idKind: 'commitment',
        handle: 'c2',
        kind: 'promise',
        contactId: 3,
        contact: 'Sam Okafor',
        company: 'Brightline',
        what: 'send the pricing',
        dueAt: '2026-11-20T17:00:00+01:00',
        dueDate: '2026-11-20',
        soft: false,
        late: true,
        attempt: null,
        hint: null,
        why: 'promise not kept yet',
      },
    ]);
    expect(today.promises).toEqual([]);
    expect(today.chases).toEqual([
      {
        id: 2,
        idKind: 'contact',
        handle: '#2',
        kind: 'chase',
        contactId: 2,
        contact: 'Kim Park',
        company: 'Initech',
        what: 'break-up message',
        dueAt: null,
        dueDate: '2026-11-23',
        soft: false,
        late: false,
        attempt: { number: 3, limit: 3, breakUp: true },
        hint: '2 unanswered by call in a row: try another channel or a mutual introduction',
        why: 'fu draft 2 --breakup; attempt 3 of 3; last: call Fri 20 Nov',
      },
      {
        id: 6,
        idKind: 'contact',
        handle: '#6',
        kind: 'chase',
        contactId: 6,
        contact: 'Lee Wong',
        company: 'Hooli',
        what: 'chase',
        dueAt: null,
        dueDate: '2026-11-23',
        soft: false,
        late: false,
        attempt: { number: 2, limit: 3, breakUp: false },
        hint: null,
        why: 'fu prep 6; attempt 2 of 3; last: call Fri 20 Nov',
      },
    ]);
    expect(today.nurture).toEqual([
      {
        id: 1,
        idKind: 'contact',
        handle: '#1',
        kind: 'nurture',
        contactId: 1,
        contact: 'Pat Lane',
        company: 'Globex',
        what: 'value touch',
        dueAt: null,
        dueDate: '2026-11-23',
        soft: false,
        late: false,
        attempt: null,
        hint: null,
        why: 'nurture, last touch Sat 24 Oct',
      },
    ]);
    // Erin's Tuesday appointment (#4) appears nowhere on Monday...
    expect(JSON.stringify(today)).not.toContain('Erin');
    // ...and is Tuesday's only appointment.
    expect(ids((await run.json<TodayJson>('today', '--on', 'tomorrow')).appointments)).toEqual([4]);
  });

  it('prints every row as tab-separated values with ISO times when piped', async () => {
    const run = await mondayHistory();
    expect((await ok(run, 'today')).stdout).toBe(
      [
        'appointments\tc3\tDana Reyes\tAcme\tdemo to the team\t2026-11-23T15:00:00+01:00\tfu prep 4; next step',
        'overdue\tc2\tSam Okafor\tBrightline\tsend the pricing\t2026-11-20T17:00:00+01:00\tpromise not kept yet',
        'chases\t#2\tKim Park\tInitech\tbreak-up message\t2026-11-23\tfu draft 2 --breakup; attempt 3 of 3; last: call Fri 20 Nov; 2 unanswered by call in a row: try another channel or a mutual introduction',
        'chases\t#6\tLee Wong\tHooli\tchase\t2026-11-23\tfu prep 6; attempt 2 of 3; last: call Fri 20 Nov',
        'nurture\t#1\tPat Lane\tGlobex\tvalue touch\t2026-11-23\tnurture, last touch Sat 24 Oct',
        '',
      ].join('\n'),
    );
  });

  it('renders a table per section on a terminal, with relative times and the summary', async () => {
    const run = await mondayHistory();
    const out = await onTerminal(run, MONDAY);
    expect(out).toBe(
      [
        'Appointments (1)',
        'ID  Contact     Company  What              When          Why',
        'c3  Dana Reyes  Acme     demo to the team  15:00, in 6h  next step',
        '    $ fu prep 4',
        '',
        'Overdue (1)',
        'ID  Contact     Company     What              When         Why',
        'c2  Sam Okafor  Brightline  send the pricing  3 days late  promise not kept yet',
        '',
        'Chases due (2)',
        // Too wide with the company: the company goes first, so that nothing the seller acts on is cut;
        // the channel hint and the command to run get lines of their own.
        'ID  Contact   What              When   Why',
        '#2  Kim Park  break-up message  today  attempt 3 of 3; last: call Fri 20 Nov',
        '    2 unanswered by call in a row: try another channel or a mutual introduction',
        '    $ fu draft 2 --breakup',
        '#6  Lee Wong  chase             today  attempt 2 of 3; last: call Fri 20 Nov',
        '    $ fu prep 6',
        '',
        'Nurture touches due (1)',
        'ID  Contact   Company  What         When   Why',
        '#1  Pat Lane  Globex   value touch  today  nurture, last touch Sat 24 Oct',
        '',
        'Today: 1 appointment · 1 overdue · 0 promises · 2 chases · 1 nurture.',
        '',
      ].join('\n'),
    );
  });

  it('a week later: the missed appointments join the promise in overdue, oldest first; the chases are a week late', async () => {
    const run = await mondayHistory();
    run.at(WEEK_LATER);
    const later = await run.json<TodayJson>('today');
    expect(later.summary).toEqual({ appointments: 0, overdue: 4, promises: 0, expected: 0, chases: 2, nurture: 1 });
    expect(later.overdue.map((r) => [r.id, r.kind, r.dueDate, r.late])).toEqual([
      [2, 'promise', '2026-11-20', true],
      [3, 'next-step', '2026-11-23', true],
      [4, 'next-step', '2026-11-24', true],
      [1, 'next-step', '2026-11-26', true],
    ]);
    expect(later.overdue[1]!.why).toBe('next step missed: reschedule or cancel');
    expect(ids(later.chases)).toEqual([2, 6]);
    const out = await onTerminal(run, WEEK_LATER, {}, 100);
    expect(out).toContain('#2  Kim Park  Initech  break-up message  7 days late');
    expect(out).toContain('c3  Dana Reyes  Acme        demo to the team  7 days late');
    expect(out).toMatch(/Today: 0 appointments · 4 overdue · 0 promises · 2 chases · 1 nurture\.\n$/);
  });

  it('done, rescheduled and chased, the Monday empties: one friendly line with the next day due', async () => {
    const run = await mondayHistory();
    await ok(run, 'done', 'c2');
    await ok(run, 'log', 'dana', '--outcome', 'connected', '--next', 'pilot kickoff', '--at', '2026-12-02 10:00');
    await ok(run, 'log', 'kim', '--via', 'email', '--outcome', 'sent');
    await ok(run, 'log', 'lee', '--via', 'email', '--outcome', 'sent');
    await ok(run, 'log', 'pat', '--via', 'email', '--outcome', 'sent', '--value', 'the benchmark report');
    expect(await onTerminal(run, '2026-11-23T16:00:00Z')).toBe('Nothing due today. Next thing due: Tue 24 Nov (tomorrow).\n');
    expect((await ok(run, 'today')).stdout).toBe('');
    expect(await run.json<TodayJson>('today')).toMatchObject({
      summary: { appointments: 0, overdue: 0, promises: 0, chases: 0, nurture: 0 },
      nextDate: '2026-11-24',
    });
    expect(await onTerminal(run, '2026-11-23T16:00:00Z', { on: '2026-11-25' })).toBe('Nothing due on Wed 25 Nov. Next thing due: Thu 26 Nov (in 3 days).\n');
  });

  it('says so when nothing is booked at all', async () => {
    const run = session({ now: MONDAY, tz: TZ });
    await ok(run, 'add', 'Nia Bell');
    expect(await onTerminal(run, MONDAY)).toBe('Nothing due today. Nothing is booked after it either: see fu stale for who to contact.\n');
  });
});

describe('fu today on a terminal: limits and width', () => {
  /** Five contacts whose first chase is due Monday (three working days after Wednesday). */
  async function fiveChases(): Promise<Run> {
    const run = session({ now: '2026-11-18T09:00:00Z', tz: TZ });
    for (const name of ['Ann', 'Ben', 'Cy', 'Dee', 'Eve']) {
      await ok(run, 'add', name);
      await ok(run, 'log', name, '--outcome', 'no-answer');
    }
    return run.at(MONDAY);
  }

  it('--limit 2 with five chases shows two, then "and 3 more"', async () => {
    const run = await fiveChases();
    const out = await onTerminal(run, MONDAY, { limit: 2 });
    expect(out).toContain('Chases due (5)\n');
    expect(out.match(/^#\d+ /gm)).toEqual(['#1 ', '#2 ']);
    expect(out).toContain('\nand 3 more (fu today --limit 0)\n');
    expect(out).toContain('5 chases');
    expect((await onTerminal(run, MONDAY, { limit: 0 })).match(/^#\d+ /gm)).toHaveLength(5);
    expect(await onTerminal(run, MONDAY, { limit: 2, on: '2026-11-23' })).toContain('and 3 more (fu today --on 2026-11-23 --limit 0)');
  });

  it('--limit holds piped and in --json too: the hidden rows are counted on stderr and in "more", the full counts in "summary"', async () => {
    const run = await fiveChases();
    const json = await run.json<TodayJson & { more: Record<string, number> }>('today', '--limit', '2');
    expect(json.chases.map((r) => r.contact)).toEqual(['Ann', 'Ben']);
    expect(json.summary.chases).toBe(5);
    expect(json.more).toEqual({ appointments: 0, overdue: 0, promises: 0, expected: 0, chases: 3, nurture: 0 });
    const piped = await ok(run, 'today', '--limit', '2');
    expect(
      piped.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[2]),
    ).toEqual(['Ann', 'Ben']);
    expect(piped.stderr).toBe('and 3 more (fu today --limit 0)\n');
    expect((await ok(run, 'today', '--on', '2026-11-23', '--limit', '2')).stderr).toBe('and 3 more (fu today --on 2026-11-23 --limit 0)\n');
    const all = await ok(run, 'today', '--limit', '0');
    expect(all.stdout.trim().split('\n')).toHaveLength(5);
    expect(all.stderr).toBe('');
    expect((await run.json<TodayJson & { more: Record<string, number> }>('today', '--limit', '0')).more.chases).toBe(0);
  });

  it('keeps an 80-column table whole with a 200-character step (the longest a step takes, its escape included) and escapes control characters', async () => {
    const run = session({ now: '2026-11-20T09:00:00Z', tz: TZ });
    await ok(run, 'add', 'Dana Reyes-Montgomery-Smythe', '--company', 'Acme Industrial Holdings International');
    const long = `walk through the rollout plan ${'and every detail of it '.repeat(12)}`.slice(0, 195);
    await ok(run, 'log', 'dana', '--outcome', 'connected', '--next', `${long}\x1b[31m`, '--at', '2026-11-23 15:00');
    const out = await onTerminal(run, MONDAY);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(out).not.toContain('\x1b');
    const [heading, header, row] = lines;
    expect(heading).toBe('Appointments (1)');
    // The company is left out first; the row lines up with the header, each long cell cut with an ellipsis.
    expect(header).toMatch(/^ID {2}Contact +What +When +Why$/);
    expect(row).toMatch(/^c1 {2}Dana Reyes-\S*… +walk[^…]*… +15:00, in 6h +next step$/);
    expect(row!.indexOf('15:00')).toBe(header!.indexOf('When'));
  });

  it('wraps the summary line at its separators on a narrow terminal', () => {
    const parts = ['12 appointments', '10 overdue', '25 promises', '100 chases', '20 nurture'];
    expect(summaryLine('Wed 25 Nov:', 11, parts, 100)).toBe('Wed 25 Nov: 12 appointments · 10 overdue · 25 promises · 100 chases · 20 nurture.');
    expect(summaryLine('Wed 25 Nov:', 11, parts, 60)).toBe('Wed 25 Nov: 12 appointments · 10 overdue · 25 promises ·\n  100 chases · 20 nurture.');
  });

  it('rejects a --limit that is not a whole number (exit 2)', async () => {
    const run = session({ now: MONDAY, tz: TZ });
    expect(await run('today', '--limit', '-1')).toMatchObject({ code: 2, stderr: expect.stringContaining('--limit') });
    expect(await run('today', '--on', 'blursday')).toMatchObject({ code: 2, stderr: expect.stringContaining('blursday') });
  });
});

// A real pseudo-terminal, through script(1) where it exists: colour on a TTY, none under NO_COLOR.
const script = await runProgram('script', ['--version'], { env: process.env }).catch(() => undefined);
describe.skipIf(script?.code !== 0)('fu today on a pseudo-terminal', () => {
  async function onPty(run: Run, env: Record<string, string>): Promise<string> {
    const r = await runProgram('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} today`, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: run.dir, TZ, FU_DB: run.db, FU_NOW: MONDAY, TERM: 'xterm', COLUMNS: '80', ...env },
    });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  }

  it('colours the headings on a terminal, and prints no escape code at all under NO_COLOR', async () => {
    const run = await mondayHistory();
    expect(await onPty(run, {})).toContain('\x1b[1m');
    const plain = await onPty(run, { NO_COLOR: '1' });
    expect(plain).toContain('Appointments (1)');
    expect(plain).toContain('fu draft 2 --breakup');
    expect(plain).not.toContain('\x1b');
  });
});
