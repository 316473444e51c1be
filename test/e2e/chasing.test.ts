import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';

// Mon 23 Nov 2026 10:00 UTC; Wednesday is 25 Nov, Friday 27 Nov.
const MONDAY = '2026-11-23T10:00:00Z';

interface LogJson {
  attempt: { number: number; limit: number; breakUp: boolean } | null;
  contact: { status: string; unansweredAttempts: number; nextStep: { what: string } | null };
}

async function withMarcus() {
  const run = session({ now: MONDAY });
  expect((await run('add', 'Marcus Lee')).code).toBe(0);
  return run;
}

describe('attempts count only while chasing (R4, R5)', () => {
  it('does not count a proposal sent before its booked review, and counts the first call once the review has passed', async () => {
    const run = await withMarcus();
    const met = await run(
      'log',
      'marcus',
      '--via',
      'meeting',
      '--outcome',
      'connected',
      '--next',
      'review the proposal together',
      '--at',
      'fri 10am',
      '--promise',
      'send the proposal',
      '--by',
      'wed 5pm',
    );
    expect(met.code, met.stderr).toBe(0);
    const sent = await run.at('2026-11-25T12:00:00Z')('log', 'marcus', '--via', 'email', '--outcome', 'sent', '--proposal');
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).not.toContain('Attempt');
    const chase = await run.at('2026-11-27T11:00:00Z').json<LogJson>('log', 'marcus', '--outcome', 'no-answer');
    expect(chase.attempt).toMatchObject({ number: 1, limit: 3 });
    expect(chase.contact.unansweredAttempts).toBe(1);
  });

  it('counts a touch made while only a soft step is open', async () => {
    const run = await withMarcus();
    expect((await run('log', 'marcus', '--outcome', 'connected', '--next', 'call', '--at', 'fri', '--soft')).code).toBe(0);
    const call = await run.at('2026-11-24T10:00:00Z').json<LogJson>('log', 'marcus', '--outcome', 'no-answer');
    expect(call.attempt).toMatchObject({ number: 1 });
  });
});

describe('won with its kickoff (won and lost)', () => {
  it('accepts --won with --next and keeps the contact won', async () => {
    const run = await withMarcus();
    const won = await run.json<LogJson>('log', 'marcus', '--outcome', 'connected', '--won', '--next', 'kickoff', '--at', 'mon 9:30');
    expect(won.contact).toMatchObject({ status: 'won', nextStep: { what: 'kickoff' } });
    const moved = await run('next', 'marcus', 'kickoff with the team', '--at', 'tue 9:30');
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).not.toContain('active again');
    expect((await run.json<{ status: string }>('show', 'marcus')).status).toBe('won');
  });

  it('reopens a lost contact when a next step is booked', async () => {
    const run = await withMarcus();
    expect((await run('log', 'marcus', '--outcome', 'connected', '--lost', 'budget')).code).toBe(0);
    expect((await run('next', 'marcus', 'win-back call', '--at', 'tue 9:30')).code).toBe(0);
    expect((await run.json<{ status: string }>('show', 'marcus')).status).toBe('active');
  });
});

describe('fu close: a decision without a touch', () => {
  it('closes a contact out as lost without logging a call, cancelling what was open', async () => {
    const run = await withMarcus();
    expect((await run('log', 'marcus', '--outcome', 'connected', '--next', 'demo', '--at', 'fri 10am', '--promise', 'quote', '--by', 'thu')).code).toBe(0);
    const r = await run.at('2026-11-24T10:00:00Z')('close', 'marcus', '--lost', 'no response');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Closed out Marcus Lee: no touch recorded.\nCancelled c1.\nCancelled c2.\nMarked lost: no response.\n');
    const shown = await run.json<{ status: string; touches: unknown[] }>('show', 'marcus');
    expect(shown.status).toBe('lost');
    expect(shown.touches).toHaveLength(1);
  });

  it('starts the nurture clock at the decision, and the not-fit check-in months away', async () => {
    const run = await withMarcus();
    const nurture = await run.json<{ contact: { status: string; nurtureDueOn: string } }>('close', 'marcus', '--nurture');
    expect(nurture.contact).toMatchObject({ status: 'nurture', nurtureDueOn: '2026-12-23' });
    const notFit = await run.json<{ contact: { nurtureDueOn: string } }>('close', 'marcus', '--not-fit');
    // 90 days is Sunday 21 February: the next working day.
    expect(notFit.contact.nurtureDueOn).toBe('2027-02-22');
  });

  it('needs a disposition', async () => {
    const run = await withMarcus();
    const r = await run('close', 'marcus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--won, --lost REASON, --nurture or --not-fit/);
  });

  it('is what fu stale suggests to drop a contact that never answered', async () => {
    const run = await withMarcus();
    for (const day of ['2026-11-23', '2026-11-26', '2026-12-01'])
      expect((await run.at(`${day}T10:00:00Z`)('log', 'marcus', '--outcome', 'no-answer')).code).toBe(0);
    const stale = await run.at('2027-03-10T10:00:00Z')('stale');
    expect(stale.stdout).toContain('fu close 1 --lost "no response"');
    expect(stale.stdout).not.toContain('--outcome no-answer --lost');
  });
});

describe('a no-show (R3)', () => {
  it('closes the booked review as missed at once, is not an attempt, and makes the rebooking chase due that day', async () => {
    const run = await withMarcus();
    expect((await run('log', 'marcus', '--via', 'meeting', '--outcome', 'connected', '--next', 'review the proposal together', '--at', 'fri 10am')).code).toBe(
      0,
    );
    const missed = await run.at('2026-11-27T10:30:00Z')('log', 'marcus', '--via', 'meeting', '--outcome', 'no-show');
    expect(missed.code, missed.stderr).toBe(0);
    expect(missed.stdout).toBe(
      'Logged meeting no-show with Marcus Lee, Fri 27 Nov 10:30 (touch t2).\nMissed c1 (a no-show).\nChase to rebook due Fri 27 Nov: offer two new times.\n',
    );
    const today = await run.json<{ chases: { contactId: number; due: string }[] }>('today');
    expect(today.chases.map((c) => c.contactId)).toEqual([1]);
    const rebook = await run.json<LogJson>('log', 'marcus', '--via', 'email', '--outcome', 'sent');
    expect(rebook.attempt).toMatchObject({ number: 1 });
    // Their reply later that day does not turn the missed review into a kept one.
    expect((await run.at('2026-11-27T15:00:00Z')('log', 'marcus', '--via', 'email', '--outcome', 'replied')).code).toBe(0);
    const shown = await run.json<{ commitments: { id: number; state: string }[] }>('show', 'marcus');
    expect(shown.commitments).toMatchObject([{ id: 1, state: 'missed' }]);
  });

  it('refuses a no-show when no step was booked, changing nothing', async () => {
    const run = await withMarcus();
    const r = await run('log', 'marcus', '--outcome', 'no-show');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^fu: R3: There is no booked next step/);
  });
});

describe('a soft date that passes (R3)', () => {
  it('is missed the day after, and the chase starts instead of an overdue step', async () => {
    const run = await withMarcus();
    expect((await run('log', 'marcus', '--outcome', 'connected', '--next', 'call', '--at', 'wed', '--soft')).code).toBe(0);
    expect((await run.at('2026-11-25T09:00:00Z').json<{ chases: unknown[] }>('today')).chases).toEqual([]);
    const thursday = await run.at('2026-11-26T09:00:00Z').json<{ overdue: unknown[]; chases: { contactId: number; late: boolean }[] }>('today');
    expect(thursday.overdue).toEqual([]);
    expect(thursday.chases).toMatchObject([{ contactId: 1, late: false }]);
  });
});

describe('fu today --json', () => {
  it('says late for a chase due before today', async () => {
    const run = await withMarcus();
    expect((await run('log', 'marcus', '--outcome', 'no-answer')).code).toBe(0);
    const today = await run.at('2026-12-10T09:00:00Z').json<{ chases: { contactId: number; late: boolean }[] }>('today');
    expect(today.chases).toMatchObject([{ contactId: 1, late: true }]);
  });
});

describe('backfilled attempts and a lowered limit (R4, R5)', () => {
  // Sam: unanswered calls on Tue 10 and Sat 14 Nov; now is Mon 23 Nov.
  async function withSam() {
    const run = session({ now: '2026-11-10T10:00:00Z' });
    expect((await run('add', 'Sam Okafor')).code).toBe(0);
    expect((await run('log', 'sam', '--outcome', 'no-answer')).code).toBe(0);
    expect((await run.at('2026-11-14T10:00:00Z')('log', 'sam', '--outcome', 'no-answer')).code).toBe(0);
    return run.at(MONDAY);
  }

  it('judges a backfilled attempt against the whole history: the count after it and the spacing on both sides', async () => {
    const run = await withSam();
    const tooClose = await run('log', 'sam', '--outcome', 'no-answer', '--on', '2026-11-12 10:00');
    expect(tooClose.code).toBe(3);
    const later = await run('log', 'sam', '--outcome', 'no-answer', '--on', '2026-11-08 10:00');
    expect(later.code).toBe(3);
    expect(later.stderr).toMatch(/^fu: R5: A later attempt was Tue 10 Nov; space attempts 3 working days apart: this one must be Thu 5 Nov or earlier/);
    const third = await run('log', 'sam', '--outcome', 'no-answer', '--on', '2026-11-03 10:00');
    expect(third.code, third.stderr).toBe(0);
    for (const on of ['2026-11-06 10:00', '2026-10-25 10:00']) {
      const fourth = await run('log', 'sam', '--outcome', 'no-answer', '--on', on);
      expect(fourth.code).toBe(3);
      expect(fourth.stderr).toMatch(/^fu: R4: With this one, the sequence would hold 4 unanswered attempts \(the limit is 3\)/);
    }
    expect((await run.json<{ unansweredAttempts: number }>('show', 'sam')).unansweredAttempts).toBe(3);
  });

  it('makes the next attempt the break-up when the limit is lowered, never claiming one was sent', async () => {
    const run = await withSam();
    expect((await run('config', 'attempts.limit', '2')).code).toBe(0);
    const today = await run.json<{ chases: { contactId: number; attempt: { breakUp: boolean } }[] }>('today');
    expect(today.chases).toMatchObject([{ contactId: 1, attempt: { breakUp: true } }]);
    const breakUp = await run('log', 'sam', '--outcome', 'no-answer');
    expect(breakUp.code, breakUp.stderr).toBe(0);
    expect(breakUp.stdout).toContain('Attempt 3, the break-up (the limit is 2): moved to nurture');
    const after = await run.at('2026-11-27T10:00:00Z')('log', 'sam', '--outcome', 'no-answer');
    expect(after.code).toBe(3);
  });
});

describe('one verdict per contact', () => {
  it('does not list a value touch due for a nurture contact that fu stale lists to drop', async () => {
    const run = await withMarcus();
    expect((await run('log', 'marcus', '--outcome', 'connected', '--nurture')).code).toBe(0);
    for (const day of ['2026-12-23', '2027-01-22', '2027-02-22']) {
      expect((await run.at(`${day}T10:00:00Z`)('log', 'marcus', '--via', 'email', '--outcome', 'sent', '--value', 'a useful report')).code).toBe(0);
    }
    run.at('2027-04-01T10:00:00Z');
    const stale = await run.json<{ drop: { contactId: number }[] }>('stale');
    expect(stale.drop.map((r) => r.contactId)).toEqual([1]);
    expect((await run.json<{ nurture: unknown[] }>('today')).nurture).toEqual([]);
  });
});
