/** Load the demo (`fu demo`): a small, realistic book of business, its history replayed through the real rules. */
import { isMissed } from '../domain/commitments.js';
import { checkTouch, type TouchInput } from '../domain/rules.js';
import { addDays, instantAt, localDateOf, weekdayOf } from '../domain/time.js';
import type { Channel, ContactFields, DispositionKind, Outcome } from '../domain/types.js';
import type { When } from '../domain/when.js';
import { applyClose } from './close-contact.js';
import { applyTouchPlan, contactState } from './history.js';
import type { AppContext } from './context.js';

/** A day relative to today and a local time: [-7, '10:00']. */
type Moment = [number, string];

interface DemoTouch {
  on: Moment;
  outcome: Outcome;
  via?: Channel;
  note?: string;
  next?: [string, Moment | number];
  promise?: [string, Moment];
  expect?: [string, Moment | number];
  disposition?: [DispositionKind, string?];
  value?: string;
  until?: number;
  proposal?: boolean;
  force?: boolean;
  /** The promise of this touch was done then (kept late if past its due). */
  kept?: Moment;
  /** The expectation of this touch was met then (late if past its due). */
  met?: Moment;
  /** The next step of this touch was rescheduled then, to the second moment. */
  moved?: [Moment, Moment];
}

interface DemoContact extends Partial<ContactFields> {
  name: string;
  tags?: string[];
  touches: DemoTouch[];
  /** The key points prepared for the next call (fu prep --points). */
  points?: string[];
  /** Closed out after its touches, without a touch (fu close): when, how, and the lost reason. */
  closed?: [Moment, DispositionKind, string?];
  /** Touches replayed after every contact's first history: their commitments get the later ids. */
  later?: DemoTouch[];
  /** Its days count from the latest Monday (today, on a Monday) instead of today: a history that needs its weekdays. */
  fromMonday?: boolean;
}

/**
 * A small, realistic book of business that shows every status, every section
 * of `fu today` and every category of `fu stale` on the day it is loaded.
 */
const CONTACTS: DemoContact[] = [
  {
    name: 'Dana Reyes',
    company: 'Acme Logistics',
    email: 'dana.reyes@acme-logistics.example',
    tags: ['saas', 'warm'],
    source: 'referral',
    points: ['route planning costs them two days a week', 'a pilot the CFO can sign'],
    touches: [
      {
        on: [-7, '10:00'],
        outcome: 'connected',
        via: 'meeting',
        note: 'Route planning is eating two days a week; CFO must sign off.',
        next: ['demo to the finance team', [0, '15:00']],
        promise: ['send the integration notes', [-1, '17:00']],
      },
    ],
    later: [
      { on: [-3, '11:00'], outcome: 'sent', via: 'email', proposal: true, note: 'Proposal: a pilot on the two northern depots.' },
      {
        on: [-2, '16:00'],
        outcome: 'replied',
        via: 'email',
        note: 'The CFO joins the demo; they will send the route volumes first.',
        expect: ["send last quarter's route volumes", [-1, '12:00']],
      },
    ],
  },
  {
    name: 'Sam Okafor',
    company: 'Brightline',
    email: 'sam@brightline.example',
    tags: ['enterprise'],
    touches: [
      { on: [-10, '16:00'], outcome: 'connected', note: 'Board meets this week on the budget.', next: ["call to hear the board's decision", [-2, '11:00']] },
    ],
  },
  {
    name: 'Priya Nair',
    company: 'Northwind Health',
    email: 'priya.nair@northwind.example',
    tags: ['healthcare'],
    touches: [
      {
        on: [-3, '14:30'],
        outcome: 'connected',
        via: 'meeting',
        note: 'Wants proof it works for clinics their size.',
        next: ['pricing review with procurement', [1, '10:00']],
        promise: ['send the clinic case study', [0, '17:00']],
      },
    ],
  },
  {
    name: 'Marco Bianchi',
    company: 'Tessera',
    phone: '+39 02 5550 1234',
    tags: ['warm'],
    // Voicemail on a Wednesday: three days later is Saturday, so the chase is due the Monday after.
    fromMonday: true,
    touches: [
      { on: [-20, '11:00'], outcome: 'replied', via: 'email', note: 'Liked the pilot idea; asked to talk after their trade show.' },
      { on: [-12, '10:00'], outcome: 'no-answer' },
      { on: [-5, '10:00'], outcome: 'voicemail', note: 'Left a message about the pilot slots.' },
    ],
  },
  {
    name: 'Ana Costa',
    company: 'Lumen Studio',
    email: 'ana@lumen.example',
    source: 'website',
    // Five days back: three working days on a Monday to Wednesday, so the chase is due today then.
    touches: [{ on: [-5, '09:30'], outcome: 'sent', via: 'email', note: 'Intro with the agency pricing sheet.' }],
  },
  {
    name: 'Tom Fischer',
    company: 'Kestrel Freight',
    email: 'tom.fischer@kestrel.example',
    touches: [
      { on: [-44, '10:00'], outcome: 'no-answer' },
      { on: [-39, '10:00'], outcome: 'sent', via: 'email' },
      { on: [-34, '10:00'], outcome: 'sent', via: 'linkedin', note: 'Break-up: happy to pick this up when timing is better.' },
    ],
  },
  {
    name: 'Yuki Tanaka',
    company: 'Orbital Labs',
    email: 'yuki@orbital.example',
    tags: ['saas'],
    touches: [
      // Won with its kickoff booked: the step keeps the contact won.
      {
        on: [-15, '15:00'],
        outcome: 'connected',
        via: 'meeting',
        note: 'Signed the annual plan; kickoff once their ops lead is back.',
        disposition: ['won'],
        next: ['kickoff with their ops team', [0, '11:00']],
      },
    ],
  },
  {
    name: 'Ben Adler',
    company: 'Quarry & Co',
    email: 'ben@quarry.example',
    touches: [{ on: [-25, '13:00'], outcome: 'connected', note: 'Chose the incumbent on price.', disposition: ['lost', 'went with a competitor'] }],
  },
  {
    name: 'Chloe Martin',
    company: 'Verdant Foods',
    email: 'chloe@verdant.example',
    tags: ['warm'],
    touches: [
      { on: [-30, '10:00'], outcome: 'replied', via: 'email', note: 'Interested once Q1 planning is done.' },
      { on: [-20, '10:00'], outcome: 'no-answer' },
    ],
  },
  {
    name: 'Omar Haddad',
    company: 'Pinecrest',
    email: 'omar@pinecrest.example',
    source: 'cold list',
    touches: [
      { on: [-124, '10:00'], outcome: 'sent', via: 'email' },
      { on: [-119, '10:00'], outcome: 'no-answer' },
      { on: [-114, '10:00'], outcome: 'sent', via: 'email' },
      { on: [-84, '10:00'], outcome: 'sent', via: 'email', value: 'benchmark of freight costs by region' },
      { on: [-54, '10:00'], outcome: 'sent', via: 'email', value: 'invite to the logistics roundtable' },
      { on: [-24, '10:00'], outcome: 'sent', via: 'email', value: 'short guide to the new customs rules' },
    ],
  },
  {
    name: 'Grace Liu',
    company: 'Helios Energy',
    email: 'grace.liu@helios.example',
    touches: [{ on: [-2, '16:00'], outcome: 'connected', note: 'Needs to check with the plant manager.', next: ['decision on the pilot', 5] }],
    later: [{ on: [-1, '11:00'], outcome: 'connected', note: 'The plant manager is in; the decision stays on its day.' }],
  },
  { name: 'Felix Wagner', company: 'Atlas Robotics', email: 'felix@atlas.example', source: 'conference list', touches: [] },
  {
    name: 'Nina Petrova',
    company: 'Sable Analytics',
    email: 'nina@sable.example',
    touches: [{ on: [-5, '12:00'], outcome: 'connected', via: 'meeting', note: 'Met at the Data Summit; too small for us today.', disposition: ['not-fit'] }],
  },
  {
    name: 'Leo Martins',
    company: 'Brio Retail',
    email: 'leo@brio.example',
    touches: [
      { on: [-2, '09:00'], outcome: 'sent', via: 'email', note: 'Follow-up on the retail pilot results.' },
      { on: [-2, '09:05'], outcome: 'auto-reply', via: 'email', note: 'Out of office.', until: 4 },
    ],
  },
  // Closed deals of the last months: the history fu stats counts.
  {
    name: 'Rosa Lindqvist',
    company: 'Fjord Outfitters',
    email: 'rosa@fjord.example',
    source: 'website',
    touches: [
      { on: [-57, '10:00'], outcome: 'sent', via: 'email' },
      {
        on: [-53, '11:00'],
        outcome: 'connected',
        note: 'Stock sync is their pain.',
        next: ['scoping call', [-50, '10:00']],
        promise: ['send the scoping template', [-52, '17:00']],
        kept: [-53, '15:00'],
        expect: ['share the list of SKUs', [-51, '17:00']],
        met: [-52, '10:00'],
      },
      { on: [-50, '10:00'], outcome: 'connected', note: 'Signed after scoping.', disposition: ['won'] },
    ],
  },
  {
    name: 'Victor Hale',
    company: 'Granite Partners',
    email: 'victor@granite.example',
    touches: [
      { on: [-73, '10:00'], outcome: 'sent', via: 'email' },
      { on: [-68, '10:00'], outcome: 'no-answer' },
      { on: [-63, '10:00'], outcome: 'voicemail', note: 'Break-up: closing the file unless the timing changes.' },
      { on: [-62, '09:00'], outcome: 'replied', via: 'email', note: 'Timing changed: call me.' },
      {
        on: [-61, '14:00'],
        outcome: 'connected',
        next: ['pricing call', [-58, '11:00']],
        expect: ['confirm the budget', [-59, '17:00']],
        moved: [
          [-59, '09:00'],
          [-56, '11:00'],
        ],
        met: [-58, '10:00'],
      },
      { on: [-56, '11:00'], outcome: 'connected', note: 'Budget frozen until next year.', disposition: ['lost', 'no budget this year'] },
    ],
  },
  {
    name: 'Ines Duarte',
    company: 'Corvid Media',
    email: 'ines@corvid.example',
    touches: [
      { on: [-45, '10:00'], outcome: 'no-answer' },
      { on: [-44, '16:00'], outcome: 'no-answer', force: true, note: 'Tried again before her trip.' },
      { on: [-40, '10:00'], outcome: 'replied', via: 'email', note: 'Send me references.' },
      { on: [-39, '11:00'], outcome: 'connected', next: ['reference call', -35], promise: ['send two references', [-38, '17:00']], kept: [-36, '10:00'] },
      { on: [-35, '15:00'], outcome: 'connected', note: 'Chose the agency they already use.', disposition: ['lost', 'went with a competitor'] },
    ],
  },
  {
    // Chased twice, then left: what fu stats counts as given up after 2 attempts.
    name: 'Paul Brandt',
    company: 'Cobalt Marine',
    email: 'paul@cobalt.example',
    source: 'website',
    touches: [
      { on: [-40, '10:00'], outcome: 'sent', via: 'email', note: 'Intro: fleet route planning.' },
      { on: [-33, '10:00'], outcome: 'no-answer' },
    ],
  },
  {
    name: 'Hugo Laurent',
    company: 'Meridian Hotels',
    email: 'hugo@meridian.example',
    touches: [
      {
        on: [-8, '14:00'],
        outcome: 'connected',
        note: 'Wants to see the booking sync live.',
        next: ['walkthrough of the booking sync', [-1, '10:00']],
      },
      // He did not turn up: the walkthrough is missed and the chase to rebook is due that day (R3).
      { on: [-1, '10:15'], outcome: 'no-show', via: 'meeting', note: 'Did not join the walkthrough; no word from him.' },
    ],
  },
  {
    name: 'Karin Holm',
    company: 'Ironwood Supply',
    email: 'karin@ironwood.example',
    source: 'cold list',
    touches: [
      { on: [-45, '10:00'], outcome: 'sent', via: 'email', note: 'Intro: the depot planning pilot.' },
      { on: [-38, '10:00'], outcome: 'no-answer' },
      { on: [-31, '10:00'], outcome: 'sent', via: 'email', note: 'Break-up: closing the file for now.' },
    ],
    // Never a reply: closed out as a decision, no call made up to carry it.
    closed: [[-3, '09:00'], 'lost', 'no response'],
  },
];

export type DemoLoaded = { ok: false; reason: 'not-empty' } | { ok: true; contacts: number };

/** Loads the demo into an empty database, dated around `now`. */
export function loadDemo(ctx: AppContext): DemoLoaded {
  const { store, config, zone, now } = ctx;
  const today = localDateOf(now, zone);
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  /** The day the moments of the contact being replayed count from. */
  let base = today;
  const from = (c: DemoContact) => (base = c.fromMonday ? monday : today);
  const at = ([day, time]: Moment) => instantAt(addDays(base, day), time, zone);
  const when = (m: Moment | number): When =>
    typeof m === 'number' ? { hasTime: false, date: addDays(base, m) } : { hasTime: true, at: at(m), date: addDays(base, m[0]) };
  return store.transaction({ kind: 'demo', at: now }, (): DemoLoaded => {
    if (store.contactCount() > 0) return { ok: false, reason: 'not-empty' };
    const replay = (c: DemoContact, id: number, t: DemoTouch) => {
      const input: TouchInput = {
        at: at(t.on),
        channel: t.via ?? 'call',
        outcome: t.outcome,
        note: t.note ?? null,
        next: t.next ? { what: t.next[0], when: when(t.next[1]) } : null,
        soft: typeof t.next?.[1] === 'number',
        promises: t.promise ? [{ what: t.promise[0], by: when(t.promise[1]) }] : [],
        expectations: t.expect ? [{ what: t.expect[0], by: when(t.expect[1]) }] : [],
        disposition: t.disposition ? { kind: t.disposition[0], reason: t.disposition[1] ?? null } : null,
        value: t.value ?? null,
        until: t.until !== undefined ? addDays(base, t.until) : null,
        proposal: Boolean(t.proposal),
        force: Boolean(t.force),
      };
      // History is replayed through the real rules, as if logged when it happened.
      const decision = checkTouch(contactState(store, id), input, config, input.at, zone);
      if (!decision.ok) throw new Error(`demo data breaks ${decision.violation.rule} (${decision.violation.reason}) for ${c.name}`);
      const { created } = applyTouchPlan(ctx, id, decision.plan, input.at);
      const made = created.map((cid) => store.commitment(cid)!);
      if (t.moved) {
        const step = made.find((m) => m.kind === 'next-step')!;
        store.moveCommitment(step.id, step.what, when(t.moved[1]).hasTime ? { at: at(t.moved[1]) } : step.due, false, at(t.moved[0]));
      }
      for (const [kind, moment] of [
        ['promise', t.kept],
        ['expectation', t.met],
      ] as const) {
        const owed = moment && made.find((m) => m.kind === kind)!;
        if (owed) store.closeCommitment(owed.id, 'kept', at(moment), null, isMissed(owed, at(moment), localDateOf(at(moment), zone), config, zone));
      }
    };
    const ids = new Map<DemoContact, number>();
    for (const c of CONTACTS) {
      from(c);
      // Added the day before the first touch (a never-contacted lead, three weeks ago).
      const added = c.touches[0] ? at([c.touches[0].on[0] - 1, '09:00']) : at([-21, '09:00']);
      const id = store.insertContact(
        { name: c.name, company: c.company ?? null, email: c.email ?? null, phone: c.phone ?? null, source: c.source ?? null, note: null },
        added,
      );
      ids.set(c, id);
      store.addTags(id, c.tags ?? []);
      for (const t of c.touches) replay(c, id, t);
      if (c.closed) applyClose(ctx, id, c.closed[1], c.closed[2] ?? null, at(c.closed[0]));
    }
    for (const c of CONTACTS) {
      from(c);
      for (const t of c.later ?? []) replay(c, ids.get(c)!, t);
    }
    // After the whole history: the next touch logged takes them.
    for (const c of CONTACTS) if (c.points) store.setPendingPoints(ids.get(c)!, c.points, now);
    return { ok: true, contacts: CONTACTS.length };
  });
}
