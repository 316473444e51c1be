import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { agendaRows, SQL, staleContacts, staleMissed } from '../../src/store/queries.js';
import { Store } from '../../src/store/store.js';
import { type Commitment, DEFAULT_CONFIG, type DerivedState } from '../../src/domain/types.js';
import { staleParams } from '../../src/domain/stale.js';
import { stalePage } from '../../src/app/stale.js';
import { agendaDay, nextDueDate } from '../../src/domain/agenda.js';
import { deriveState } from '../../src/domain/derive.js';
import { tempDir } from '../helpers.js';
import { zoneOf } from '../../src/domain/zone.js';
import { noHistory, unansweredAttempt } from '../domain/fixtures.js';

function freshStore(): Store {
  return new Store(openDatabase(path.join(tempDir(), 'fu.db')));
}

const params = {
  ...agendaDay('2026-11-23', zoneOf('Europe/Paris')),
  ...staleParams({ now: '2026-11-23T08:00:00.000Z', zone: zoneOf('Europe/Paris'), config: DEFAULT_CONFIG }),
  ids: '[1, 2]',
  committed: '[3]',
  steps: '[4]',
};

/** The parameters of `params` that `sql` names. */
function paramsOf(sql: string): Record<string, unknown> {
  const names = new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!));
  return Object.fromEntries(Object.entries(params).filter(([k]) => names.has(k)));
}

function plan(store: Store, sql: string): string[] {
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(paramsOf(sql)) as { detail: string }[]).map((r) => r.detail);
}

/**
 * The opcodes of `sql` that read a row of the table behind `index`, where the statement seeks it from that index:
 * none when the index holds every column read. The query plan does not say "COVERING" of an index that holds
 * generated columns (contacts_stale, migration 015); SQLite's program shows whether the table is read.
 */
function tableReadsBehind(store: Store, sql: string, index: string): string[] {
  type Op = { opcode: string; p1: number; p2: number; p3: number };
  const ops = store.db.prepare(`EXPLAIN ${sql}`).all(paramsOf(sql)) as Op[];
  const root = store.db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(index);
  const indexCursors = new Set(ops.filter((o) => o.opcode === 'OpenRead' && o.p2 === root).map((o) => o.p1));
  // SQLite seeks the table row only when a column of it is read (DeferredSeek: index cursor p1, table cursor p3).
  const tableCursors = new Set(ops.filter((o) => o.opcode === 'DeferredSeek' && indexCursors.has(o.p1)).map((o) => o.p3));
  expect(indexCursors.size, `${index} is read`).toBeGreaterThan(0);
  return ops.filter((o) => tableCursors.has(o.p1) && ['Column', 'Rowid', 'SeekRowid', 'NotExists', 'FinishSeek'].includes(o.opcode)).map((o) => o.opcode);
}

describe('the daily queries are index-driven', () => {
  // Some rows, so the planner has something to weigh; ANALYZE makes it use real statistics.
  const store = freshStore();
  for (let i = 0; i < 50; i++) {
    const id = store.insertContact({ name: `C${i}`, company: null, email: null, phone: null, source: null, note: null }, '2026-11-01T09:00:00.000Z');
    store.insertTouch(unansweredAttempt(id, '2026-11-02T09:00:00.000Z'), [], '2026-11-02T09:00:00.000Z');
  }
  store.db.exec('ANALYZE');

  // fu stale looks at every live contact, so reading the contacts table whole is
  // fine there; what must never happen is a scan of touches (or of commitments).
  it.each<[string, string, string[], string[]]>([
    ['agenda commitments', SQL.agendaCommitments, ['commitments_open_due_at', 'commitments_open_due_date'], []],
    ['chases due', SQL.chasesDue, ['contacts_chase_due'], []],
    ['nurture due', SQL.nurtureDue, ['contacts_nurture_due'], []],
    ['the next day with anything due', SQL.nextDue, ['commitments_open_due_at', 'commitments_open_due_date', 'contacts_chase_due', 'contacts_nurture_due'], []],
    [
      'stale candidates of the whole list',
      SQL.staleContacts,
      ['commitments_open_due_at', 'commitments_open_due_date', 'contacts_stale'],
      // The contacts with a commitment that may be missed or is soft (due, i) are read whole once made.
      ['due', 'i'],
    ],
    ['stale commitments of the whole list', SQL.staleCommitments, ['commitments_open_due_at', 'commitments_open_due_date'], []],
    ['stale missed', SQL.staleMissed, ['contacts_step_due_at', 'contacts_step_due_date', 'contacts_promise_due_at', 'contacts_promise_due_date'], []],
    ['stale soft, counted', SQL.staleSoftCounted, ['contacts_step_due_date'], []],
    ['stale soft, ranked', SQL.staleSoftRanked, ['contacts_step_due_date'], []],
    ['stale contacts shown', SQL.staleShown, [], ['j']],
    ['open commitments of the stale contacts shown', SQL.staleOpen, ['commitments_contact'], ['j']],
    ['commitments by id', SQL.commitmentsById, [], ['j']],
  ])('%s: uses %j, never scans touches', (_name, sql, indexes, mayScan) => {
    const details = plan(store, sql);
    // Never a scan of the contacts table itself.
    expect(details.filter((d) => /^SCAN (c|contacts)\b/.test(d))).toEqual([]);
    for (const index of indexes)
      expect(
        details.some((d) => new RegExp(`INDEX ${index}\\b`).test(d)),
        `${index} in\n${details.join('\n')}`,
      ).toBe(true);
    const scans = details.filter((d) => d.startsWith('SCAN ') && d !== 'SCAN CONSTANT ROW').map((d) => d.split(' ')[1]);
    expect(scans.filter((table) => !mayScan.includes(table!))).toEqual([]);
    expect(details.join('\n')).not.toMatch(/SCAN (t|touches)\b|SEARCH (t|touches)\b(?! USING (COVERING )?INDEX touches_contact)/);
  });
});

describe('where fu stale reads the contacts it lists', () => {
  it('reads contacts_stale alone for the contacts of the whole list with nothing booked, and the table only by id for those with a commitment due', () => {
    const details = plan(freshStore(), SQL.staleContacts);
    expect(details).toContain('SEARCH c USING INDEX contacts_stale (status=?)');
    expect(tableReadsBehind(freshStore(), SQL.staleContacts, 'contacts_stale')).toEqual([]);
    expect(details.filter((d) => /^SEARCH c USING INTEGER PRIMARY KEY/.test(d))).toHaveLength(1);
  });

  it('reads the contacts shown from the table by id, one page each', () => {
    expect(plan(freshStore(), SQL.staleShown)).toEqual(['SCAN j VIRTUAL TABLE INDEX 1:', 'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)']);
  });
});

describe('fu stale counts and ranks each category after missed and soft from an index of its own', () => {
  const INDEX = { 're-engage': 'contacts_stale_reengage', drop: 'contacts_stale_drop', 'no-next-step': 'contacts_stale_no_step' } as const;
  const categories = Object.entries(INDEX) as [keyof typeof INDEX, string][];

  it.each(categories)('%s: counted and ranked from %s alone, never the table or the touches', (category, index) => {
    for (const sql of [SQL.staleCounted[category], SQL.staleRanked[category]]) {
      const details = plan(freshStore(), sql);
      expect(details.filter((d) => / c USING /.test(d))).toEqual([expect.stringMatching(new RegExp(`^(SCAN|SEARCH) c USING COVERING INDEX ${index}\\b`))]);
      expect(details.join('\n')).not.toMatch(/\b(t|touches)\b/);
    }
  });

  it.each(categories)('%s: ranked in the order of its index, so that reading stops after the rows shown', (category) => {
    expect(plan(freshStore(), SQL.staleRanked[category]).join('\n')).not.toContain('TEMP B-TREE');
  });

  it('reads the soft contacts in the order of contacts_step_due_date, so that reading stops after the rows shown', () => {
    expect(plan(freshStore(), SQL.staleSoftRanked).join('\n')).not.toContain('TEMP B-TREE');
  });
});

describe('agenda rows', () => {
  it('reads the commitments due on or before the local day, the contacts due, and the next day with anything', () => {
    const store = freshStore();
    const tz = 'Europe/Paris';
    const contact = store.insertContact({ name: 'Dana', company: 'Acme', email: null, phone: null, source: null, note: null }, '2026-11-01T09:00:00.000Z');
    const add = (due: { at: string } | { date: string }, kind: 'next-step' | 'promise' = 'promise') =>
      store.insertCommitment({ contactId: contact, kind, what: 'x', due, soft: false, touchId: null }, '2026-11-01T09:00:00.000Z');
    // Mon 23 Nov in Paris is [2026-11-22T23:00Z, 2026-11-23T23:00Z).
    const lastMinute = add({ at: '2026-11-23T22:59:00.000Z' });
    const before = add({ date: '2026-11-20' });
    const nextDay = add({ at: '2026-11-23T23:00:00.000Z' });
    const later = add({ date: '2026-11-25' });
    const closed = add({ date: '2026-11-23' });
    store.closeCommitment(closed, 'cancelled', '2026-11-02T09:00:00.000Z', null);
    store.saveDerived(contact, { ...deriveState('active', [], null, DEFAULT_CONFIG, zoneOf(tz), null), chaseDueOn: '2026-11-23' }, null);

    const rows = agendaRows(store, agendaDay('2026-11-23', zoneOf(tz)));
    // Not the next day's, not a later one, not a closed one.
    expect(rows.commitments.map((c) => c.id).sort()).toEqual([lastMinute, before].sort());
    expect(rows.commitments.map((c) => c.id)).not.toContain(nextDay);
    expect(rows.commitments.map((c) => c.id)).not.toContain(later);
    expect(store.namesOf([contact])).toEqual(new Map([[contact, { name: 'Dana', company: 'Acme' }]]));
    expect(rows.contacts.map((c) => c.id)).toEqual([contact]);
    expect(nextDueDate(rows.next, zoneOf(tz))).toBe('2026-11-24');
  });
});

describe('stale candidates', () => {
  it('reads what the rows of live contacts with a promise missed say of it, and a contact shown with the seconds its days count from and its open commitments', () => {
    const store = freshStore();
    const fields = { company: null, email: null, phone: null, source: null, note: null };
    const live = store.insertContact({ name: 'Live', ...fields }, '2026-11-10T09:00:00.000Z');
    const won = store.insertContact({ name: 'Won', ...fields }, '2026-11-10T09:00:00.000Z');
    store.setStatus(won, 'won', '2026-11-10T09:00:00.000Z');
    store.insertTouch(unansweredAttempt(live, '2026-08-01T09:00:00.000Z'), [], '2026-11-10T09:00:00.000Z');
    const open = store.insertCommitment(
      { contactId: live, kind: 'promise', what: 'pricing', due: { date: '2026-11-20' }, soft: false, touchId: null },
      '2026-11-10T09:00:00.000Z',
    );
    const done = store.insertCommitment(
      { contactId: live, kind: 'promise', what: 'deck', due: { date: '2026-11-18' }, soft: false, touchId: null },
      '2026-11-10T09:00:00.000Z',
    );
    store.closeCommitment(done, 'kept', '2026-11-11T09:00:00.000Z', null);
    store.insertCommitment(
      { contactId: won, kind: 'promise', what: 'contract', due: { date: '2026-11-20' }, soft: false, touchId: null },
      '2026-11-10T09:00:00.000Z',
    );
    for (const id of [live, won]) store.saveDerived(id, noHistory, null);

    expect(staleMissed(store, staleParams({ now: '2026-11-23T09:00:00.000Z', zone: zoneOf('UTC'), config: DEFAULT_CONFIG }))).toEqual([
      { contactId: live, stepDueAt: null, stepDueDate: null, stepSoft: false, promiseDueAt: null, promiseDueDate: '2026-11-20' },
    ]);
    const shown = staleContacts(store, [live], []);
    // Never touched back: silent since it was added, without a two-way touch since its first touch, earlier.
    const seconds = (at: string) => Date.parse(at) / 1000;
    expect(shown.map((c) => [c.id, c.silentSince, c.twoWaySince, c.open.map((m) => m.id)])).toEqual([
      [live, seconds('2026-11-10T09:00:00.000Z'), seconds('2026-08-01T09:00:00.000Z'), [open]],
    ]);
  });
});

describe('stale candidates at the edges of contacts_stale', () => {
  const NOW = '2026-11-23T09:00:00.000Z';
  const quiet = { lastTouchAt: '2026-11-20T09:00:00.000Z', lastAttemptAt: '2026-11-20T09:00:00.000Z', lastAttemptChannel: 'email' as const, sameChannelRun: 1 };

  it.each<[string, 2 | 3, Partial<DerivedState>, 'active' | 'nurture', string | null]>([
    [
      'a booked contact at the attempt limit (3), silent for 200 days',
      3,
      { ...quiet, lastTwoWayAt: '2026-05-01T09:00:00.000Z', unanswered: 3 },
      'active',
      'drop',
    ],
    ['a booked contact at the attempt limit (2), never answered', 2, { ...quiet, lastTwoWayAt: null, unanswered: 2 }, 'active', 'drop'],
    [
      'a booked nurture contact with three value touches unanswered',
      3,
      { ...quiet, lastTwoWayAt: '2026-11-01T09:00:00.000Z', unanswered: 1, valueUnanswered: 3 },
      'nurture',
      'drop',
    ],
    ['a booked contact one attempt short of the limit', 3, { ...quiet, lastTwoWayAt: '2026-05-01T09:00:00.000Z', unanswered: 2 }, 'active', null],
  ])('lists %s as it would reading every contact', (_name, attemptsLimit, derived, status, category) => {
    const store = freshStore();
    const config = { ...DEFAULT_CONFIG, attemptsLimit };
    const id = store.insertContact({ name: 'Booked', company: null, email: null, phone: null, source: null, note: null }, '2026-04-01T09:00:00.000Z');
    if (status === 'nurture') store.setStatus(id, 'nurture', '2026-04-01T09:00:00.000Z');
    const step = store.insertCommitment(
      { contactId: id, kind: 'next-step', what: 'demo', due: { at: '2026-12-01T10:00:00.000Z' }, soft: false, touchId: null },
      '2026-04-01T09:00:00.000Z',
    );
    store.saveDerived(id, { ...deriveState(status, [], null, config, zoneOf('UTC'), null), ...derived }, step);
    // The whole list, and a page.
    for (const limit of [0, 25]) {
      expect(stalePage({ store, now: NOW, zone: zoneOf('UTC'), config }, limit).rows.map((r) => r.category)).toEqual(category ? [category] : []);
    }
  });

  it('lists once a contact found both ways: nothing booked, and a promise missed', () => {
    const store = freshStore();
    const id = store.insertContact({ name: 'Both', company: null, email: null, phone: null, source: null, note: null }, '2026-11-01T09:00:00.000Z');
    store.insertCommitment(
      { contactId: id, kind: 'promise', what: 'pricing', due: { date: '2026-11-20' }, soft: false, touchId: null },
      '2026-11-01T09:00:00.000Z',
    );
    store.saveDerived(id, noHistory, null);
    for (const limit of [0, 25]) {
      const page = stalePage({ store, now: NOW, zone: zoneOf('UTC'), config: DEFAULT_CONFIG }, limit);
      expect(page.rows.map((r) => [r.contactId, r.category])).toEqual([[id, 'missed']]);
      expect(page.counts).toEqual({ missed: 1, soft: 0, 're-engage': 0, drop: 0, 'no-next-step': 0 });
    }
  });

  it("keeps each contact's first touch on its row with its derived state: an earlier one backfilled, then removed", () => {
    const store = freshStore();
    const id = store.insertContact({ name: 'Ana', company: null, email: null, phone: null, source: null, note: null }, '2026-11-10T09:00:00.000Z');
    const firstTouch = () => store.db.prepare('SELECT first_touch_at FROM contacts WHERE id = ?').pluck().get(id);
    store.saveDerived(id, noHistory, null);
    expect(firstTouch()).toBeNull();
    store.insertTouch(unansweredAttempt(id, '2026-11-12T09:00:00.000Z'), [], '2026-11-12T09:00:00.000Z');
    store.saveDerived(id, noHistory, null);
    expect(firstTouch()).toBe('2026-11-12T09:00:00.000Z');
    const earlier = store.insertTouch(unansweredAttempt(id, '2026-11-01T09:00:00.000Z'), [], '2026-11-13T09:00:00.000Z');
    store.saveDerived(id, noHistory, null);
    expect(firstTouch()).toBe('2026-11-01T09:00:00.000Z');
    store.deleteTouch(earlier);
    store.saveDerived(id, noHistory, null);
    expect(firstTouch()).toBe('2026-11-12T09:00:00.000Z');
  });

  it("keeps on the contact's row what makes it missed or soft: its open next step's due, and the earliest of its open promises", () => {
    const store = freshStore();
    const id = store.insertContact({ name: 'Ana', company: null, email: null, phone: null, source: null, note: null }, '2026-11-10T09:00:00.000Z');
    const facts = () =>
      store.db.prepare('SELECT step_due_at, step_due_date, step_soft, promise_due_at, promise_due_date FROM contacts WHERE id = ?').raw(true).get(id);
    const commit = (kind: 'next-step' | 'promise' | 'expectation', due: Commitment['due'], soft = false) =>
      store.insertCommitment({ contactId: id, kind, what: kind, due, soft, touchId: null }, '2026-11-10T09:00:00.000Z');
    store.saveDerived(id, noHistory, null);
    expect(facts()).toEqual([null, null, 0, null, null]);
    const step = commit('next-step', { date: '2026-11-30' }, true);
    commit('promise', { at: '2026-11-26T09:00:00.000Z' });
    const earlier = commit('promise', { at: '2026-11-25T09:00:00.000Z' });
    commit('promise', { date: '2026-11-27' });
    commit('expectation', { date: '2026-11-24' });
    store.saveDerived(id, noHistory, step);
    expect(facts()).toEqual([null, '2026-11-30', 1, '2026-11-25T09:00:00.000Z', '2026-11-27']);
    store.closeCommitment(earlier, 'kept', '2026-11-12T09:00:00.000Z', null);
    store.moveCommitment(step, 'demo', { at: '2026-12-01T10:00:00.000Z' }, false, '2026-11-12T09:00:00.000Z');
    store.saveDerived(id, noHistory, step);
    expect(facts()).toEqual(['2026-12-01T10:00:00.000Z', null, 0, '2026-11-26T09:00:00.000Z', '2026-11-27']);
    store.closeCommitment(step, 'kept', '2026-11-12T09:00:00.000Z', null);
    store.saveDerived(id, noHistory, null);
    expect(facts()).toEqual([null, null, 0, '2026-11-26T09:00:00.000Z', '2026-11-27']);
  });

  it("keeps how the last two-way touch went on the contact's row: a call that connected outweighs a reply at the same minute", () => {
    const store = freshStore();
    const id = store.insertContact({ name: 'Ana', company: null, email: null, phone: null, source: null, note: null }, '2026-11-10T09:00:00.000Z');
    const outcome = () => store.db.prepare('SELECT last_two_way_outcome FROM contacts WHERE id = ?').pluck().get(id);
    const at = '2026-11-12T09:00:00.000Z';
    const twoWay = { ...noHistory, lastTouchAt: at, lastTwoWayAt: at };
    const replied = store.insertTouch({ ...unansweredAttempt(id, at, 'email'), outcome: 'replied', direction: 'inbound' }, [], at);
    store.saveDerived(id, twoWay, null);
    expect(outcome()).toBe('replied');
    store.insertTouch({ ...unansweredAttempt(id, at), outcome: 'connected', direction: 'outbound' }, [], at);
    store.saveDerived(id, twoWay, null);
    expect(outcome()).toBe('connected');
    store.deleteTouch(replied);
    store.saveDerived(id, noHistory, null);
    expect(outcome()).toBeNull();
  });
});
