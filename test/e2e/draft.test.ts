import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fu, session, type Session } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';

// Mon 23 Nov 2026 09:00 UTC.
const MONDAY = '2026-11-23T09:00:00Z';

interface DraftJson {
  kind: string;
  subject: string;
  body: string;
  slots: { at: string; date: string; time: string }[];
  todo: string[];
}

async function world(): Promise<Session> {
  const run = session({ now: MONDAY });
  const ok = async (...args: string[]) => expect((await run(...args)).code, args.join(' ')).toBe(0);
  await ok('config', 'user.name', 'Sam Seller');
  await ok('add', 'Dana Reyes', '--company', 'Acme');
  run.at('2026-11-19T15:00:00Z');
  await ok(
    'log',
    'dana',
    '--on',
    '2026-11-19 14:00',
    '--outcome',
    'connected',
    '--note',
    'the pilot for the sales team',
    '--next',
    'call back about the pilot',
    '--at',
    '2026-11-20 16:00',
    '--promise',
    'send pricing',
    '--by',
    '2026-11-25 17:00',
  );
  await ok('add', 'Sam Ortiz', '--company', 'Globex');
  await ok(
    'log',
    'sam',
    '--on',
    '2026-11-18 10:00',
    '--via',
    'email',
    '--outcome',
    'sent',
    '--proposal',
    '--next',
    'review the proposal together',
    '--at',
    '2026-11-20 10:00',
  );
  run.at(MONDAY);
  await ok('add', 'Lee Park', '--company', 'Initech');
  await ok('log', 'lee', '--on', '2026-11-16 10:00', '--outcome', 'no-answer');
  await ok('log', 'lee', '--on', '2026-11-19 10:00', '--outcome', 'voicemail');
  await ok('add', 'Kim Nakamura', '--company', 'Umbrella');
  await ok('log', 'kim', '--on', '2026-10-01 10:00', '--outcome', 'connected', '--note', 'no budget before spring', '--nurture');
  // The user's own appointment, Tue 24 Nov 15:00, with someone else.
  await ok('add', 'Ada Busy');
  await ok('log', 'ada', '--outcome', 'connected', '--next', 'demo', '--at', '2026-11-24 15:00');
  return run;
}

/** `fu check` on a message, through stdin. */
const check = async (text: string) => await fu(['check', '-'], { input: text });
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('fu draft', () => {
  let run: Session;
  beforeAll(async () => {
    run = await world();
  });

  it.each([
    [
      'one conversation',
      'dana',
      ['--reason', 'your team doubled this quarter'],
      [
        'Hi Dana,',
        'We spoke on the phone on Thu 19 Nov about the pilot for the sales team.',
        'As promised, I will send pricing by Wed 25 Nov.',
        'Your team doubled this quarter.',
      ],
    ],
    [
      'a proposal sent',
      'sam',
      ['--reason', 'the Q1 price change is coming'],
      ['Hi Sam,', 'I sent you our proposal on Wed 18 Nov.', 'to go through the proposal together?'],
    ],
    [
      'two unanswered calls',
      'lee',
      ['--reason', 'Initech opened a new office'],
      ['Hi Lee,', 'I called on Mon 16 Nov and Thu 19 Nov', 'Initech opened a new office.'],
    ],
    [
      'a nurture contact',
      'kim',
      ['--reason', 'our benchmark of warehouse tools is out'],
      [
        'Hi Kim,',
        'We spoke on the phone on Thu 1 Oct about no budget before spring.',
        'Our benchmark of warehouse tools is out.',
        'Would that be useful to you?',
      ],
    ],
  ])('drafts for %s: the facts, one ask, nothing for fu check, under 120 words', async (_what, contact, extra, facts) => {
    const r = await run('draft', contact, ...extra);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/WHY NOW|YOUR NAME/);
    for (const f of facts) expect(r.stdout).toContain(f);
    expect(r.stdout).toMatch(/\nBest,\nSam Seller\n$/);
    expect(r.stdout.match(/\?/g)?.length).toBe(1 + (r.stdout.split('\n')[0]!.includes('?') ? 1 : 0));
    const body = r.stdout.split('\n').slice(2).join('\n');
    expect(words(body)).toBeLessThan(120);
    const checked = await check(r.stdout);
    expect(checked.code, checked.stdout).toBe(0);
  });

  it('offers slots on working days, in working hours, avoiding the user appointment', async () => {
    const d = await run.json<DraftJson>('draft', 'dana', '--reason', 'x', '--slots', '3');
    expect(Object.keys(d)).toEqual(['contact', 'kind', 'subject', 'body', 'slots', 'todo', 'leftOutNote', 'template']);
    expect(d.subject).toBe('Acme: next step');
    expect(d.slots.map((s) => `${s.date} ${s.time}`)).toEqual(['2026-11-24 14:30', '2026-11-25 10:00', '2026-11-26 15:00']);
    expect(d.body).toContain('Would Tue 24 Nov at 14:30, Wed 25 Nov at 10:00 or Thu 26 Nov at 15:00 suit you for 15 minutes?');
  });

  it('the break-up after two unanswered calls: pointed to, then written', async () => {
    const plain = await run('draft', 'lee');
    expect(plain.stderr).toContain('[WHY NOW: ...]');
    expect(plain.stderr).toContain('fu draft 3 --breakup');
    const r = await run('draft', 'lee', '--breakup');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("I'd like to carry on, but I can see you're busy right now");
    expect(r.stdout).toContain('Should I close the file for now?');
    expect((await check(r.stdout)).code).toBe(0);
  });

  it('a user template with an unknown placeholder is exit 2 naming it; a good one is used', async () => {
    const bad = path.join(run.dir, 'bad.txt');
    fs.writeFileSync(bad, 'Subject: hi\nHi {{firstName}}, {{lastOrder}}\n');
    const r = await run('draft', 'dana', '--template', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('{{lastOrder}}');
    const good = path.join(run.dir, 'good.txt');
    fs.writeFileSync(good, 'Subject: For {{company}}\nHello {{firstName}}. {{ask}}\n{{yourName}}\n');
    const ok = await run.json<DraftJson>('draft', 'dana', '--template', good, '--ask', 'lunch on Friday');
    expect(ok).toMatchObject({ subject: 'For Acme', body: 'Hello Dana. Lunch on Friday?\nSam Seller\n' });
  });

  it('takes the user template folder from XDG_CONFIG_HOME', async () => {
    const xdg = path.join(run.dir, 'xdg');
    fs.mkdirSync(path.join(xdg, 'fu', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(xdg, 'fu', 'templates', 'breakup.txt'), 'Subject: Last one\nBye {{firstName}}. {{ask}}\n');
    const r = await fu(['draft', 'lee', '--breakup'], { db: run.db, now: MONDAY, env: { XDG_CONFIG_HOME: xdg } });
    expect(r.stdout).toBe(
      'Subject: Last one\n\nBye Lee. Should I close the file for now? A one-word reply is plenty, and if the timing changes later, my door is open.\n',
    );
  });

  it('asks for the name once on a terminal, signs with it and saves it; piped, it signs [YOUR NAME]', async () => {
    const fresh = session({ now: MONDAY });
    expect((await fresh('add', 'Dana Reyes')).code).toBe(0);
    const piped = await fresh('draft', 'dana', '--reason', 'x');
    expect(piped.stdout).toMatch(/\nBest,\n\[YOUR NAME\]\n$/);
    expect(piped.stderr).toContain('fu config user.name');
    const env = { FU_DB: fresh.db, FU_NOW: MONDAY, TZ: 'UTC', HOME: fresh.dir, NO_COLOR: '1' };
    const asked = await runInPty(['draft', 'dana', '--reason', 'x'], { env, steps: [['Your name', `Robin Vale${KEY.enter}`]] });
    expect(asked.code, asked.output).toBe(0);
    expect(asked.output).toContain('Best,\r\nRobin Vale');
    expect((await fresh('config', 'user.name')).stdout.trim()).toBe('Robin Vale');
    const again = await runInPty(['draft', 'dana', '--reason', 'x'], { env });
    expect(again.output).not.toContain('Your name');
    expect(again.output).toContain('Robin Vale');
  });

  it('keeps a note written as an observation out of the message, and shows it on stderr', async () => {
    const note = 'Liked the pilot; CFO must sign off.';
    expect((await run('add', 'Noor Haddad', '--company', 'Vantage')).code).toBe(0);
    expect((await run('log', 'noor', '--on', '2026-11-18 10:00', '--outcome', 'connected', '--note', note, '--nurture')).code).toBe(0);
    const r = await run('draft', 'noor', '--ask', 'Would a call on Thursday help?', '--reason', 'x');
    expect(r.stdout).toContain('We spoke on the phone on Wed 18 Nov.\n');
    expect(r.stdout).not.toContain('CFO');
    expect(r.stderr).toContain(`your note of Wed 18 Nov is not quoted (it reads as your own words); weave it in if it helps: "${note}"`);
    expect((await run.json<{ leftOutNote: unknown }>('draft', 'noor', '--reason', 'x')).leftOutNote).toEqual({ at: '2026-11-18T10:00:00+00:00', note });
  });

  it.each([
    [['--breakup', '--nurture'], '--breakup and --nurture do not go together'],
    [['--slots', '3', '--ask', 'lunch?'], '--slots sets the default ask'],
    [['--slots', '2', '--breakup'], '--slots is for a follow-up'],
    [['--slots', '6'], 'It must be a whole number from 1 to 5'],
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await run('draft', 'dana', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('a nurture contact gets a value touch by default, a follow-up when --ask or --slots is given', async () => {
    expect((await run.json<DraftJson>('draft', 'kim')).kind).toBe('nurture');
    expect((await run('draft', 'kim')).stderr).toContain('fill in the [WHAT YOU SHARE: ...] placeholder');
    expect((await run.json<DraftJson>('draft', 'kim', '--ask', 'lunch?')).kind).toBe('follow-up');
    expect((await run.json<DraftJson>('draft', 'kim', '--slots', '1')).kind).toBe('follow-up');
  });

  it('a user template that cannot be read is exit 2 naming it, not a crash', async () => {
    const xdg = path.join(run.dir, 'xdg-unreadable');
    fs.mkdirSync(path.join(xdg, 'fu', 'templates', 'follow-up.txt'), { recursive: true }); // a folder where the file should be
    const r = await fu(['draft', 'dana'], { db: run.db, now: MONDAY, env: { XDG_CONFIG_HOME: xdg } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fu: Cannot read the template ".*follow-up\.txt": it is a folder\.\n/);
  });
});

describe('fu check', () => {
  it.each([
    ['Hi Dana, we spoke on Thu. Would Tue at 15:00 suit you?', 0, 'No findings: one ask, no weak phrase, short enough.'],
    ['Hi Dana, just checking in. Any update?', 3, '1:10  weak phrase "just checking in"'],
    ['Hi Dana,\nhope all is well.', 3, '2:1  weak phrase "hope all is well"'],
    ['Can we talk Tue? Or Wed?', 3, '1:18  more than one ask "Or Wed?"'],
  ])('%j: exit %i', async (text, code, line) => {
    const r = await fu(['check', text]);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toContain(line);
    // Each finding is a line and its advice; the count goes to stderr.
    const found = (r.stdout.match(/^\d+:\d+ /gm) ?? []).length;
    expect(r.stderr).toBe(code === 0 ? '' : `fu: ${found} finding${found === 1 ? '' : 's'}.\n`);
  });

  it('reads stdin with -, and prints JSON findings', async () => {
    const r = await fu(['check', '-', '--json'], { input: 'Touching base!' });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({
      clean: false,
      findings: [{ kind: 'weak-phrase', phrase: 'Touching base', line: 1, column: 1, offset: 0 }, { kind: 'no-ask' }],
    });
  });
});
