import { describe, expect, it } from 'vitest';
import { session, snapshot } from '../helpers.js';

// Mon 23 Nov 2026 10:00 UTC unless a test says otherwise.
const MONDAY = '2026-11-23T10:00:00Z';

interface LogJson {
  touch: { id: number; outcome: string; forced: string[] };
  contact: {
    status: string;
    unansweredAttempts: number;
    chaseDueOn: string | null;
    nurtureDueOn: string | null;
    nextStep: { id: number; what: string; dueAt: string | null; dueDate: string; soft: boolean } | null;
  };
  created: { id: number; kind: string; what: string; dueAt: string | null; dueDate: string }[];
  closed: { id: number; handle: string; state: string }[];
  attempt: { number: number; limit: number; breakUp: boolean } | null;
}

async function withDana(now = MONDAY, tz = 'UTC') {
  const run = session({ now, tz });
  expect((await run('add', 'Dana Reyes', '--company', 'Acme')).code).toBe(0);
  return run;
}

/** Runs a command that must be refused, and proves the database did not change. */
async function refused(run: ReturnType<typeof session>, code: number, ...args: string[]) {
  const before = await snapshot(run.db);
  const r = await run(...args);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(await snapshot(run.db)).toBe(before);
  return r.stderr;
}

describe('fu log: a conversation ends with a firm next step (R1, R2)', () => {
  it('refuses "call me in two weeks", then accepts a firm Tuesday 3pm call with a promise due tomorrow 5pm', async () => {
    const run = await withDana();
    expect(await refused(run, 3, 'log', 'dana', '--outcome', 'connected', '--note', 'call me in two weeks')).toMatch(/^fu: R1: .*15-minute call/);
    expect(await refused(run, 3, 'log', 'dana', '--outcome', 'connected', '--next', 'call', '--at', 'in 2 weeks')).toMatch(
      /^fu: R2: "Mon 7 Dec" has no time of day/,
    );
    const ok = await run(
      'log',
      'dana',
      '--outcome',
      'connected',
      '--note',
      'call me in two weeks',
      '--next',
      'hear the decision of the team',
      '--at',
      'tue 3pm',
      '--promise',
      'send the answers',
      '--by',
      'tomorrow 5pm',
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe(
      'Logged call connected with Dana Reyes (Acme), Mon 23 Nov 10:00 (touch t1).\n' +
        'Next: hear the decision of the team, Tue 24 Nov 15:00 (c1).\n' +
        'Promise c2: send the answers, by Tue 24 Nov 17:00.\n',
    );
    const shown = await run.json<{ nextStep: { what: string; dueAt: string }; commitments: { kind: string; state: string }[] }>('show', 'dana');
    expect(shown.nextStep).toMatchObject({ what: 'hear the decision of the team', dueAt: '2026-11-24T15:00:00+00:00' });
    expect(shown.commitments.map((c) => [c.kind, c.state])).toEqual([
      ['next-step', 'open'],
      ['promise', 'open'],
    ]);
  });

  it('asks for a time when the step is only "tuesday afternoon", and accepts it with --soft', async () => {
    const run = await withDana();
    expect(await refused(run, 3, 'log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tuesday afternoon')).toContain('3 or 4pm?');
    const soft = await run.json<LogJson>('log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tuesday afternoon', '--soft');
    expect(soft.contact.nextStep).toMatchObject({ soft: true, dueAt: null, dueDate: '2026-11-24' });
  });

  it.each([
    ['a next step in the past', ['--next', 'demo', '--at', 'yesterday 3pm'], 3, /R2: .*in the past/],
    ['a soft next step in the past', ['--next', 'demo', '--at', '2026-11-20', '--soft'], 3, /R2: .*in the past/],
    ['a promise due in the past', ['--next', 'demo', '--at', 'tue 3pm', '--promise', 'quote', '--by', '2026-11-23 08:00'], 3, /R2: .*promise/],
    ['an impossible date', ['--next', 'demo', '--at', '2026-02-30 10:00'], 2, /cannot read the date "2026-02-30 10:00"/],
    ['an impossible time', ['--next', 'demo', '--at', '25:00'], 2, /cannot read the date "25:00"/],
    ['an unreadable date', ['--next', 'demo', '--at', 'blursday'], 2, /cannot read the date "blursday"/],
    ['--next without --at', ['--next', 'demo'], 2, /--next and --at go together/],
    [
      'two promises with one --by',
      ['--next', 'demo', '--at', 'tue 3pm', '--promise', 'a', '--promise', 'b', '--by', 'tomorrow'],
      2,
      /--promise "a" needs its own --by right after it/,
    ],
    ['a next step and a disposition other than won', ['--next', 'demo', '--at', 'tue 3pm', '--nurture'], 2, /do not go together/],
    ['two dispositions', ['--won', '--nurture'], 2, /one disposition at most/],
  ])('refuses %s, changing nothing', async (_what, extra, code, message) => {
    const run = await withDana();
    expect(await refused(run, code, 'log', 'dana', '--outcome', 'connected', ...extra)).toMatch(message);
  });

  it('warns about vague wording but records a dated, timed step', async () => {
    const run = await withDana();
    const r = await run('log', 'dana', '--outcome', 'connected', '--next', 'touch base about the pilot', '--at', 'thu 10am');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning \(R2\): "touch base" is vague/);
  });

  it('keeps the open next step with a two-way touch on its day and replaces it when a new one is set', async () => {
    const run = await withDana();
    await run('log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm');
    run.at('2026-11-24T15:30:00Z');
    const kept = await run.json<LogJson>('log', 'dana', '--outcome', 'connected', '--next', 'contract review', '--at', 'fri 11am');
    expect(kept.closed).toEqual([{ id: 1, handle: 'c1', state: 'kept' }]);
    const replaced = await run.json<LogJson>(
      'log',
      'dana',
      '--via',
      'email',
      '--outcome',
      'replied',
      '--next',
      'contract review with legal',
      '--at',
      'mon 11am',
    );
    expect(replaced.closed).toEqual([{ id: 2, handle: 'c2', state: 'replaced' }]);
    expect(replaced.contact.nextStep).toMatchObject({ id: 3, what: 'contract review with legal' });
  });

  it('does not keep an appointment with a no-answer at its time: it is an attempt', async () => {
    const run = await withDana();
    await run('log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm');
    run.at('2026-11-24T15:00:00Z');
    const r = await run.json<LogJson>('log', 'dana', '--outcome', 'no-answer');
    expect(r.closed).toEqual([]);
    expect(r.attempt).toEqual({ number: 1, limit: 3, breakUp: false });
    expect(r.contact.nextStep).toMatchObject({ id: 1 });
  });
});

describe('fu log: bounded, spaced chasing (R4, R5, R6)', () => {
  it('announces the third unanswered call as the break-up, moves to nurture, refuses a fourth and records it with --force', async () => {
    const run = await withDana();
    expect((await run('log', 'dana', '--outcome', 'no-answer')).stdout).toContain('Attempt 1 of 3: next chase due Thu 26 Nov.');
    run.at('2026-11-26T10:00:00Z');
    const second = await run('log', 'dana', '--outcome', 'voicemail');
    // Three working days after Thursday.
    expect(second.stdout).toContain('Attempt 2 of 3: next chase due Tue 1 Dec.');
    expect(second.stderr).toMatch(/warning \(R5\): Two unanswered attempts by call in a row/);
    run.at('2026-12-01T10:00:00Z');
    expect((await run('log', 'dana', '--via', 'email', '--outcome', 'sent')).stdout).toContain(
      'Attempt 3 of 3, the break-up: moved to nurture, next value touch Thu 31 Dec.',
    );
    expect((await run.json<{ status: string }>('show', 'dana')).status).toBe('nurture');
    run.at('2026-12-04T10:00:00Z');
    expect(await refused(run, 3, 'log', 'dana', '--outcome', 'no-answer')).toMatch(/^fu: R4: /);
    const forced = await run.json<LogJson>('log', 'dana', '--outcome', 'no-answer', '--force');
    expect(forced.touch.forced).toEqual(['R4']);
    expect((await run('show', 'dana')).stdout).toContain('[forced past R4]');
  });

  it('ends the sequence at the second attempt when attempts.limit is 2', async () => {
    const run = await withDana();
    await run('config', 'attempts.limit', '2');
    await run('log', 'dana', '--outcome', 'no-answer');
    run.at('2026-11-26T10:00:00Z');
    expect((await run.json<LogJson>('log', 'dana', '--outcome', 'no-answer')).attempt).toEqual({ number: 2, limit: 2, breakUp: true });
  });

  it('refuses two calls on consecutive days (R5) and names the day the next one is due', async () => {
    const run = await withDana();
    await run('log', 'dana', '--outcome', 'no-answer');
    run.at('2026-11-24T16:00:00Z');
    expect(await refused(run, 3, 'log', 'dana', '--outcome', 'no-answer')).toContain(
      'fu: R5: The last attempt was Mon 23 Nov; space attempts 3 working days apart: the next one is due Thu 26 Nov.',
    );
    expect((await run.json<LogJson>('log', 'dana', '--outcome', 'no-answer', '--force')).touch.forced).toEqual(['R5']);
  });

  it('counts spacing in local days across the New York DST change: with every day worked, Fri 17:00 then Mon 09:00 is allowed', async () => {
    const run = await withDana('2026-10-30T21:00:00Z', 'America/New_York');
    await run('config', 'day.workdays', 'mon-sun');
    expect((await run('log', 'dana', '--outcome', 'no-answer')).stdout).toContain('Fri 30 Oct 17:00');
    run.at('2026-11-02T14:00:00Z');
    const r = await run('log', 'dana', '--outcome', 'no-answer');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Mon 2 Nov 09:00');
  });

  it('resets the count with a reply and makes a nurture contact active again', async () => {
    const run = await withDana();
    await run('config', 'attempts.limit', '2');
    await run('log', 'dana', '--outcome', 'no-answer');
    run.at('2026-11-26T10:00:00Z');
    await run('log', 'dana', '--outcome', 'no-answer');
    run.at('2026-11-27T10:00:00Z');
    const reply = await run.json<LogJson>('log', 'dana', '--via', 'email', '--outcome', 'replied');
    expect(reply.contact).toMatchObject({ status: 'active', unansweredAttempts: 0 });
  });

  it('records value touches to a nurture contact without counting them or spacing them, and refuses a plain chase', async () => {
    const run = await withDana();
    await run('log', 'dana', '--outcome', 'connected', '--nurture');
    expect(await refused(run, 3, 'log', 'dana', '--via', 'email', '--outcome', 'sent')).toMatch(/R4: .*nurture/);
    const value = await run.json<LogJson>('log', 'dana', '--via', 'email', '--outcome', 'sent', '--value', 'the freight benchmark');
    expect(value.attempt).toBeNull();
    expect(value.contact).toMatchObject({ status: 'nurture', unansweredAttempts: 0, nurtureDueOn: '2026-12-23' });
    expect((await run('log', 'dana', '--via', 'email', '--outcome', 'sent', '--value', 'a second useful thing')).code).toBe(0);
  });

  it('puts a not-fit contact in nurture with the first check-in 90 days out', async () => {
    const run = await withDana();
    expect((await run.json<LogJson>('log', 'dana', '--outcome', 'connected', '--not-fit')).contact).toMatchObject({
      status: 'nurture',
      // 90 days is Sunday 21 February: the next working day.
      nurtureDueOn: '2027-02-22',
    });
  });

  it('lets an auto-reply with --until hold the next chase until their return', async () => {
    const run = await withDana();
    await run('log', 'dana', '--via', 'email', '--outcome', 'sent');
    const auto = await run.json<LogJson>('log', 'dana', '--via', 'email', '--outcome', 'auto-reply', '--until', '2026-12-01');
    expect(auto.attempt).toBeNull();
    expect(auto.contact).toMatchObject({ unansweredAttempts: 1, chaseDueOn: '2026-12-01' });
    run.at('2026-11-27T10:00:00Z');
    expect(await refused(run, 3, 'log', 'dana', '--outcome', 'no-answer')).toMatch(/R5: They are away until Tue 1 Dec/);
  });
});

describe('fu log: proposals, dispositions, won and lost (R7)', () => {
  it('refuses a proposal without a review meeting, and accepts one with it', async () => {
    const run = await withDana();
    expect(await refused(run, 3, 'log', 'dana', '--via', 'email', '--outcome', 'sent', '--proposal')).toMatch(
      /R7: Before sending a proposal, book the time to review it together/,
    );
    const ok = await run('log', 'dana', '--via', 'email', '--outcome', 'sent', '--proposal', '--next', 'review the proposal together', '--at', 'thu 10am');
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('records touches on won and lost contacts without the rules, and reopens one with --next', async () => {
    const run = await withDana();
    await run('log', 'dana', '--outcome', 'connected', '--lost', 'no budget this year');
    for (let i = 0; i < 4; i++) expect((await run('log', 'dana', '--outcome', 'no-answer')).code).toBe(0);
    expect((await run.json<{ status: string }>('show', 'dana')).status).toBe('lost');
    const reopened = await run.json<LogJson>('log', 'dana', '--outcome', 'connected', '--next', 'budget call', '--at', 'wed 9am');
    expect(reopened.contact.status).toBe('active');
  });
});

describe('fu add --met: meeting at an event is a conversation', () => {
  it('refuses a contact met at a conference without a booked call, and adds it with one', async () => {
    const run = session({ now: MONDAY });
    await run('list'); // creates the database, so the refusal can be compared against it
    expect(await refused(run, 3, 'add', 'Lee Park', '--met', 'SaaStr Europe')).toMatch(
      /R1: A contact met at SaaStr Europe needs a next step booked before you leave/,
    );
    const ok = await run('add', 'Lee Park', '--company', 'Fabrikam', '--met', 'SaaStr Europe', '--next', '15-minute intro call', '--at', 'thu 11am');
    expect(ok.stdout).toBe('Added #1 Lee Park (Fabrikam), met at SaaStr Europe.\nNext: 15-minute intro call, Thu 26 Nov 11:00 (c1).\n');
    const shown = await run.json<{ touches: { channel: string; outcome: string; note: string }[] }>('show', 'lee');
    expect(shown.touches).toEqual([expect.objectContaining({ channel: 'meeting', outcome: 'connected', note: 'Met at SaaStr Europe' })]);
  });
});

describe('fu next, fu done, fu cancel', () => {
  it('reschedules the open next step and keeps the old date in its history', async () => {
    const run = await withDana();
    await run('log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm');
    expect((await run('next', 'dana', 'demo with the CFO', '--at', 'wed 10am')).stdout).toBe(
      'Next for Dana Reyes: demo with the CFO, Wed 25 Nov 10:00 (c1, moved from Tue 24 Nov 15:00).\n',
    );
    const shown = await run.json<{ commitments: { history: { what: string; dueAt: string }[] }[] }>('show', 'dana');
    expect(shown.commitments[0]!.history).toEqual([expect.objectContaining({ what: 'demo', dueAt: '2026-11-24T15:00:00+00:00' })]);
  });

  it('marks a promise done late after its time, and refuses to close it twice', async () => {
    const run = await withDana();
    await run('log', 'dana', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm', '--promise', 'send pricing', '--by', 'today 5pm');
    run.at('2026-11-24T09:00:00Z');
    expect((await run('done', 'c2')).stdout).toBe('Done c2 (promise for Dana Reyes): send pricing, due Mon 23 Nov 17:00, kept late.\n');
    expect(await refused(run, 2, 'done', 'c2')).toContain('already closed');
    expect(await refused(run, 4, 'cancel', 'c99')).toContain('No commitment has the id c99');
    expect((await run('cancel', 'c1')).code).toBe(0);
    expect((await run.json<{ nextStep: unknown }>('show', 'dana')).nextStep).toBeNull();
  });
});

describe('fu log without a terminal', () => {
  it.each([
    ['no CONTACT', ['log'], /CONTACT is required when not interactive/],
    ['no --outcome', ['log', 'dana'], /--outcome is required when not interactive/],
    ['an unknown outcome', ['log', 'dana', '--outcome', 'maybe'], /maybe/],
    ['an unknown channel', ['log', 'dana', '--outcome', 'connected', '--via', 'pigeon'], /pigeon/],
    ['--value on a conversation', ['log', 'dana', '--outcome', 'connected', '--value', 'x', '--won'], /--value marks an outbound value touch/],
    ['a touch in the future', ['log', 'dana', '--outcome', 'no-answer', '--on', 'tomorrow 10am'], /in the future/],
  ])('exits 2 on %s, never waiting for input', async (_what, args, message) => {
    const run = await withDana();
    expect(await refused(run, 2, ...args)).toMatch(message);
  });
});
