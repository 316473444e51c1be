/** Every .ics fu writes, read back by an independent parser (ical.js). */
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { session, type Session } from '../helpers.js';

interface Parsed {
  method: string | null;
  events: {
    uid: string;
    sequence: number;
    summary: string;
    start: string;
    end: string | null;
    allDay: boolean;
    offset: number;
    attendee: string | null;
    organizer: string | null;
    status: string | null;
  }[];
}

function parseIcs(text: string): Parsed {
  const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const start = e.startDate;
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      start: start.isDate ? start.toString() : start.toJSDate().toISOString(),
      end: e.endDate && !start.isDate ? e.endDate.toJSDate().toISOString() : null,
      allDay: start.isDate,
      offset: start.isDate ? 0 : start.utcOffset() / 3600,
      attendee: (v.getFirstPropertyValue('attendee') as string | null) ?? null,
      organizer: (v.getFirstPropertyValue('organizer') as string | null) ?? null,
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
    };
  });
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.remove(tz.getFirstPropertyValue('tzid') as string);
  return { method: (cal.getFirstPropertyValue('method') as string | null) ?? null, events };
}

/** Dana with a timed step before the autumn DST change, Lee soft, a promise after the change. */
async function agenda(): Promise<Session> {
  const run = session({ now: '2026-10-20T08:00:00Z', tz: 'Europe/Paris' });
  await run('add', 'Dana Reyes', '--company', 'Acme', '--email', 'dana@acme.example');
  await run('add', 'Lee Park', '--company', 'Fabrikam');
  await run('add', 'Sam Okafor');
  expect(
    (
      await run(
        'log',
        'dana',
        '--outcome',
        'connected',
        '--next',
        'demo to the team',
        '--at',
        '2026-10-23 15:00',
        '--promise',
        'send pricing',
        '--by',
        '2026-10-27 10:00',
      )
    ).code,
  ).toBe(0);
  expect((await run('next', 'lee', 'decision call', '--at', '2026-10-30', '--soft')).code).toBe(0);
  expect((await run('log', 'sam', '--outcome', 'connected', '--next', 'intro', '--at', '2026-10-21 10:00')).code).toBe(0);
  return run;
}

describe('fu calendar', () => {
  it('writes open next steps as 30-minute events, soft ones all day, promises at their due time, with the right offsets across a DST change', async () => {
    const run = await agenda();
    const r = await run('calendar');
    expect(r.code, r.stderr).toBe(0);
    const { events, method } = parseIcs(r.stdout);
    expect(method).toBeNull();
    expect(events.map((e) => [e.summary, e.start, e.end, e.allDay, e.offset])).toEqual([
      ['intro (Sam Okafor)', '2026-10-21T08:00:00.000Z', '2026-10-21T08:30:00.000Z', false, 2],
      ['demo to the team (Dana Reyes, Acme)', '2026-10-23T13:00:00.000Z', '2026-10-23T13:30:00.000Z', false, 2],
      // After the clocks go back on 25 October: UTC+1.
      ['Promise to Dana Reyes, Acme: send pricing', '2026-10-27T09:00:00.000Z', '2026-10-27T09:30:00.000Z', false, 1],
      ['decision call (Lee Park, Fabrikam)', '2026-10-30', null, true, 0],
    ]);
  });

  it('keeps each UID across runs and days, and drops done and cancelled ones', async () => {
    const run = await agenda();
    const first = parseIcs((await run('calendar')).stdout).events;
    const second = parseIcs((await run.at('2026-10-20T12:00:00Z')('calendar')).stdout).events;
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(new Set(first.map((e) => e.uid)).size).toBe(4);
    const promise = (await run.json<{ commitments: { id: number; kind: string }[] }>('show', 'dana')).commitments.find((c) => c.kind === 'promise')!;
    expect((await run('done', `c${promise.id}`)).code).toBe(0);
    const sam = (await run.json<{ nextStep: { id: number } }>('show', 'sam')).nextStep;
    expect((await run('cancel', `c${sam.id}`)).code).toBe(0);
    const third = parseIcs((await run('calendar')).stdout).events;
    expect(third.map((e) => e.uid)).toEqual([first[1]!.uid, first[3]!.uid]);
  });

  it('writes the file given with --out, whole, readable by its owner only', async () => {
    const run = await agenda();
    const file = path.join(run.dir, 'fu.ics');
    const r = await run('calendar', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Wrote 4 events');
    expect(parseIcs(fs.readFileSync(file, 'utf8')).events).toHaveLength(4);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps control characters of stored text out of the file', async () => {
    const run = session();
    await run('add', 'Evil\u001b[31m', '--email', 'e@example.org');
    await run('next', 'evil', 'call;, me\u0007', '--at', '2026-11-24 10:00');
    const text = (await run('calendar')).stdout;
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(parseIcs(text).events[0]!.summary).toBe('call;, me  (Evil [31m)');
  });
});

describe('fu invite', () => {
  it('writes METHOD:REQUEST with the organizer, the attendee and the step, then an update with the same UID and a higher SEQUENCE after fu next', async () => {
    const run = await agenda();
    expect((await run('config', 'user.email', 'sam@brightline.example')).code).toBe(0);
    const first = await run('invite', 'dana');
    expect(first.code, first.stderr).toBe(0);
    const a = parseIcs(first.stdout);
    expect(a.method).toBe('REQUEST');
    expect(a.events).toHaveLength(1);
    expect(a.events[0]).toMatchObject({ summary: 'demo to the team', start: '2026-10-23T13:00:00.000Z', sequence: 0, status: 'CONFIRMED' });
    expect(a.events[0]!.attendee).toMatch(/^mailto:dana@acme\.example$/i);
    expect(a.events[0]!.organizer).toBe('mailto:sam@brightline.example');
    expect((await run('next', 'dana', 'demo to the team', '--at', '2026-10-28 11:00')).code).toBe(0);
    expect((await run('next', 'dana', 'demo to the team', '--at', '2026-10-29 11:00')).code).toBe(0);
    const b = parseIcs((await run('invite', 'dana')).stdout).events[0]!;
    expect(b.uid).toBe(a.events[0]!.uid);
    expect(b.sequence).toBe(2);
    expect(b.start).toBe('2026-10-29T10:00:00.000Z');
    expect(b.offset).toBe(1);
  });

  it('writes METHOD:CANCEL for a cancelled step, above the last SEQUENCE, and refuses while it is open', async () => {
    const run = await agenda();
    await run('config', 'user.email', 'sam@brightline.example');
    const step = (await run.json<{ nextStep: { id: number } }>('show', 'dana')).nextStep.id;
    const open = await run('invite', 'dana', '--cancel', `c${step}`);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain(`fu cancel c${step}`);
    const request = parseIcs((await run('invite', 'dana')).stdout).events[0]!;
    expect((await run('cancel', `c${step}`)).code).toBe(0);
    const cancel = parseIcs((await run('invite', 'dana', '--cancel', `c${step}`)).stdout);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]).toMatchObject({ uid: request.uid, sequence: request.sequence + 1, status: 'CANCELLED' });
  });

  it("refuses clearly without user.email, without the contact's email, without an open timed step", async () => {
    const run = await agenda();
    const noUser = await run('invite', 'dana');
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain('fu config user.email');
    await run('config', 'user.email', 'sam@brightline.example');
    const noEmail = await run('invite', 'sam');
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toContain('Sam Okafor has no email');
    await run('edit', 'lee', '--email', 'lee@fabrikam.example');
    expect((await run('invite', 'lee')).stderr).toContain('no time agreed');
    await run('add', 'Nobody Booked', '--email', 'nb@example.org');
    expect((await run('invite', 'nobody')).code).toBe(4);
    expect((await run('config', 'user.email', 'not an email')).code).toBe(2);
  });

  it('fu log --invite records the touch and writes the invitation in one command, and refuses before writing when an email is missing', async () => {
    const run = await agenda();
    const file = path.join(run.dir, 'invite.ics');
    const refused = await run('log', 'dana', '--outcome', 'connected', '--next', 'pilot kickoff', '--at', '2026-11-03 09:30', '--invite', file);
    expect(refused.code).toBe(2);
    expect((await run.json<{ nextStep: { what: string } }>('show', 'dana')).nextStep.what).toBe('demo to the team');
    await run('config', 'user.email', 'sam@brightline.example');
    const r = await run('log', 'dana', '--outcome', 'connected', '--next', 'pilot kickoff', '--at', '2026-11-03 09:30', '--invite', file);
    expect(r.code, r.stderr).toBe(0);
    const { method, events } = parseIcs(fs.readFileSync(file, 'utf8'));
    expect(method).toBe('REQUEST');
    expect(events[0]).toMatchObject({ summary: 'pilot kickoff', start: '2026-11-03T08:30:00.000Z', sequence: 0 });
  });
});
