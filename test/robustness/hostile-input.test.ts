/**
 * Hostile and odd input through every command that takes text. Accepted
 * text is stored verbatim (--json gives back the exact string) and printed harmlessly everywhere (tables, tab-separated rows,
 * plain text, error messages, prompts): no raw escape sequence, bell or
 * control character reaches the terminal. Invalid input is refused with the
 * documented exit code, one clear message, and nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { safe } from '../../src/cli/output.js';
import { TEXT_LIMITS } from '../../src/domain/text.js';
import { BIN, fu, fuEnv, runProgram, session, snapshot, startFu, type FuResult, type Session } from '../helpers.js';
import type { ContactFields } from '../../src/store/store.js';
import { generateFile } from '../../bench/generator.js';
import { KEY, runInPty } from '../pty.js';
import { RAW_CONTROL, scratch } from './support.js';
import { zoneOf } from '../../src/domain/zone.js';

const NOW = '2026-11-23T09:00:00Z'; // Monday

/** Text a user (or an imported spreadsheet) may put in any field. None starts or ends with white space: fields are trimmed at the ends. */
const HOSTILE: Record<string, string> = {
  // As long as every field takes (TEXT_LIMITS.line, less the few characters the tests add to it).
  'a 190-character text': `Long notes ${'lorem ipsum dolor sit amet '.repeat(400)}`.slice(0, TEXT_LIMITS.line - 10),
  emoji: 'Zoë 👩🏽‍💻 🎉 Kowalski',
  'combining marks': 'Ame\u0301lie Z̴̡͔a̷l̶g̸o Nguyê\u0303n',
  'right-to-left names': 'سارة الحسن / דנה כהן',
  'quotes and SQL': `O'Brien "Bob"'; DROP TABLE contacts; --`,
  'ANSI escapes': 'Eve \u001b[2J\u001b[31mRed\u001b[0m \u001b[1A\u001b[Kgone',
  'an OSC title, a bell and a C1 CSI': 'Mal \u001b]0;pwned\u0007 ding\u0007 \u009b31mC1',
  'newlines, tabs and carriage returns': 'line one\nline two\tcol\r\u001b[Kover',
  'bidi overrides': 'Trudy \u202eevil\u202c \u2066iso\u2069',
};
const CASES = Object.entries(HOSTILE);

/** Nothing in `text` can drive a terminal: no C0/C1 control (but fu's own tabs and newlines), no DEL, no bidi override. */
function expectHarmless(text: string, what: string): void {
  const raw = RAW_CONTROL.exec(text);
  expect(
    raw,
    `${what} printed a raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, (raw?.index ?? 0) - 20), (raw?.index ?? 0) + 20))}`,
  ).toBeNull();
}

function expectHarmlessResult(r: FuResult, what: string): void {
  expectHarmless(r.stdout, `${what} (stdout)`);
  expectHarmless(r.stderr, `${what} (stderr)`);
}

/** The contact's fields as --json prints them (the same names as the store's). */
interface ShowJson extends ContactFields {
  id: number;
  tags: string[];
  touches: { note: string | null; value: string | null; lostReason: string | null }[];
  commitments: { id: number; what: string; history: { what: string }[] }[];
}

/** Every text-taking command, fed `text` in every text field; returns the contact's id and everything fu printed. */
async function feed(run: Session, text: string): Promise<{ id: number; printed: [string, FuResult][] }> {
  const printed: [string, FuResult][] = [];
  const ok = async (what: string, ...args: string[]) => {
    const r = await run(...args);
    expect(r.code, `${what}: ${r.stderr}`).toBe(0);
    printed.push([what, r]);
    return r;
  };
  const added = await ok('fu add', 'add', text, '--company', text, '--phone', text, '--source', text, '--note', text, '--tag', text);
  const id = Number(/^Added #(\d+) /.exec(added.stdout)![1]);
  await ok(
    'fu log (conversation)',
    'log',
    `#${id}`,
    '--outcome',
    'connected',
    '--note',
    text,
    '--next',
    text,
    '--at',
    'tue 3pm',
    '--promise',
    text,
    '--by',
    'tomorrow 5pm',
  );
  await ok('fu next', 'next', `#${id}`, `${text} (moved)`, '--at', 'wed 10am');
  await ok('fu edit', 'edit', `#${id}`, '--company', `${text} Inc`, '--tag', `${text} 2`);
  await ok('fu log (value touch)', 'log', `#${id}`, '--via', 'email', '--outcome', 'sent', '--value', text);
  await ok('fu add --met', 'add', `${text} (met)`, '--met', text, '--next', text, '--at', 'thu 11am');
  for (const args of [['show', `#${id}`], ['list', '--status', 'all'], ['today', '--on', 'tue'], ['today', '--on', 'wed'], ['stale']])
    await ok(`fu ${args.join(' ')}`, ...args);
  await ok('fu done', 'done', `c${(await run.json<ShowJson>('show', `#${id}`)).commitments.find((c) => c.what === text)!.id}`);
  return { id, printed };
}

describe('hostile text, accepted', () => {
  it.each(CASES)('stores %s verbatim in every field and prints it harmlessly everywhere', async (_name, text) => {
    const run = session({ now: NOW });
    const { id, printed } = await feed(run, text);
    const shown = await run.json<ShowJson>('show', `#${id}`);
    expect(shown).toMatchObject({ name: text, company: `${text} Inc`, phone: text, source: text, note: text });
    expect(shown.tags.sort()).toEqual([text, `${text} 2`].sort());
    expect(shown.touches.map((t) => t.note)).toContain(text);
    expect(shown.touches.map((t) => t.value)).toContain(text);
    const whats = shown.commitments.flatMap((c) => [c.what, ...c.history.map((h) => h.what)]);
    expect(whats).toEqual(expect.arrayContaining([text, `${text} (moved)`]));
    expect((await run.json<{ name: string }[]>('list', '--status', 'all')).map((c) => c.name)).toEqual(expect.arrayContaining([text, `${text} (met)`]));
    for (const [what, r] of printed) expectHarmlessResult(r, what);
    // What is printed is the escaped form, not a mangled or dropped one.
    const plain = printed.find(([w]) => w === 'fu show #1' || w.startsWith('fu show'))![1].stdout;
    expect(plain).toContain(safe(text).slice(0, 200));
    // A lost reason too, the last text field.
    const lost = await run('log', `#${id}`, '--outcome', 'connected', '--lost', text);
    expect(lost.code).toBe(0);
    expectHarmlessResult(lost, 'fu log --lost');
    expect((await run.json<ShowJson>('show', `#${id}`)).touches.map((t) => t.lostReason)).toContain(text);
  });

  it.each(CASES)('quotes %s harmlessly in error messages', async (_name, text) => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes', '--email', 'dana@acme.example');
    await run('add', text);
    await run('add', text);
    const before = await snapshot(run.db);
    const attempts: [string, string[], number][] = [
      ['an unknown contact', ['show', `${text}x`], 4],
      ['an ambiguous contact', ['show', text], 4],
      ['an unreadable date', ['log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', text], 2],
      [
        'a promise due in the past (R2)',
        ['log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm', '--promise', text, '--by', 'yesterday 5pm'],
        3,
      ],
      ['a met event without a next step (R1)', ['add', 'Lee', '--met', text], 3],
      ['an invalid setting', ['config', 'attempts.gapDays', text], 2],
      ['an unknown setting', ['config', text, '3'], 2],
      ['an unknown channel', ['log', 'dana', '--outcome', 'no-answer', '--via', text], 2],
      ['an unknown outcome', ['log', 'dana', '--outcome', text], 2],
      ['a bad email', ['edit', 'dana', '--email', `${text.replace(/\s/g, '')}`], 2],
      ['an email already taken', ['add', text, '--email', 'DANA@acme.example'], 2],
      ['a bad commitment id', ['done', text], 2],
      ['an unknown command', [text], 2],
      ['an unknown option', ['list', `--${text}`], 2],
    ];
    for (const [what, args, code] of attempts) {
      const r = await run(...args);
      expect(r.code, `${what}: ${r.stderr}`).toBe(code);
      expect(r.stdout, what).toBe('');
      expect(r.stderr, what).toMatch(/^fu: /);
      expectHarmlessResult(r, what);
    }
    expect(await snapshot(run.db)).toBe(before);
  });
});

describe('hostile text on a real terminal', () => {
  it('draws tables and timelines with every hostile name without a single escape code (NO_COLOR)', async () => {
    const run = session({ now: NOW });
    for (const text of Object.values(HOSTILE)) {
      const id = Number(/^Added #(\d+) /.exec((await run('add', text, '--company', text)).stdout)![1]);
      await run('log', `#${id}`, '--outcome', 'connected', '--note', text, '--next', text, '--at', 'today 4pm', '--promise', text, '--by', 'today 5pm');
    }
    const env = { FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' };
    for (const args of [['list'], ['today'], ['stale'], ['show', '#6'], ['show', '#7']]) {
      const r = await runInPty(args, { env, columns: 100 });
      expect(r.code, args.join(' ')).toBe(0);
      expectHarmless(r.output.replace(/\r\n/g, '\n'), `fu ${args.join(' ')} on a terminal`);
    }
  });

  it('never echoes stored escape sequences in prompts: the default answer is shown escaped', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    const payload = 'demo \u001b]0;pwned\u0007\u001b[2J now';
    // A proposal with a soft next step: R7 asks for the review again, the step's text on the line.
    const r = await runInPty(['log', 'dana', '--via', 'email', '--outcome', 'sent', '--proposal', '--next', payload, '--at', 'tuesday', '--soft'], {
      env: { FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' },
      steps: [
        ['Next step', KEY.enter], // accept the answer as it was shown
        ['When', `tue 3pm${KEY.enter}`],
      ],
    });
    expect(r.code, r.output).toBe(0);
    // Inquirer draws with its own cursor codes; the stored payload's never get through.
    for (const raw of ['\u001b]0;pwned', '\u0007', '\u001b[2J']) expect(r.output).not.toContain(raw);
    expect(r.output).toContain('demo \\x1b]0;pwned\\x07\\x1b[2J now');
  });
});

/** Runs a command that must be refused, and proves it printed one clear message and changed nothing. */
async function refused(run: Session, code: number, args: string[], message?: RegExp): Promise<void> {
  const before = await snapshot(run.db);
  const r = await run(...args);
  const what = `fu ${args.join(' ')}`;
  expect(r.code, `${what}: ${r.stderr}`).toBe(code);
  expect(r.stdout, what).toBe('');
  // One sentence, and at most one line saying what to do.
  expect(r.stderr, what).toMatch(/^fu: [^\n]+\n([^\n]+\n)?$/);
  if (message) expect(r.stderr, what).toMatch(message);
  expect(await snapshot(run.db), `${what} changed the database`).toBe(before);
}

describe('invalid input, refused with nothing changed', () => {
  const REFUSALS: [string, string[], number, RegExp?][] = [
    // Empty and white-space-only text.
    ['an empty name', ['add', ''], 2, /NAME cannot be empty/],
    ['a name of tabs and newlines', ['add', ' \t\n '], 2, /NAME cannot be empty/],
    ['renaming to blanks', ['edit', 'dana', '--name', '  '], 2, /--name cannot be empty/],
    ['a blank next step', ['next', 'dana', '   ', '--at', 'tue 3pm'], 2, /WHAT cannot be empty/],
    ['a blank --next', ['log', 'dana', '--outcome', 'connected', '--next', ' ', '--at', 'tue 3pm'], 2, /--next cannot be empty/],
    [
      'a blank promise',
      ['log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm', '--promise', ' ', '--by', 'tomorrow'],
      2,
      /--promise cannot be empty/,
    ],
    ['a blank lost reason', ['log', 'dana', '--outcome', 'connected', '--lost', '  '], 2, /--lost cannot be empty/],
    ['an empty note', ['log', 'dana', '--outcome', 'no-answer', '--note', ''], 2, /--note cannot be empty/],
    ['an empty tag', ['add', 'Lee', '--tag', ''], 2, /--tag cannot be empty/],
    ['a blank event', ['add', 'Lee', '--met', ' '], 2, /--met cannot be empty/],
    ['a blank contact', ['show', '  '], 2, /CONTACT is empty/],
    // Impossible dates and times.
    ['30 February', ['next', 'dana', 'demo', '--at', '2026-02-30 10:00'], 2, /cannot read the date "2026-02-30 10:00"/],
    ['31 November', ['next', 'dana', 'demo', '--at', '2026-11-31 10:00'], 2, /November has no 31st day/],
    ['month 13', ['next', 'dana', 'demo', '--at', '2026-13-01 10:00'], 2, /cannot read the date/],
    ['25:00', ['next', 'dana', 'demo', '--at', 'tomorrow 25:00'], 2, /cannot read the date "tomorrow 25:00"/],
    ['24:60', ['next', 'dana', 'demo', '--at', '2026-12-01 24:60'], 2, /cannot read the date/],
    ['the year 10000', ['next', 'dana', 'demo', '--at', '10000-01-01 10:00'], 2, /year 10000 is out of range/],
    [
      'an impossible promise date',
      ['log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm', '--promise', 'quote', '--by', '2026-02-30'],
      2,
      /cannot read the date "2026-02-30"/,
    ],
    ['an impossible --on', ['log', 'dana', '--outcome', 'no-answer', '--on', '2026-02-30'], 2, /cannot read the date "2026-02-30"/],
    ['an impossible --until', ['log', 'dana', '--via', 'email', '--outcome', 'auto-reply', '--until', '2026-02-30'], 2, /cannot read the date "2026-02-30"/],
    ['an impossible agenda day', ['today', '--on', '2026-02-30'], 2, /cannot read the date "2026-02-30"/],
    // The past where the future is required.
    ['a next step yesterday', ['next', 'dana', 'demo', '--at', 'yesterday 3pm'], 3, /^fu: R2: .*in the past/],
    ['a soft next step last week', ['next', 'dana', 'demo', '--at', '2026-11-16', '--soft'], 3, /^fu: R2: .*in the past/],
    ['a next step earlier today', ['next', 'dana', 'demo', '--at', 'today 8am'], 3, /^fu: R2: .*in the past/],
    ['a met contact booked in the past', ['add', 'Lee', '--met', 'SaaStr', '--next', 'call', '--at', 'yesterday 3pm'], 3, /^fu: R2: /],
    [
      'a promise due an hour ago',
      ['log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm', '--promise', 'quote', '--by', 'today 8am'],
      3,
      /^fu: R2: The promise "quote"/,
    ],
    ['a touch in the future', ['log', 'dana', '--outcome', 'no-answer', '--on', 'tomorrow 9am'], 2, /in the future/],
    // Settings: negative, zero, not a number, out of range.
    ['a negative gap', ['config', 'attempts.gapDays', '-1'], 2, /attempts\.gapDays must be a whole number of days from 1 to 3650, not "-1"/],
    ['a zero gap', ['config', 'attempts.gapDays', '0'], 2, /not "0"/],
    ['a fractional cadence', ['config', 'nurture.everyDays', '1.5'], 2, /not "1\.5"/],
    ['an exponent', ['config', 'nurture.notFitDays', '1e3'], 2, /not "1e3"/],
    ['a hex number', ['config', 'stale.days', '0x10'], 2, /not "0x10"/],
    ['an empty value', ['config', 'stale.dropDays', ''], 2, /not ""/],
    ['words', ['config', 'stale.days', 'two weeks'], 2, /not "two weeks"/],
    ['ten years and a day', ['config', 'nurture.everyDays', '3651'], 2, /not "3651"/],
    ['a limit of 1', ['config', 'attempts.limit', '1'], 2, /attempts\.limit must be 2 or 3, not "1"/],
    ['a limit of 4', ['config', 'attempts.limit', '4'], 2, /must be 2 or 3/],
    ['a day ending at 24:00', ['config', 'day.end', '24:00'], 2, /day\.end must be a time HH:MM/],
    ['a day starting after it ends', ['config', 'day.start', '18:30'], 2, /day\.start \(18:30\) must be before day\.end/],
    ['a negative --limit', ['today', '--limit', '-1'], 2, /It must be a whole number from 0/],
    ['a fractional --limit', ['stale', '--limit', '2.5'], 2, /It must be a whole number from 0/],
    // Unknown enum values.
    ['--outcome maybe', ['log', 'dana', '--outcome', 'maybe'], 2, /maybe/],
    ['--via pigeon', ['log', 'dana', '--outcome', 'no-answer', '--via', 'pigeon'], 2, /pigeon/],
    ['an upper-case channel', ['log', 'dana', '--outcome', 'no-answer', '--via', 'CALL'], 2, /CALL/],
    ['--status maybe', ['list', '--status', 'maybe'], 2, /maybe/],
    ['an unknown setting', ['config', 'colour', 'blue'], 2, /Unknown config key "colour"/],
    // Unknown contacts and commitments.
    ['an unknown contact', ['log', 'nobody-here', '--outcome', 'no-answer'], 4, /No contact matches "nobody-here"/],
    ['an unknown id', ['next', '#99', 'demo', '--at', 'tue 3pm'], 4, /No contact has the id #99/],
    ['an unknown commitment', ['done', 'c99'], 4, /No commitment has the id c99/],
    ['a commitment id that is not a number', ['cancel', 'abc'], 2, /"abc" is not a commitment id/],
  ];

  // One database for the whole table: each refusal proves it changed nothing.
  let run: Session;
  beforeAll(async () => {
    run = session({ now: NOW });
    expect((await run('add', 'Dana Reyes', '--company', 'Acme')).code).toBe(0);
  });

  it.each(REFUSALS)('refuses %s', async (_what, args, code, message) => {
    await refused(run, code, args, message);
  });

  it('says where the hint after a parse error points, never at the --db path', async () => {
    const run = session({ now: NOW });
    const r = await run('--db', run.db, 'today', '--limit', '-1');
    expect(r.stderr).toContain('See: fu today --help');
  });
});

describe('a reader that stops early', () => {
  it('ends quietly when stdout is closed (fu list | head -1): no stack trace', async () => {
    const run = session({ now: NOW });
    await run('demo');
    const db = path.join(scratch(), 'copy.db');
    fs.copyFileSync(run.db, db);
    const { child, done } = startFu(['list', '--status', 'all'], { db, now: NOW });
    child.stdout!.destroy(); // the reader is gone before fu writes
    const r = await done;
    expect(r.stderr).not.toMatch(/EPIPE|at .*\(|node:/);
    expect(r.code).toBe(0);
  });
});

const hasPerl = (await runProgram('perl', ['-v'], { env: process.env }).catch(() => undefined))?.code === 0;

describe('a reader slower than fu', () => {
  it.skipIf(!hasPerl)('writes every byte to a full non-blocking pipe, handing over to Node on EAGAIN (skipped without perl)', async () => {
    const dir = scratch();
    const db = path.join(dir, 'big.db');
    generateFile(db, { contacts: 1500, touchesPerContact: 2, seed: 'pipe', now: NOW, zone: zoneOf('UTC') });
    const expected = await fu(['list', '--status', 'all'], { db, now: NOW });
    expect(expected.code).toBe(0);
    // More than a pipe holds (64 KiB on Linux), so fu meets EAGAIN while nobody reads.
    expect(Buffer.byteLength(expected.stdout)).toBeGreaterThan(128 * 1024);

    const fifo = path.join(dir, 'out.fifo');
    expect((await runProgram('mkfifo', [fifo], { env: process.env })).code).toBe(0);
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    // Node gives a child a blocking stdout, so perl sets O_NONBLOCK on it, as a
    // parent that is not libuv-based may leave it, then runs fu in its place.
    const nonBlocking = 'use Fcntl; fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV or die';
    const child = spawn('perl', ['-e', nonBlocking, process.execPath, BIN, 'list', '--status', 'all'], {
      env: fuEnv({ db, now: NOW }),
      stdio: ['ignore', writer, 'pipe'],
    });
    fs.closeSync(writer);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the pipe fill up
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(65536);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(reader, buf);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      if (n === 0) break; // every writer closed: fu is done
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    fs.closeSync(reader);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected.stdout);
  });
});
