import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/domain/check.js';
import { buildDraft, type DraftInput, type DraftKind } from '../../src/domain/draft.js';
import { DEFAULT_CONFIG, type Commitment, type Touch } from '../../src/domain/types.js';
import { zoneOf } from '../../src/domain/zone.js';
import { ROOT } from '../helpers.js';
import { makeTouch } from './fixtures.js';

// Mon 23 Nov 2026, 09:00 UTC.
const NOW = '2026-11-23T09:00:00.000Z';
const TODAY = '2026-11-23';
const THU = '2026-11-19T14:00:00.000Z';
const template = (kind: DraftKind) => fs.readFileSync(path.join(ROOT, 'templates', `${kind}.txt`), 'utf8');

let ids = 1;
function promise(what: string, due: string, state: Commitment['state'], closedAt: string | null = null, kind: Commitment['kind'] = 'promise'): Commitment {
  return { id: ids++, contactId: 1, kind, what, due: { date: due }, soft: false, state, createdAt: THU, closedAt, late: false };
}

const ME = { ...DEFAULT_CONFIG, userName: 'Sam Seller', userCompany: 'Tessera', userPitch: 'we help warehouse teams plan their routes in minutes' };

interface History {
  kind?: DraftKind;
  touches?: Touch[];
  commitments?: Commitment[];
  source?: string | null;
  config?: DraftInput['config'];
  reason?: string | null;
}

function draftOf(h: History) {
  const kind = h.kind ?? 'follow-up';
  return buildDraft({
    kind,
    contact: { name: 'Dana Reyes', company: 'Acme', source: h.source ?? null },
    touches: h.touches ?? [],
    commitments: h.commitments ?? [],
    appointments: [],
    config: h.config ?? ME,
    now: NOW,
    zone: zoneOf('UTC'),
    reason: h.reason === undefined ? 'your team doubled this quarter' : h.reason,
    ask: null,
    slots: 2,
    template: template(kind),
  });
}

const SLOTS = 'Would Tue 24 Nov at 15:00 or Wed 25 Nov at 10:00 suit you for 15 minutes?';

// Part A of each history, exactly: every sentence grammatical whatever the notes say.
const HISTORIES: [string, History, string, string?][] = [
  [
    'cold, met through someone',
    { source: 'Lea suggested I write' },
    "I'm Sam Seller from Tessera. Lea suggested I write. We help warehouse teams plan their routes in minutes.",
  ],
  ['cold, a one-word source is not a sentence', { source: 'referral' }, "I'm Sam Seller from Tessera. We help warehouse teams plan their routes in minutes."],
  ['cold, nothing about you set', { config: { ...DEFAULT_CONFIG, userName: 'Sam Seller' } }, ''],
  [
    'cold, two unanswered calls',
    { source: 'we met at the Retail Expo', touches: [makeTouch('2026-11-16T10:00:00.000Z', 'no-answer'), makeTouch(THU, 'voicemail')] },
    "I'm Sam Seller from Tessera. We met at the Retail Expo. We help warehouse teams plan their routes in minutes. I called on Mon 16 Nov and Thu 19 Nov, and I know how full a week can get.",
  ],
  [
    'warm, a call about a topic',
    { touches: [makeTouch(THU, 'connected', 'call', { note: 'the pilot for the sales team' })] },
    'We spoke on the phone on Thu 19 Nov about the pilot for the sales team.',
  ],
  [
    'replied, a note that reports what they said',
    { touches: [makeTouch(THU, 'replied', 'email', { note: 'liked the pilot for the sales team idea, asked for a case study' })] },
    'Thank you for your reply on Thu 19 Nov.',
  ],
  [
    'a meeting, a note that is an observation',
    { touches: [makeTouch(THU, 'connected', 'meeting', { note: 'they need it before the board meets' })] },
    'It was good to meet on Thu 19 Nov.',
  ],
  [
    'a kept promise',
    { touches: [makeTouch(THU, 'connected', 'call')], commitments: [promise('send the case study', '2026-11-20', 'kept', '2026-11-20T10:00:00.000Z')] },
    'We spoke on the phone on Thu 19 Nov. As promised, I sent the case study.',
  ],
  [
    'a kept promise written as a topic',
    { touches: [makeTouch(THU, 'connected', 'call')], commitments: [promise('pricing for 40 seats', '2026-11-20', 'kept', '2026-11-20T10:00:00.000Z')] },
    'We spoke on the phone on Thu 19 Nov. As promised, I took care of pricing for 40 seats.',
  ],
  [
    'a missed promise and one still ahead',
    {
      touches: [makeTouch(THU, 'connected', 'call')],
      commitments: [promise('send pricing', '2026-11-20', 'open'), promise('the integration notes', '2026-11-25', 'open')],
    },
    'We spoke on the phone on Thu 19 Nov. As promised, I will send pricing and get you the integration notes by Wed 25 Nov.',
  ],
  [
    'a proposal sent',
    { touches: [makeTouch(THU, 'connected', 'call'), makeTouch('2026-11-20T10:00:00.000Z', 'sent', 'email', { proposal: true })] },
    'We spoke on the phone on Thu 19 Nov. I sent you our proposal on Fri 20 Nov.',
    SLOTS.replace('15 minutes?', '15 minutes to go through the proposal together?'),
  ],
  [
    'back from an auto-reply',
    {
      touches: [
        makeTouch('2026-11-10T10:00:00.000Z', 'connected', 'call'),
        makeTouch('2026-11-12T10:00:00.000Z', 'auto-reply', 'email', { until: '2026-11-20' }),
      ],
    },
    'Welcome back. We spoke on the phone on Tue 10 Nov.',
  ],
  [
    'still away after an auto-reply',
    {
      touches: [
        makeTouch('2026-11-10T10:00:00.000Z', 'connected', 'call'),
        makeTouch('2026-11-12T10:00:00.000Z', 'auto-reply', 'email', { until: '2026-11-30' }),
      ],
    },
    'We spoke on the phone on Tue 10 Nov. I know you are away at the moment, so there is no rush.',
  ],
];

describe('fu draft: part A for every kind of history', () => {
  it.each(HISTORIES)('%s', (_name, history, partA, ask = SLOTS) => {
    const d = draftOf(history);
    expect(d.body).toBe(`Hi Dana,\n\n${partA ? `${partA}\n\n` : ''}Your team doubled this quarter.\n\n${ask}\n\nBest,\nSam Seller\n`);
    expect(checkMessage(`Subject: ${d.subject}\n${d.body}`, TODAY)).toEqual([]);
  });

  it('a nurture touch to a contact never spoken to says who you are', () => {
    const d = draftOf({
      kind: 'nurture',
      reason: 'our benchmark of warehouse tools is out',
      touches: [makeTouch('2026-10-20T10:00:00.000Z', 'sent', 'email', { value: 'the route planning checklist' })],
    });
    expect(d.body).toBe(
      "Hi Dana,\n\nI'm Sam Seller from Tessera. We help warehouse teams plan their routes in minutes. Last time I shared the route planning checklist.\n\n" +
        'Our benchmark of warehouse tools is out.\n\nWould that be useful to you? A quick yes or no is all I need.\n\nBest,\nSam Seller\n',
    );
    expect(checkMessage(`Subject: ${d.subject}\n${d.body}`, TODAY)).toEqual([]);
  });

  it('a break-up after three unanswered attempts', () => {
    const d = draftOf({
      kind: 'breakup',
      reason: null,
      touches: [
        makeTouch(THU, 'connected', 'call'),
        makeTouch('2026-11-20T10:00:00.000Z', 'no-answer'),
        makeTouch('2026-11-23T08:00:00.000Z', 'sent', 'email'),
      ],
    });
    expect(d.body).toBe(
      'Hi Dana,\n\nWe spoke on the phone on Thu 19 Nov. I tried to reach you on Fri 20 Nov and Mon 23 Nov.\n\n' +
        "I'd like to carry on, but I can see you're busy right now, so this is my last note for a while.\n\n" +
        'Should I close the file for now? A one-word reply is plenty, and if the timing changes later, my door is open.\n\nBest,\nSam Seller\n',
    );
    expect(checkMessage(`Subject: ${d.subject}\n${d.body}`, TODAY)).toEqual([]);
  });

  it.each([
    ['a verb phrase', 'review it with their team', "You were going to review it with their team by Fri 20 Nov: I'd like to hear where it landed."],
    ['a topic', 'the budget decision', "You were going to come back on the budget decision by Fri 20 Nov: I'd like to hear where it landed."],
  ])('without a reason, what they were to do by a day now past is part B (%s)', (_how, what, partB) => {
    const d = draftOf({
      reason: null,
      touches: [makeTouch(THU, 'connected', 'call')],
      commitments: [promise(what, '2026-11-20', 'open', null, 'expectation')],
    });
    expect(d.body).toBe(`Hi Dana,\n\nWe spoke on the phone on Thu 19 Nov.\n\n${partB}\n\n${SLOTS}\n\nBest,\nSam Seller\n`);
    expect(d.todo).toEqual([]);
    expect(checkMessage(`Subject: ${d.subject}\n${d.body}`, TODAY)).toEqual([]);
  });

  it('an expectation still ahead leaves the reason to fill in', () => {
    const d = draftOf({
      reason: null,
      touches: [makeTouch(THU, 'connected', 'call')],
      commitments: [promise('review it with their team', '2026-11-27', 'open', null, 'expectation')],
    });
    expect(d.todo).toEqual([expect.stringContaining('[WHY NOW')]);
  });
});
