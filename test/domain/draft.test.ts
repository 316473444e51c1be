import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/domain/check.js';
import {
  buildDraft,
  proposeSlots,
  renderTemplate,
  templateProblem,
  topicOf,
  WHY_NOW,
  YOUR_NAME,
  type DraftInput,
  type DraftKind,
} from '../../src/domain/draft.js';
import { localDateOf, localTimeOf } from '../../src/domain/time.js';
import { DEFAULT_CONFIG, type Commitment } from '../../src/domain/types.js';
import { ROOT } from '../helpers.js';
import { makeTouch } from './fixtures.js';
import { zoneOf } from '../../src/domain/zone.js';

// Mon 23 Nov 2026, 09:00 UTC.
const NOW = '2026-11-23T09:00:00.000Z';
const TODAY = NOW.slice(0, 10);
const template = (kind: DraftKind) => fs.readFileSync(path.join(ROOT, 'templates', `${kind}.txt`), 'utf8');

function appointment(at: string, contactId = 9): Commitment {
  return { id: 1, contactId, kind: 'next-step', what: 'call', due: { at }, soft: false, state: 'open', createdAt: NOW, closedAt: null, late: false };
}

function draft(partial: Partial<DraftInput>) {
  const kind = partial.kind ?? 'follow-up';
  return buildDraft({
    kind,
    contact: { name: 'Dana Reyes', company: 'Acme', source: null },
    touches: [],
    commitments: [],
    appointments: [],
    config: { ...DEFAULT_CONFIG, userName: 'Sam Seller' },
    now: NOW,
    zone: zoneOf('UTC'),
    reason: 'your team doubled this quarter',
    ask: null,
    slots: 2,
    template: template(kind),
    ...partial,
  });
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('topicOf: a note is quoted as the topic only when it reads as one', () => {
  it.each([
    ['the pilot for the sales team', 'the pilot for the sales team'],
    ['the pilot for the sales team.', 'the pilot for the sales team'],
    ['Q1 budget and the pilot', 'Q1 budget and the pilot'],
    ['pricing for 40 seats', 'pricing for 40 seats'],
    ['Liked the pilot idea; asked to talk after their trade show.', null],
    ['Board meets this week on the budget', null],
    ['budget is frozen. call in March', null],
    ['any news?', null],
    ['liked the pilot for the sales team idea, asked for a case study', null],
    ['interested in a pilot', null],
    ['they want a trial', null],
    ['  ', null],
    [null, null],
  ])('%j -> %j', (note, topic) => {
    expect(topicOf(note)).toBe(topic);
  });

  it('leaves an observation out of the message and hands it back for the user to weave in', () => {
    const at = '2026-11-16T10:00:00.000Z';
    const d = draft({ touches: [makeTouch(at, 'connected', 'meeting', { note: 'Route planning is eating two days a week; CFO must sign off.' })] });
    expect(d.body).toContain('It was good to meet on Mon 16 Nov.\n');
    expect(d.body).not.toContain('Route planning');
    expect(d.leftOutNote).toEqual({ at, note: 'Route planning is eating two days a week; CFO must sign off.' });
  });
});

describe('buildDraft', () => {
  it('a follow-up after one conversation: history, reason, two slots, signed', () => {
    const d = draft({ touches: [makeTouch('2026-11-19T14:00:00.000Z', 'connected', 'call', { note: 'the pilot for the sales team.' })] });
    expect(d.subject).toBe('Acme: next step');
    expect(d.body).toBe(
      'Hi Dana,\n\nWe spoke on the phone on Thu 19 Nov about the pilot for the sales team.\n\nYour team doubled this quarter.\n\n' +
        'Would Tue 24 Nov at 15:00 or Wed 25 Nov at 10:00 suit you for 15 minutes?\n\nBest,\nSam Seller\n',
    );
    expect(d.slots).toEqual(['2026-11-24T15:00:00.000Z', '2026-11-25T10:00:00.000Z']);
    expect(d.todo).toEqual([]);
    expect(checkMessage(d.body, TODAY)).toEqual([]);
    expect(d.leftOutNote).toBeNull();
  });

  it('without a reason or a name leaves marked placeholders', () => {
    const d = draft({ reason: null, config: DEFAULT_CONFIG });
    expect(d.body).toContain(WHY_NOW);
    expect(d.body).toContain(YOUR_NAME);
    expect(d.todo).toEqual([WHY_NOW, YOUR_NAME]);
  });

  it('after a proposal: says it was sent and asks to go through it together', () => {
    const d = draft({ touches: [makeTouch('2026-11-18T10:00:00.000Z', 'sent', 'email', { proposal: true })] });
    expect(d.body).toContain('I sent you our proposal on Wed 18 Nov.');
    expect(d.body).toContain('suit you for 15 minutes to go through the proposal together?');
    expect(checkMessage(d.body, TODAY)).toEqual([]);
  });

  it('a break-up after two unanswered calls: the attempts, no slots, one light ask', () => {
    const d = draft({
      kind: 'breakup',
      reason: null,
      touches: [makeTouch('2026-11-16T10:00:00.000Z', 'no-answer'), makeTouch('2026-11-19T10:00:00.000Z', 'voicemail')],
    });
    expect(d.body).toContain('I called on Mon 16 Nov and Thu 19 Nov.');
    expect(d.body).toContain("I'd like to carry on, but I can see you're busy right now");
    expect(d.slots).toEqual([]);
    expect(d.todo).toEqual([]);
    expect(checkMessage(`Subject: ${d.subject}\n${d.body}`, TODAY)).toEqual([]);
  });

  it('a nurture touch shares the reason and asks only for an easy reply', () => {
    const d = draft({ kind: 'nurture', reason: 'our benchmark of warehouse tools is out: https://example.com/b' });
    // No full stop after a link: it would become part of the link when clicked.
    expect(d.body).toContain('Our benchmark of warehouse tools is out: https://example.com/b\n');
    expect(d.body).toContain('Would that be useful to you?');
    expect(d.slots).toEqual([]);
    expect(checkMessage(d.body, TODAY)).toEqual([]);
  });

  it('confirms an appointment already agreed instead of offering slots', () => {
    const next: Commitment = { ...appointment('2026-11-24T15:00:00.000Z', 1), what: 'the demo to the team' };
    const d = draft({ commitments: [next], appointments: ['2026-11-24T15:00:00.000Z'] });
    expect(d.body).toContain('Are we still on for Tue 24 Nov at 15:00 (the demo to the team)?');
    expect(d.slots).toEqual([]);
  });

  it('uses --ask as the one ask', () => {
    const d = draft({ ask: 'could we review the quote on Thursday at 10:00' });
    expect(d.body).toContain('Could we review the quote on Thursday at 10:00?');
    expect(d.slots).toEqual([]);
  });

  it.each<DraftKind>(['follow-up', 'breakup', 'nurture'])('a %s with a long history stays under 120 words', (kind) => {
    const note = 'a long note '.repeat(30);
    const d = draft({
      kind,
      touches: [
        makeTouch('2026-11-10T14:00:00.000Z', 'connected', 'meeting', { note }),
        makeTouch('2026-11-16T10:00:00.000Z', 'no-answer'),
        makeTouch('2026-11-19T10:00:00.000Z', 'sent', 'email'),
      ],
    });
    expect(words(d.body)).toBeLessThan(120);
  });
});

describe('what is owed and what is left to fill in', () => {
  const promise = (what: string, date: string, id: number): Commitment => ({ ...appointment(NOW), id, kind: 'promise', what, due: { date } });

  it('repeats the date of a promise still ahead, not of one already missed', () => {
    // Mon 23 Nov 18:00: the promise due that day (at day.end, 17:00) was just missed; Tuesday's is ahead.
    const d = draft({ now: '2026-11-23T18:00:00.000Z', commitments: [promise('send the deck', '2026-11-23', 1), promise('send pricing', '2026-11-24', 2)] });
    expect(d.body).toContain('As promised, I will send the deck and send pricing by Tue 24 Nov.');
  });

  it('lists as to do only the placeholders the message holds: a template may leave out the reason and the signature', () => {
    const bare = 'Subject: {{company}}\nHi {{firstName}}. {{ask}}\n';
    expect(draft({ reason: null, config: DEFAULT_CONFIG, template: bare }).todo).toEqual([]);
    expect(draft({ reason: null, config: DEFAULT_CONFIG }).todo).toEqual([WHY_NOW, YOUR_NAME]);
  });

  it('makes a --ask a question unless it already ends like a sentence', () => {
    expect(draft({ ask: 'could we talk   on Thursday' }).body).toContain('\n\nCould we talk on Thursday?\n');
    expect(draft({ ask: 'Call me on Thursday.' }).body).toContain('\n\nCall me on Thursday.\n');
  });
});

describe('proposeSlots', () => {
  it('skips the weekend, stays in working hours and avoids appointments', () => {
    const friday = '2026-11-27T12:00:00.000Z';
    const busy = ['2026-11-30T15:00:00.000Z', '2026-11-30T14:40:00.000Z'];
    const slots = proposeSlots(3, busy, { ...DEFAULT_CONFIG, dayStart: '08:00', dayEnd: '16:00' }, friday, zoneOf('UTC'));
    expect(slots).toEqual(['2026-11-30T15:30:00.000Z', '2026-12-01T10:00:00.000Z', '2026-12-02T15:00:00.000Z']);
  });

  it('works in the user zone', () => {
    const [slot] = proposeSlots(1, [], DEFAULT_CONFIG, NOW, zoneOf('America/New_York'));
    expect(localTimeOf(slot!, zoneOf('America/New_York'))).toBe('15:00');
    expect(localDateOf(slot!, zoneOf('America/New_York'))).toBe('2026-11-24');
  });
});

describe('templates', () => {
  it('names an unknown placeholder and requires a Subject line', () => {
    expect(templateProblem('Subject: hi\n{{firstName}} {{wat}}')).toBe('it has an unknown placeholder {{wat}}');
    expect(templateProblem('Hello {{firstName}}')).toBe('its first line must be "Subject: ..."');
    expect(templateProblem(template('follow-up'))).toBeNull();
  });

  it('drops the paragraph of an empty part', () => {
    const values = { firstName: 'Dana', name: '', company: '', history: '', reason: 'R.', ask: 'A?', signature: 'S', yourName: '' };
    expect(renderTemplate('Subject: x\nHi {{firstName}},\n\n{{history}}\n\n{{reason}}\n\n{{ask}}\n', values)).toEqual({
      subject: 'x',
      body: 'Hi Dana,\n\nR.\n\nA?\n',
    });
  });
});

describe('proposeSlots with a full calendar', () => {
  it('finds the first free half hour among thousands of appointments, on either side of each', () => {
    // Every half hour of every working day booked for 60 days, but Wed 25 Nov 11:30 (Tue 24 Nov fully booked).
    const booked: string[] = [];
    for (let day = 24; day < 24 + 62; day++) {
      for (let m = 0; m < 24 * 60; m += 30) {
        const at = new Date(Date.UTC(2026, 10, day, 0, m)).toISOString();
        if (at !== '2026-11-25T11:30:00.000Z') booked.push(at);
      }
    }
    expect(proposeSlots(1, booked.reverse(), DEFAULT_CONFIG, NOW, zoneOf('UTC'))).toEqual(['2026-11-25T11:30:00.000Z']);
    // An appointment at 11:45 overlaps it (appointments last 30 minutes); one at 11:00 ends as it starts.
    expect(proposeSlots(1, [...booked, '2026-11-25T11:45:00.000Z'], DEFAULT_CONFIG, NOW, zoneOf('UTC'))).toEqual([]);
  });
});
