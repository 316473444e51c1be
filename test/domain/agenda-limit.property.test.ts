import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgenda, SECTIONS, type AgendaContact } from '../../src/domain/agenda.js';
import { addDays, localDateOf } from '../../src/domain/time.js';
import { CHANNELS, DEFAULT_CONFIG, type Commitment } from '../../src/domain/types.js';
import { zoneOf } from '../../src/domain/zone.js';

const BASE = Date.parse('2026-11-23T12:00:00.000Z');
const HOUR = 3_600_000;
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
// Few contacts and days, so that rows share a contact (the passed-expectation hint) and a due day (the order by id).
const contactId = fc.integer({ min: 1, max: 6 });
const hoursOff = fc.integer({ min: -8 * 24, max: 4 * 24 });
const dayOff = fc.integer({ min: -8, max: 4 });
const dayOf = (off: number) => addDays('2026-11-23', off);
const instantOf = (hours: number) => new Date(BASE + hours * HOUR).toISOString();

const commitmentArb = fc.record({
  contactId,
  kind: fc.constantFrom('next-step' as const, 'promise' as const, 'expectation' as const),
  due: fc.oneof(
    hoursOff.map((h) => ({ at: instantOf(h) })),
    dayOff.map((d) => ({ date: dayOf(d) })),
  ),
  soft: fc.boolean(),
  state: fc.constantFrom('open' as const, 'open' as const, 'open' as const, 'kept' as const, 'cancelled' as const),
  what: fc.constantFrom('demo', 'send pricing', 'sign the order'),
});

const contactArb = fc.record({
  status: fc.constantFrom('active' as const, 'active' as const, 'nurture' as const, 'won' as const, 'lost' as const),
  chaseDueOn: fc.option(dayOff.map(dayOf)),
  nurtureDueOn: fc.option(dayOff.map(dayOf)),
  unanswered: fc.integer({ min: 0, max: 4 }),
  lastAttemptAt: fc.option(hoursOff.map(instantOf)),
  lastAttemptChannel: fc.option(fc.constantFrom(...CHANNELS)),
  sameChannelRun: fc.integer({ min: 0, max: 3 }),
  lastTouchAt: fc.option(hoursOff.map(instantOf)),
  valueUnanswered: fc.integer({ min: 0, max: 3 }),
});

const bookArb = fc.record({
  commitments: fc.array(commitmentArb, { maxLength: 40 }),
  contacts: fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 12 }), c: contactArb }), { selector: (x) => x.id, maxLength: 12 }),
  nowHours: fc.integer({ min: -12, max: 12 }),
  dateOff: fc.integer({ min: -1, max: 2 }),
  tz: fc.constantFrom(...ZONES),
  attemptsLimit: fc.constantFrom(2 as const, 3 as const),
  limit: fc.integer({ min: 1, max: 6 }),
});

describe('the agenda with --limit', () => {
  it('shows the first rows of each section of the full agenda, in the same order, and counts every row', () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const zone = zoneOf(book.tz);
        const now = instantOf(book.nowHours);
        const commitments: Commitment[] = book.commitments.map((c, i) => ({
          id: 100 + i,
          ...c,
          createdAt: '2026-11-01T09:00:00.000Z',
          closedAt: c.state === 'open' ? null : '2026-11-02T09:00:00.000Z',
          late: false,
        }));
        const contacts: AgendaContact[] = book.contacts.map(({ id, c }) => ({
          id,
          status: c.status,
          derived: {
            lastTouchAt: c.lastTouchAt,
            lastTwoWayAt: null,
            unanswered: c.unanswered,
            lastAttemptAt: c.lastAttemptAt,
            lastAttemptChannel: c.lastAttemptChannel,
            sameChannelRun: c.sameChannelRun,
            chaseDueOn: c.chaseDueOn,
            nurtureDueOn: c.nurtureDueOn,
            valueUnanswered: c.valueUnanswered,
          },
        }));
        const input = {
          date: addDays(localDateOf(now, zone), book.dateOff),
          now,
          zone,
          config: { ...DEFAULT_CONFIG, attemptsLimit: book.attemptsLimit },
          commitments,
          contacts,
          nextDate: null,
        };
        // The input is read, not changed: the full agenda is built from the same arrays afterwards.
        const limited = buildAgenda({ ...input, limit: book.limit });
        const full = buildAgenda({ ...input, limit: 0 });
        for (const s of SECTIONS) {
          expect(full.counts[s]).toBe(full.sections[s].length);
          expect(limited.counts[s]).toBe(full.counts[s]);
          expect(limited.sections[s]).toEqual(full.sections[s].slice(0, book.limit));
        }
      }),
      { numRuns: 500 },
    );
  });
});
