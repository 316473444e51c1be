/** fu draft reads the user's appointments only for a draft that offers free slots: offersSlots must say so exactly. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDraft, offersSlots, type DraftKind } from '../../src/domain/draft.js';
import { DEFAULT_CONFIG, type Commitment } from '../../src/domain/types.js';
import { zoneOf } from '../../src/domain/zone.js';
import { ROOT } from '../helpers.js';

const NOW = '2026-11-23T09:00:00.000Z';

const step = (due: Commitment['due'], state: Commitment['state'] = 'open'): Commitment => ({
  id: 1,
  contactId: 1,
  kind: 'next-step',
  what: 'demo',
  due,
  soft: false,
  state,
  createdAt: NOW,
  closedAt: null,
  late: false,
});

const cases: [string, DraftKind, string | null, Commitment[]][] = [
  ['a follow-up with nothing booked', 'follow-up', null, []],
  ['a follow-up with a blank ask', 'follow-up', '  ', []],
  ['a follow-up with an ask of its own', 'follow-up', 'Can you share the budget?', []],
  ['a follow-up with a step booked ahead', 'follow-up', null, [step({ at: '2026-11-25T10:00:00.000Z' })]],
  ['a follow-up whose booked step has passed', 'follow-up', null, [step({ at: '2026-11-20T10:00:00.000Z' })]],
  ['a follow-up with a step on a day, no time', 'follow-up', null, [step({ date: '2026-11-25' })]],
  ['a follow-up whose step ahead was cancelled', 'follow-up', null, [step({ at: '2026-11-25T10:00:00.000Z' }, 'cancelled')]],
  ['a break-up', 'breakup', null, []],
  ['a value touch', 'nurture', null, []],
];

describe('offersSlots: whether a draft offers free slots', () => {
  it.each(cases)('agrees with the draft itself for %s', (_, kind, ask, commitments) => {
    const draft = buildDraft({
      kind,
      contact: { name: 'Dana Reyes', company: 'Acme', source: null },
      touches: [],
      commitments,
      appointments: [],
      config: { ...DEFAULT_CONFIG, userName: 'Sam Seller' },
      now: NOW,
      zone: zoneOf('UTC'),
      reason: 'your team doubled this quarter',
      ask,
      slots: 2,
      template: fs.readFileSync(path.join(ROOT, 'templates', `${kind}.txt`), 'utf8'),
    });
    expect(offersSlots(kind, ask, commitments, NOW)).toBe(draft.slots.length > 0);
  });
});
