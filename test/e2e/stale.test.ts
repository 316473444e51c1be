import { afterEach, describe, expect, it } from 'vitest';
import { runStale } from '../../src/cli/commands/stale.js';
import { bufferIO } from '../../src/cli/io.js';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { BIN, runProgram, session, storeDeps } from '../helpers.js';

const TZ = 'Europe/Paris';
const MONDAY = '2026-11-23T08:00:00Z'; // Mon 23 Nov, 09:00 in Paris.

type Run = ReturnType<typeof session>;

async function ok(run: Run, ...args: string[]) {
  const r = await run(...args);
  expect(r.code, `fu ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/**
 * One contact per category, one that fits two, and two that must not appear,
 * built with real commands at a moving clock; the review is on Monday 23 Nov.
 */
async function history(): Promise<Run> {
  const run = session({ now: '2026-08-01T09:00:00Z', tz: TZ });
  // Every day worked: the history is spaced in calendar days.
  await ok(run, 'config', 'day.workdays', 'mon-sun');
  // #1 Vic: nurture since 1 Aug, three value touches unanswered: drop.
  await ok(run, 'add', 'Vic Duran', '--company', 'Stark');
  await ok(run, 'log', 'vic', '--outcome', 'connected', '--nurture');
  for (const day of ['2026-08-31', '2026-09-30', '2026-10-30'])
    await ok(run.at(`${day}T09:00:00Z`), 'log', 'vic', '--via', 'email', '--outcome', 'sent', '--value', 'a useful article');
  // #2 Kim: three calls, never an answer, known since 3 Aug: drop.
  await ok(run.at('2026-08-03T09:00:00Z'), 'add', 'Kim Park', '--company', 'Initech');
  await ok(run, 'log', 'kim', '--outcome', 'no-answer');
  await ok(run.at('2026-08-06T09:00:00Z'), 'log', 'kim', '--outcome', 'voicemail');
  await ok(run.at('2026-08-10T09:00:00Z'), 'log', 'kim', '--via', 'email', '--outcome', 'sent');
  // #3 Rita: replied on 20 Oct, one unanswered attempt on 2 Nov, then nothing: re-engage.
  await ok(run.at('2026-10-20T09:00:00Z'), 'add', 'Rita Gomez', '--company', 'Wayne');
  await ok(run, 'log', 'rita', '--via', 'email', '--outcome', 'replied');
  await ok(run.at('2026-11-02T09:00:00Z'), 'log', 'rita', '--outcome', 'no-answer');
  // #4 Zoe: replied on 16 Nov, nothing booked: no next step.
  await ok(run.at('2026-11-16T09:00:00Z'), 'add', 'Zoe Hart', '--company', 'Cyberdyne');
  await ok(run, 'log', 'zoe', '--via', 'email', '--outcome', 'replied');
  // #5 Sam: the pricing promised for Fri 20 Nov 17:00 is not done: missed.
  await ok(run.at('2026-11-18T09:00:00Z'), 'add', 'Sam Okafor', '--company', 'Brightline');
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
  // #6 Omar: a soft step and a missed promise: missed wins.
  await ok(run, 'add', 'Omar Said', '--company', 'Soylent');
  await ok(
    run,
    'log',
    'omar',
    '--outcome',
    'connected',
    '--next',
    'pilot scoping',
    '--at',
    '2026-11-30',
    '--soft',
    '--promise',
    'send the deck',
    '--by',
    '2026-11-19 17:00',
  );
  // #7 Erin: a soft step only: soft.
  await ok(run.at('2026-11-19T09:00:00Z'), 'add', 'Erin Cho', '--company', 'Umbrella');
  await ok(run, 'log', 'erin', '--outcome', 'connected', '--next', 'decision call', '--at', '2026-11-27', '--soft');
  // #8 Wanda (won) and #9 Dana (a firm appointment): never listed.
  await ok(run, 'add', 'Wanda Li', '--company', 'Tyrell');
  await ok(run, 'log', 'wanda', '--outcome', 'connected', '--won');
  await ok(run, 'add', 'Dana Reyes', '--company', 'Acme');
  await ok(run, 'log', 'dana', '--outcome', 'connected', '--next', 'demo to the team', '--at', '2026-11-25 15:00');
  // #10 Nia: added Friday, never contacted: no next step, first touch.
  await ok(run.at('2026-11-20T09:00:00Z'), 'add', 'Nia Bell', '--company', 'Oscorp');
  return run.at(MONDAY);
}

interface Row {
  category: string;
  contactId: number;
  contact: string;
  company: string | null;
  status: string;
  lastTouchAt: string | null;
  lastTwoWayAt: string | null;
  attemptsSince: number;
  attemptLimit: number;
  daysSilent: number;
  daysSinceTwoWay: number;
  commitment: { id: number; handle: string; kind: string; what: string; dueAt: string | null; dueDate: string; soft: boolean } | null;
  why: string;
  command: string;
}
type StaleJson = Record<'missed' | 'soft' | 'reEngage' | 'drop' | 'noNextStep', Row[]> & { summary: Record<string, number> };

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

async function onTerminal(run: Run, limit: number, columns = 80): Promise<string> {
  const store = new Store(openDatabase(run.db));
  stores.push(store);
  const io = bufferIO({ stdoutIsTTY: true, columns });
  await runStale({ limit }, storeDeps(store, io, MONDAY, TZ));
  return io.stdout.join('');
}

/** Runs a suggested command as pasted into a shell, with `fu` being this build. */
function paste(run: Run, command: string) {
  return runProgram('sh', ['-c', `fu() { "$FU_NODE" "$FU_BIN" "$@"; }; ${command}`], {
    env: { PATH: process.env.PATH ?? '', HOME: run.dir, TZ, FU_DB: run.db, FU_NOW: MONDAY, FU_NODE: process.execPath, FU_BIN: BIN },
  });
}

describe('fu stale', () => {
  it('puts each contact in its first category, in precedence order, most valuable first; won and booked never appear', async () => {
    const run = await history();
    const stale = await run.json<StaleJson>('stale');
    const by = (rows: Row[]) => rows.map((r) => r.contact);
    expect(stale.summary).toEqual({ missed: 2, soft: 1, reEngage: 1, drop: 2, noNextStep: 2 });
    expect(by(stale.missed)).toEqual(['Omar Said', 'Sam Okafor']); // the oldest miss first; Omar's soft step does not list him twice
    expect(by(stale.soft)).toEqual(['Erin Cho']);
    expect(by(stale.reEngage)).toEqual(['Rita Gomez']);
    expect(by(stale.drop)).toEqual(['Vic Duran', 'Kim Park']); // the longest without a reply first
    expect(by(stale.noNextStep)).toEqual(['Zoe Hart', 'Nia Bell']); // the longest silence first
    expect(JSON.stringify(stale)).not.toMatch(/Wanda|Dana/);
  });

  it('gives the facts and the command, field by field', async () => {
    const stale = await (await history()).json<StaleJson>('stale');
    expect(stale.missed[0]).toEqual({
      category: 'missed',
      contactId: 6,
      contact: 'Omar Said',
      company: 'Soylent',
      status: 'active',
      lastTouchAt: '2026-11-18T10:00:00+01:00',
      lastTwoWayAt: '2026-11-18T10:00:00+01:00',
      attemptsSince: 0,
      attemptLimit: 3,
      daysSilent: 5,
      daysSinceTwoWay: 5,
      commitment: { id: 4, handle: 'c4', kind: 'promise', what: 'send the deck', dueAt: '2026-11-19T17:00:00+01:00', dueDate: '2026-11-19', soft: false },
      why: 'promise c4 "send the deck" was due Thu 19 Nov 17:00',
      command: 'fu done c4',
    });
    expect(stale.soft[0]).toMatchObject({
      contactId: 7,
      commitment: { id: 5, handle: 'c5', kind: 'next-step', what: 'decision call', dueAt: null, dueDate: '2026-11-27', soft: true },
      why: 'next step c5 "decision call" on Fri 27 Nov has no time agreed',
      command: 'fu next 7 "decision call" --at "2026-11-27 HH:MM"',
    });
    expect(stale.reEngage[0]).toEqual({
      category: 're-engage',
      contactId: 3,
      contact: 'Rita Gomez',
      company: 'Wayne',
      status: 'active',
      lastTouchAt: '2026-11-02T10:00:00+01:00',
      lastTwoWayAt: '2026-10-20T11:00:00+02:00',
      attemptsSince: 1,
      attemptLimit: 3,
      daysSilent: 21,
      daysSinceTwoWay: 34,
      commitment: null,
      why: 'replied Tue 20 Oct, then 1 unanswered attempt; silent 21 days; write it with fu draft 3',
      command: 'fu log 3 --via email --outcome sent',
    });
    expect(stale.drop.map((r) => [r.contactId, r.status, r.attemptsSince, r.daysSinceTwoWay, r.lastTwoWayAt, r.why, r.command])).toEqual([
      [1, 'nurture', 0, 114, '2026-08-01T11:00:00+02:00', '3 value touches in a row unanswered', 'fu close 1 --lost "no response"'],
      [2, 'nurture', 3, 112, null, '3 unanswered attempts, never a reply in 112 days', 'fu close 2 --lost "no response"'],
    ]);
    expect(stale.noNextStep.map((r) => [r.contactId, r.lastTouchAt, r.daysSilent, r.why, r.command])).toEqual([
      [4, '2026-11-16T10:00:00+01:00', 7, 'active, but no next step booked and no chase running', 'fu next 4 WHAT --at WHEN'],
      [10, null, 3, 'never contacted: make the first touch', 'fu log 10 --via email --outcome sent'],
    ]);
  });

  it('prints every row tab-separated when piped', async () => {
    const lines = (await ok(await history(), 'stale')).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('missed\t6\tOmar Said\tSoylent\t2026-11-18T10:00:00+01:00\t0\t5\tpromise c4 "send the deck" was due Thu 19 Nov 17:00\tfu done c4');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['missed', 'missed', 'soft', 're-engage', 'drop', 'drop', 'no-next-step', 'no-next-step']);
    expect(lines.at(-1)).toBe('no-next-step\t10\tNia Bell\tOscorp\t\t0\t3\tnever contacted: make the first touch\tfu log 10 --via email --outcome sent');
  });

  it('--limit holds piped and in --json too: the hidden rows are counted on stderr and in "more", the full counts in "summary"', async () => {
    const run = await history();
    const piped = await ok(run, 'stale', '--limit', '1');
    expect(
      piped.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['missed', 'soft', 're-engage', 'drop', 'no-next-step']);
    expect(piped.stderr).toBe('and 3 more (fu stale --limit 0)\n');
    const json = await run.json<StaleJson & { more: Record<string, number> }>('stale', '--limit', '1');
    expect([json.missed.length, json.drop.length, json.noNextStep.length]).toEqual([1, 1, 1]);
    expect(json.summary).toEqual({ missed: 2, soft: 1, reEngage: 1, drop: 2, noNextStep: 2 });
    expect(json.more).toEqual({ missed: 1, soft: 0, reEngage: 0, drop: 1, noNextStep: 1 });
    expect((await ok(run, 'stale', '--limit', '0')).stderr).toBe('');
  });

  it('renders a table per category on a terminal, the command under each row, "and N more" past --limit, and the counts', async () => {
    const out = await onTerminal(await history(), 1);
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(out).toContain(
      [
        'Missed: an open commitment whose time has passed (2)',
        'ID  Contact    Company  Last two-way  Attempts  Silent',
        '#6  Omar Said  Soylent  Wed 18 Nov    0 of 3    5 days',
        '    promise c4 "send the deck" was due Thu 19 Nov 17:00',
        '    $ fu done c4',
        'and 1 more (fu stale --limit 0)',
        '',
      ].join('\n'),
    );
    expect(out).toContain('Re-engage: warm, then given up too soon (1)\n');
    expect(out).toContain('    $ fu close 1 --lost "no response"\n');
    expect(out.match(/^and 1 more/gm)).toHaveLength(3); // missed, drop, no-next-step
    expect(out).toMatch(/\nStale: 2 missed · 1 soft · 1 re-engage · 2 drop · 2 no-next-step\.\n$/);
    expect(await onTerminal(await history(), 0)).not.toContain('more (fu stale');
  });

  it('suggests commands that run as pasted, and each takes the contact off the list', async () => {
    const run = await history();
    const stale = await run.json<StaleJson>('stale');
    for (const row of [stale.reEngage[0]!, stale.drop[1]!, stale.noNextStep[1]!, stale.missed[1]!]) {
      const r = await paste(run, row.command);
      expect(r.code, `${row.command}: ${r.stderr}`).toBe(0);
    }
    const after = await run.json<StaleJson>('stale');
    expect(after.summary).toEqual({ missed: 1, soft: 1, reEngage: 0, drop: 1, noNextStep: 1 });
    expect(JSON.stringify(after)).not.toMatch(/Rita|Kim|Nia|Sam/);
  });

  it('says so when nothing is stale', async () => {
    const run = session({ now: MONDAY, tz: TZ });
    await ok(run, 'add', 'Dana Reyes');
    await ok(run, 'log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm');
    expect(await onTerminal(run, 25)).toBe('Nothing stale: every live contact has a firm next step or a chase running.\n');
    expect((await ok(run, 'stale')).stdout).toBe('');
  });
});
