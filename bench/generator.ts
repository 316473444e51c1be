/**
 * `npm run gen -- --contacts N [--touches-per-contact K] [--db PATH] [--seed S] [--force]`
 * (bench/gen.js builds this file and runs it)
 *
 * A realistic, reproducible book of business for benchmarks and demos at
 * scale, relative to `$FU_NOW` (default now) in the local zone (`$TZ`).
 *
 * Each contact gets a story that ends in one of the states a seller's
 * database really holds, in realistic shares: booked appointments spread over
 * the coming months, a few missed ones, soft dates, chase sequences at every
 * attempt count (some waiting on an auto-reply), warm prospects dropped too
 * soon, never-contacted leads, nurture contacts after a break-up or by
 * choice, not-fits, and many won and lost deals. Before that ending comes a
 * history of meetings that booked the next one (kept), rescheduled or
 * replaced steps, promises done on time or late, replies, attempts and value
 * touches, so that each contact has about K touches (a few key accounts have
 * twenty times more). On any given day about 1% of contacts have something
 * due; `fu stale` lists several percent of them.
 *
 * Rows are written by fu's own store (opened with the real openDatabase, so
 * the migrations run), through the Store's methods, in large transactions: a
 * new column needs no second copy here. The derived per-contact columns are
 * computed by the real deriveState, so they equal what recomputing from the
 * history gives. The database is written to a
 * temporary file next to the target and renamed at the end: an interrupted
 * run never leaves a half database under the final name.
 */
import type { Statement } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { currentTime } from '../src/cli/clock.js';
import { userZone } from '../src/cli/zone.js';
import { configFrom } from '../src/domain/config.js';
import { attemptMarks, chronological, deriveState, directionOf, isOutboundChase } from '../src/domain/derive.js';
import { instantAt, localDateOf, parseLocalDate, parseTimeOfDay } from '../src/domain/time.js';
import type { Channel, Commitment, Config, DispositionKind, Due, Outcome, Status, Touch } from '../src/domain/types.js';
import type { Zone } from '../src/domain/zone.js';
import { openDatabase, resolveDbPath, type Db } from '../src/store/db.js';
import { Store, type ContactFields } from '../src/store/store.js';

// ---- reproducible randomness ---------------------------------------------------

/** sfc32, seeded through a string hash: the same seed gives the same database. */
function rngFrom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

// ---- local days ------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;

/** Local calendar days as integers (days since 1970-01-01), turned into instants in one zone. */
class Calendar {
  private noonOffset = new Map<number, number>();
  constructor(readonly zone: Zone) {}

  dayOf(at: string): number {
    const p = parseLocalDate(localDateOf(at, this.zone))!;
    return Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY;
  }

  date(day: number): string {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  }

  /** The instant (ms) at `minute` minutes past local midnight of `day`; working hours never fall in a DST gap. */
  at(day: number, minute: number): number {
    let off = this.noonOffset.get(day);
    if (off === undefined) {
      off = day * MS_PER_DAY + 12 * 3_600_000 - Date.parse(instantAt(this.date(day), '12:00', this.zone));
      this.noonOffset.set(day, off);
    }
    return day * MS_PER_DAY + minute * 60_000 - off;
  }
}

// ---- what a story is made of -------------------------------------------------

interface GenTouch {
  id: number;
  at: number;
  day: number;
  channel: Channel;
  outcome: Outcome;
  note: string | null;
  value: string | null;
  until: number | null;
  proposal: boolean;
  forced: string | null;
  disposition: DispositionKind | null;
  lostReason: string | null;
}

/** A local day and, unless date-only, the minute of that day. */
interface GenDue {
  day: number;
  minute: number | null;
}

interface GenMove {
  movedAt: number;
  oldWhat: string;
  oldDue: GenDue;
  oldSoft: boolean;
}

interface GenCommitment {
  id: number;
  kind: 'next-step' | 'promise';
  what: string;
  due: GenDue;
  soft: boolean;
  state: 'open' | 'kept' | 'replaced' | 'cancelled';
  late: boolean;
  createdAt: number;
  touchId: number | null;
  closedAt: number | null;
  closedBy: number | null;
  moves: GenMove[];
}

const FIRST = [
  'Dana',
  'Sam',
  'Priya',
  'Marco',
  'Ana',
  'Tom',
  'Yuki',
  'Ben',
  'Chloe',
  'Omar',
  'Grace',
  'Felix',
  'Nina',
  'Leo',
  'Amara',
  'Lucas',
  'Sofia',
  'Ravi',
  'Emma',
  'Mateo',
  'Hana',
  'Jonas',
  'Aisha',
  'Diego',
  'Mia',
  'Kofi',
  'Elena',
  'Noah',
  'Ines',
  'Arjun',
  'Lea',
  'Tariq',
  'Maya',
  'Oskar',
  'Zoe',
  'Hugo',
  'Leila',
  'Ivan',
  'Clara',
  'Kenji',
  'Rosa',
  'Pavel',
  'Nora',
  'Malik',
  'Julia',
  'Emil',
  'Sara',
  'Theo',
  'Ayumi',
  'Carmen',
];
const LAST = [
  'Reyes',
  'Okafor',
  'Nair',
  'Bianchi',
  'Costa',
  'Fischer',
  'Tanaka',
  'Adler',
  'Martin',
  'Haddad',
  'Liu',
  'Wagner',
  'Petrova',
  'Martins',
  'Diallo',
  'Moreau',
  'Rossi',
  'Sharma',
  'Nowak',
  'Garcia',
  'Kim',
  'Berg',
  'Khan',
  'Silva',
  'Jensen',
  'Mensah',
  'Popescu',
  'Larsen',
  'Dubois',
  'Patel',
  'Keller',
  'Farah',
  'Cohen',
  'Lindqvist',
  'Novak',
  'Lopez',
  'Yilmaz',
  'Sokolov',
  'Meyer',
  'Sato',
  'Ortiz',
  'Horvat',
  'Walsh',
  'Ibrahim',
  'Schmidt',
  'Andersen',
  'Ferreira',
  'Murphy',
  'Suzuki',
  'Romero',
];
const COMPANY = [
  'Acme',
  'Brightline',
  'Northwind',
  'Tessera',
  'Lumen',
  'Kestrel',
  'Orbital',
  'Quarry',
  'Verdant',
  'Pinecrest',
  'Helios',
  'Atlas',
  'Sable',
  'Brio',
  'Cobalt',
  'Driftwood',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Ironwood',
  'Juniper',
  'Keystone',
  'Lattice',
  'Meridian',
  'Nimbus',
  'Onyx',
  'Polaris',
  'Quill',
  'Redwood',
  'Summit',
  'Tidal',
  'Umbra',
  'Vantage',
  'Willow',
  'Xenon',
  'Yarrow',
  'Zephyr',
];
const SUFFIX = [
  'Logistics',
  'Health',
  'Labs',
  'Studio',
  'Freight',
  'Foods',
  'Energy',
  'Robotics',
  'Analytics',
  'Retail',
  'Systems',
  'Partners',
  'Capital',
  'Media',
  'Software',
  'Group',
];
const SOURCES = ['referral', 'website', 'conference', 'cold list', 'inbound', 'partner', 'webinar'];
const TAGS = ['saas', 'enterprise', 'smb', 'healthcare', 'warm', 'q1', 'partner', 'emea', 'us'];
const STEPS = [
  'demo to the team',
  'pricing review with procurement',
  'technical deep dive',
  'decision on the pilot',
  'contract walkthrough',
  'intro to the CFO',
  '15-minute call on the quote',
  'workshop on their use case',
  'kickoff planning',
  'security review call',
  'review the proposal together',
];
const PROMISES = [
  'send the case study',
  'send pricing for 50 seats',
  'send the integration notes',
  'answer the security questionnaire',
  'share the pilot plan',
  'send the reference contacts',
  'send the draft contract',
];
const NOTES = [
  'Budget is approved for next quarter.',
  'Needs buy-in from the CFO.',
  'Comparing us with two vendors.',
  'Asked about the API and SSO.',
  'Wants a pilot for one team first.',
  'Their renewal with the incumbent is in spring.',
  'Went well; they want to see pricing.',
  'Concerned about onboarding time.',
  'Left a short message with the assistant.',
  'Mentioned a reorg in their team.',
];
const VALUES = [
  'benchmark report for their industry',
  'invite to the customer roundtable',
  'short guide to the new regulations',
  'case study from a company their size',
  'article on cutting onboarding time',
  'template for their quarterly review',
];
const LOST = ['went with a competitor', 'no budget this year', 'project cancelled', 'chose to build in-house', 'no response'];
const WON = ['Signed the annual plan.', 'Signed for two teams.', 'PO received.'];

/** The ending of a contact's story, with its share of the database. */
const SCENARIOS = [
  ['booked', 0.392],
  ['missed', 0.0015],
  ['soft', 0.008],
  ['chasing', 0.005],
  ['reengage', 0.0015],
  ['cold', 0.006],
  ['replied', 0.002],
  ['breakup', 0.02],
  ['nurture', 0.05],
  ['notfit', 0.014],
  ['won', 0.2],
  ['lost', 0.3],
] as const;
export type Scenario = (typeof SCENARIOS)[number][0];
const SCENARIO_NAMES: readonly Scenario[] = SCENARIOS.map(([s]) => s);

interface GenContact extends ContactFields {
  id: number;
  tags: string[];
  createdAt: number;
  status: Status;
  touches: GenTouch[];
  commitments: GenCommitment[];
}

class Ids {
  touch = 0;
  commitment = 0;
}

/** One contact's history, built forward in time, keeping the bookkeeping of the rules (R3, R4, dispositions). */
class Story {
  readonly touches: GenTouch[] = [];
  readonly commitments: GenCommitment[] = [];
  status: Status = 'active';
  step: GenCommitment | null = null;
  attempts = 0;
  lastAttemptDay = -1e9;

  constructor(
    private readonly g: Generator,
    private readonly ids: Ids,
  ) {}

  private add(day: number, minute: number, channel: Channel, outcome: Outcome, extra: Partial<GenTouch> = {}): GenTouch {
    const t: GenTouch = {
      id: ++this.ids.touch,
      at: this.g.cal.at(day, minute),
      day,
      channel,
      outcome,
      note: this.g.chance(0.4) ? this.g.pick(NOTES) : null,
      value: null,
      until: null,
      proposal: false,
      forced: null,
      disposition: null,
      lostReason: null,
      ...extra,
    };
    this.touches.push(t);
    const twoWay = outcome === 'connected' || outcome === 'replied';
    // R3: a two-way touch on the day of the open next step keeps it.
    if (twoWay && this.step && this.step.due.day === day) this.close(this.step, 'kept', t.at, t.id);
    if (twoWay) {
      this.attempts = 0;
      if (this.status === 'nurture') this.status = 'active';
    }
    return t;
  }

  private close(c: GenCommitment, state: GenCommitment['state'], at: number, by: number | null): void {
    c.state = state;
    c.closedAt = at;
    c.closedBy = by;
    if (c === this.step) this.step = null;
  }

  private commit(kind: GenCommitment['kind'], what: string, due: GenDue, createdAt: number, touchId: number | null): GenCommitment {
    const c: GenCommitment = {
      id: ++this.ids.commitment,
      kind,
      what,
      due,
      soft: due.minute === null && kind === 'next-step',
      state: 'open',
      late: false,
      createdAt,
      touchId,
      closedAt: null,
      closedBy: null,
      moves: [],
    };
    this.commitments.push(c);
    return c;
  }

  /** A conversation that books the next step (replacing an open one not kept today). */
  connected(day: number, minute: number, next: GenDue, opts: { proposal?: boolean; channel?: Channel } = {}): GenTouch {
    const t = this.add(day, minute, opts.channel ?? (this.g.chance(0.6) ? 'meeting' : 'call'), 'connected', { proposal: Boolean(opts.proposal) });
    if (this.step) this.close(this.step, 'replaced', t.at + 120_000, t.id);
    this.step = this.commit('next-step', opts.proposal ? 'review the proposal together' : this.g.pick(STEPS), next, t.at + 120_000, t.id);
    this.status = 'active';
    return t;
  }

  /** A conversation that ends with a disposition instead of a step. */
  disposed(day: number, minute: number, kind: DispositionKind, outcome: Outcome = 'connected', reason: string | null = null): GenTouch {
    const t = this.add(day, minute, outcome === 'connected' ? (this.g.chance(0.5) ? 'meeting' : 'call') : 'call', outcome, {
      disposition: kind,
      lostReason: kind === 'lost' ? reason : null,
      note: kind === 'won' ? this.g.pick(WON) : null,
    });
    const logged = t.at + 120_000;
    if (kind !== 'won') {
      if (this.step) this.close(this.step, 'cancelled', logged, t.id);
      if (kind === 'lost') for (const c of this.commitments) if (c.state === 'open') this.close(c, 'cancelled', logged, t.id);
    }
    this.status = kind === 'won' ? 'won' : kind === 'lost' ? 'lost' : 'nurture';
    return t;
  }

  replied(day: number, minute: number): GenTouch {
    return this.add(day, minute, 'email', 'replied');
  }

  /** An unanswered attempt; the L-th is the break-up and moves the contact to nurture (R4). */
  attempt(day: number, minute: number, forced: string | null = null): GenTouch {
    const channel: Channel = this.g.pick(['call', 'call', 'email', 'email', 'linkedin', 'text']);
    const outcome: Outcome = channel === 'call' ? (this.g.chance(0.5) ? 'no-answer' : 'voicemail') : 'sent';
    const t = this.add(day, minute, channel, outcome, { forced });
    this.attempts++;
    this.lastAttemptDay = day;
    if (this.attempts === this.g.config.attemptsLimit && this.status === 'active') this.status = 'nurture';
    return t;
  }

  value(day: number, minute: number): GenTouch {
    return this.add(day, minute, 'email', 'sent', { value: this.g.pick(VALUES), note: null });
  }

  autoReply(day: number, minute: number, untilDay: number): GenTouch {
    return this.add(day, minute, 'email', 'auto-reply', { until: untilDay, note: 'Out of office.' });
  }

  /** `fu next`: the step moves, its old date kept in the history. */
  move(c: GenCommitment, movedAt: number, to: GenDue): void {
    c.moves.push({ movedAt, oldWhat: c.what, oldDue: c.due, oldSoft: c.soft });
    c.due = to;
    c.soft = false;
  }

  /** `fu cancel` of the open next step. */
  cancelStep(at: number): void {
    if (this.step) this.close(this.step, 'cancelled', Math.max(at, this.step.createdAt + 60_000), null);
  }

  /** A promise made in a conversation; `closeBy` (ms) bounds when `fu done` may have closed it. */
  promise(t: GenTouch, due: GenDue, outcome: 'open' | 'done' | 'late' | 'cancelled', closeBy: number): GenCommitment {
    const p = this.commit('promise', this.g.pick(PROMISES), due, t.at + 120_000, t.id);
    if (outcome === 'open') return p;
    const dueMs = this.g.cal.at(due.day, due.minute ?? this.g.dayEndMinute);
    let at =
      outcome === 'late'
        ? dueMs + (1 + this.g.int(0, 40)) * 3_600_000
        : p.createdAt + this.g.int(1, Math.max(1, Math.floor((dueMs - p.createdAt) / 60_000))) * 60_000;
    at = Math.min(at, closeBy);
    if (at <= p.createdAt) at = p.createdAt + 60_000;
    this.close(p, outcome === 'cancelled' ? 'cancelled' : 'kept', at, null);
    p.late = outcome !== 'cancelled' && at > dueMs;
    return p;
  }
}

export interface GenOptions {
  contacts: number;
  touchesPerContact: number;
  seed: string;
  /** The clock the history is relative to. */
  now: string;
  zone: Zone;
  /** Called every few thousand contacts. */
  progress?: (done: number) => void;
}

export interface GenSummary {
  contacts: number;
  touches: number;
  commitments: number;
  byStatus: Record<Status, number>;
  byScenario: Record<Scenario, number>;
}

class Generator {
  readonly cal: Calendar;
  readonly today: number;
  readonly nowMs: number;
  readonly dayEndMinute: number;
  private readonly rng: () => number;
  private readonly scenarioCdf: number[];
  /** Every ending appears at least once in a database of 120 contacts or more, at evenly spread ids. */
  private readonly forced = new Map<number, Scenario>();
  private autoReplied = false;

  constructor(
    readonly opts: GenOptions,
    readonly config: Config,
  ) {
    this.rng = rngFrom(opts.seed);
    this.cal = new Calendar(opts.zone);
    this.nowMs = Date.parse(opts.now);
    this.today = this.cal.dayOf(opts.now);
    const end = parseTimeOfDay(config.dayEnd)!;
    this.dayEndMinute = end.hour * 60 + end.minute;
    let sum = 0;
    this.scenarioCdf = SCENARIOS.map(([, share]) => (sum += share));
    if (opts.contacts >= 10 * SCENARIOS.length) {
      SCENARIOS.forEach(([s], j) => {
        this.forced.set(Math.floor(((j + 0.5) * opts.contacts) / SCENARIOS.length), s);
      });
    }
  }

  // randomness helpers
  chance(p: number): boolean {
    return this.rng() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
  }
  /** A minute of the working day, on the quarter hour for appointments. */
  minute(quarter = false): number {
    const m = this.int(8 * 60, 18 * 60);
    return quarter ? m - (m % 15) : m;
  }
  scenarioFor(index: number): Scenario {
    const forced = this.forced.get(index);
    if (forced) return forced;
    const r = this.rng();
    const i = this.scenarioCdf.findIndex((c) => r < c);
    return SCENARIOS[Math.max(i, 0)]![0];
  }

  contact(id: number, ids: Ids, scenario: Scenario): GenContact {
    const first = this.pick(FIRST);
    const last = this.pick(LAST);
    const hasCompany = this.chance(0.9);
    const company = hasCompany ? `${this.pick(COMPANY)} ${this.pick(SUFFIX)}` : null;
    const domain = company ? company.toLowerCase().replace(/[^a-z]+/g, '-') : 'mail';
    const K = this.opts.touchesPerContact;
    const busy = this.chance(0.002);
    const budget = K <= 0 ? 0 : busy ? 20 * K : this.int(1, 2 * K - 1);

    const s = new Story(this, ids);
    this.ending(s, scenario, budget);
    const firstAt = s.touches[0]?.at ?? this.cal.at(this.today - this.int(1, 90), this.minute());
    return {
      id,
      name: `${first} ${last}`,
      company,
      email: this.chance(0.85) ? `${first}.${last}.${id}@${domain}.example`.toLowerCase() : null,
      phone: this.chance(0.5) ? `+1 555 ${String(this.int(0, 9999999)).padStart(7, '0')}` : null,
      source: this.chance(0.7) ? this.pick(SOURCES) : null,
      note: this.chance(0.2) ? this.pick(NOTES) : null,
      tags: this.chance(0.4) ? [...new Set([this.pick(TAGS), this.pick(TAGS)])].slice(0, this.int(1, 2)) : [],
      createdAt: Math.min(firstAt - this.int(0, 14 * 24 * 60) * 60_000, this.nowMs - 3_600_000),
      status: s.status,
      touches: s.touches,
      commitments: s.commitments,
    };
  }

  /**
   * The history before the ending: `n` touches on days before `endDay`, as
   * meetings that book the next one, replies, attempts and value touches.
   */
  private filler(s: Story, n: number, endDay: number, closeBy: number): void {
    if (n <= 0) return;
    const gaps = Array.from({ length: n }, () => this.int(2, 8));
    const days: number[] = [];
    let day = endDay - gaps.reduce((a, b) => a + b, 0);
    for (const gap of gaps) days.push((day += gap));
    const minutes = days.map(() => this.minute(true));
    const L = this.config.attemptsLimit;
    for (let i = 0; i < n; i++) {
      const d = days[i]!;
      const m = minutes[i]!;
      const next = i + 1 < n ? { day: days[i + 1]!, minute: minutes[i + 1]! } : null;
      if (s.step) {
        const stepDay = s.step.due.day;
        if (stepDay === d) {
          this.meeting(s, d, m, next, closeBy);
          continue;
        }
        // The meeting did not happen: the step was cancelled the morning after, before moving on.
        if (stepDay < d) s.cancelStep(Math.min(this.cal.at(stepDay + 1, 8 * 60), this.cal.at(d, m) - 60_000));
        else if (this.chance(0.3)) {
          this.meeting(s, d, m, next, closeBy); // a call before the meeting that agreed another step: the open one is replaced
          continue;
        } else {
          s.replied(d, m); // an exchange before the meeting
          continue;
        }
      }
      if (s.status === 'nurture') {
        if (this.chance(0.8)) s.value(d, m);
        else s.replied(d, m);
        continue;
      }
      const r = this.rng();
      if (r < 0.45 && s.attempts < L && d - s.lastAttemptDay >= this.config.attemptsGapDays) s.attempt(d, m);
      else if (r < 0.6) s.replied(d, m);
      else this.meeting(s, d, m, next, closeBy);
    }
  }

  /** A conversation in the history: it books the next step, often exactly the next touch (which then keeps it). */
  private meeting(s: Story, d: number, m: number, next: { day: number; minute: number } | null, closeBy: number): void {
    let due: GenDue;
    let moveTo: GenDue | null = null;
    if (next && next.day > d && this.chance(0.65)) {
      due = next;
      // Some were first booked earlier and rescheduled to that time (`fu next`).
      if (next.day - d >= 3 && this.chance(0.1)) {
        moveTo = due;
        due = { day: this.int(d + 1, next.day - 1), minute: this.minute(true) };
      }
    } else {
      // Booked for a day without a touch: a meeting that did not happen; a few soft dates.
      due = { day: d + this.int(1, 10), minute: this.chance(0.05) ? null : this.minute(true) };
    }
    const t = s.connected(d, m, due, { proposal: this.chance(0.05) });
    // Moved the same evening or the next morning, before the first date.
    if (moveTo) s.move(s.step!, t.at + this.int(1, 12) * 3_600_000, moveTo);
    if (this.chance(0.25)) {
      const r = this.rng();
      s.promise(
        t,
        { day: d + this.int(1, 3), minute: this.chance(0.6) ? this.dayEndMinute : null },
        r < 0.85 ? 'done' : r < 0.9 ? 'late' : 'cancelled',
        closeBy,
      );
    }
  }

  /** The ending of the story, relative to today, with the history before it. */
  private ending(s: Story, scenario: Scenario, budget: number): void {
    const T = this.today;
    const L = this.config.attemptsLimit;
    const gap = this.config.attemptsGapDays;
    // Filler before the ending: it ends a few days before `start`, and whatever step it left open is settled.
    const history = (start: number, finalTouches: number) => {
      const closeBy = this.cal.at(start, 7 * 60);
      this.filler(s, budget - finalTouches, start - this.int(2, 10), closeBy);
      return closeBy;
    };
    // An open step left by the history: kept by a two-way touch on its day, replaced by a conversation that books another, else cancelled.
    const settle = (firstDay: number, at: number, twoWay: boolean, books = false) => {
      if (s.step && !books && !(twoWay && s.step.due.day === firstDay)) s.cancelStep(at - 3_600_000);
    };
    const step = (day: number): GenDue => ({ day, minute: this.minute(true) });

    switch (scenario) {
      case 'booked':
      case 'missed':
      case 'soft': {
        // The last conversation booked the step: ahead (booked), with its day gone (missed), or with no time agreed (soft).
        const dueDay = scenario === 'booked' ? T + this.int(0, 119) : scenario === 'missed' ? T - this.int(1, 21) : T + this.int(0, 30);
        const promise = scenario === 'booked' ? this.rng() : 1;
        // A promise due in the next days (2%), or one already missed (0.2%).
        const promiseDay = promise < 0.02 ? T + this.int(0, 5) : promise < 0.022 ? T - this.int(1, 7) : null;
        const latest = Math.min(dueDay, promiseDay ?? dueDay, T) - 1;
        const talk = latest - this.int(0, 20);
        const m = this.minute();
        const closeBy = history(talk, 1);
        settle(talk, this.cal.at(talk, m), true, true);
        const t = s.connected(talk, m, scenario === 'soft' ? { day: dueDay, minute: null } : step(dueDay), { proposal: this.chance(0.05) });
        if (promiseDay !== null) s.promise(t, { day: promiseDay, minute: this.chance(0.7) ? this.minute(true) : null }, 'open', closeBy);
        return;
      }
      case 'chasing':
      case 'reengage': {
        // A running sequence of 1 to L-1 attempts: chasing is on time (due in the coming days, a few today or late);
        // reengage talked, then gave up after an attempt or two weeks ago.
        const u = this.int(1, L - 1);
        const cold = scenario === 'chasing' && this.chance(0.5);
        const lastDay = scenario === 'chasing' ? T - this.pick([1, 1, 1, 2, 2, 2, 3, 4]) : T - this.int(14, 90);
        const attemptDays = Array.from({ length: u }, (_, i) => lastDay - (u - 1 - i) * (gap + this.int(0, 3)));
        const talkDay = attemptDays[0]! - this.int(3, 30);
        if (!cold) {
          history(talkDay, u + 1);
          const m = this.minute();
          settle(talkDay, this.cal.at(talkDay, m), true);
          s.replied(talkDay, m);
        }
        for (const d of attemptDays) s.attempt(d, this.minute());
        // Sometimes the last one got an out-of-office (always the first time): the next chase waits for their return.
        if (scenario === 'chasing' && (this.chance(0.15) || !this.autoReplied)) {
          s.autoReply(lastDay, 18 * 60 + 30, lastDay + this.int(2, 8));
          this.autoReplied = true;
        }
        return;
      }
      case 'cold':
        return; // added, never contacted
      case 'replied': {
        // A step kept by a written reply on its day: active, nothing booked, no sequence.
        const keptDay = T - this.int(1, 30);
        const talk = keptDay - this.int(2, 10);
        history(talk, 2);
        const m = this.minute();
        settle(talk, this.cal.at(talk, m), true, true);
        s.connected(talk, m, step(keptDay));
        s.replied(keptDay, 7 * 60 + 30);
        return;
      }
      case 'breakup': {
        // Talked, then L unanswered attempts (the L-th the break-up), then a value touch every few weeks.
        const talk = T - this.int(40, 400);
        history(talk, 1 + L);
        const m = this.minute();
        settle(talk, this.cal.at(talk, m), true);
        s.replied(talk, m);
        let d = talk;
        for (let i = 0; i < L; i++) s.attempt((d += gap + this.int(0, 4)), this.minute());
        if (this.chance(0.01)) s.attempt((d += gap + this.int(0, 4)), this.minute(), 'R4'); // chased past the limit with --force
        this.values(s, d);
        return;
      }
      case 'nurture':
      case 'notfit': {
        // "Not now" (nurture) or not a fit: then value touches on the cadence.
        const every = scenario === 'notfit' ? this.config.nurtureNotFitDays : this.config.nurtureEveryDays;
        const talk = T - this.int(2, scenario === 'notfit' ? every - 1 : 200);
        history(talk, 1);
        const m = this.minute();
        settle(talk, this.cal.at(talk, m), true);
        s.disposed(talk, m, scenario === 'notfit' ? 'not-fit' : 'nurture');
        if (scenario === 'nurture') this.values(s, talk);
        return;
      }
      case 'won':
      case 'lost': {
        const day = T - this.int(1, 500);
        const noResponse = scenario === 'lost' && this.chance(0.4);
        history(day, 1);
        const m = this.minute();
        settle(day, this.cal.at(day, m), !noResponse);
        if (scenario === 'won') s.disposed(day, m, 'won');
        else if (noResponse) s.disposed(day, m, 'lost', 'no-answer', 'no response');
        else s.disposed(day, m, 'lost', 'connected', this.pick(LOST.slice(0, -1)));
        return;
      }
    }
  }

  /**
   * Value touches every `nurture.everyDays` after `from`, the last one so that
   * the next is due in the coming weeks; about one in a hundred is due today
   * or a few days late. Some sellers send three and more without an answer.
   */
  private values(s: Story, from: number): void {
    const every = this.config.nurtureEveryDays;
    const late = this.chance(0.02) ? this.int(0, 3) : -this.int(1, every - 1);
    const last = this.today - every - late; // its next is due today - late... i.e. `late` days ago
    if (last <= from) return;
    const count = Math.min(Math.floor((last - from) / every) + 1, this.chance(0.92) ? 2 : 5);
    for (let i = count - 1; i >= 0; i--) s.value(last - i * every, this.minute());
  }
}

// ---- writing -----------------------------------------------------------------------

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Writes a generated contact through fu's store, as fu's commands would have left it. */
class Writer {
  constructor(
    private readonly store: Store,
    private readonly cal: Calendar,
    private readonly config: Config,
  ) {}

  private due(d: GenDue): Due {
    return d.minute === null ? { date: this.cal.date(d.day) } : { at: iso(this.cal.at(d.day, d.minute))! };
  }

  write(c: GenContact): void {
    const { store } = this;
    const created = iso(c.createdAt)!;
    const { name, company, email, phone, source, note } = c;
    const id = store.insertContact({ name, company, email, phone, source, note }, created);
    store.addTags(id, c.tags);
    // The store numbers rows as it inserts them: the story's ids are mapped to the store's.
    const touchIds = new Map<number, number>();
    const touches: Touch[] = c.touches.map((g) => {
      const t = {
        contactId: id,
        at: iso(g.at)!,
        channel: g.channel,
        outcome: g.outcome,
        direction: directionOf(g.outcome),
        note: g.note,
        value: g.value,
        until: g.until === null ? null : this.cal.date(g.until),
        proposal: g.proposal,
        forced: g.forced !== null,
        disposition: g.disposition,
        lostReason: g.lostReason,
        // The generated sequences chase with nothing booked, so every outbound touch is an attempt.
        attempt: isOutboundChase(g),
      };
      const touchId = store.insertTouch(t, g.forced === null ? [] : [g.forced], iso(g.at + 120_000)!);
      touchIds.set(g.id, touchId);
      return { ...t, id: touchId };
    });
    const touchId = (storyId: number | null) => (storyId === null ? null : touchIds.get(storyId)!);
    let openStep: Commitment | null = null;
    for (const m of c.commitments) {
      // Inserted as first booked, moved as `fu next` moved it, closed as it was: one open next step at a time.
      const versions = [...m.moves.map((h) => ({ what: h.oldWhat, due: h.oldDue, soft: h.oldSoft })), { what: m.what, due: m.due, soft: m.soft }];
      const first = versions[0]!;
      const cid = store.insertCommitment(
        { contactId: id, kind: m.kind, what: first.what, due: this.due(first.due), soft: first.soft, touchId: touchId(m.touchId) },
        iso(m.createdAt)!,
      );
      // The step a touch booked, kept on the touch for fu stats, as fu log keeps it.
      if (m.kind === 'next-step' && m.touchId !== null) store.setTouchStep(touchId(m.touchId)!, first.soft ? 'soft' : 'firm');
      m.moves.forEach((h, i) => {
        const to = versions[i + 1]!;
        store.moveCommitment(cid, to.what, this.due(to.due), to.soft, iso(h.movedAt)!);
      });
      if (m.state !== 'open') store.closeCommitment(cid, m.state, iso(m.closedAt)!, touchId(m.closedBy), m.late);
      else if (m.kind === 'next-step') {
        openStep = {
          id: cid,
          contactId: id,
          kind: 'next-step',
          what: m.what,
          due: this.due(m.due),
          soft: m.soft,
          state: 'open',
          createdAt: iso(m.createdAt)!,
          closedAt: null,
          late: false,
        };
      }
    }
    // The status, last changed when the last touch was logged.
    store.setStatus(id, c.status, c.touches.length ? iso(c.touches[c.touches.length - 1]!.at + 120_000)! : created);
    store.saveDerived(id, deriveState(c.status, touches, openStep, this.config, this.cal.zone, null), openStep?.id ?? null);
    store.saveAttemptMarks(id, attemptMarks(chronological(touches)));
  }
}

/**
 * `db`, with each SQL text prepared once: the Store prepares a statement per
 * call, which is cheap for a command and most of the time of a million inserts.
 */
function withStatementCache(db: Db): Db {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return new Proxy(db, { get: (target, key) => (key === 'prepare' ? prepare : Reflect.get(target, key, target)) });
}

/** Fills an empty, migrated fu database. Returns what was written. */
function generateInto(db: Db, opts: GenOptions): GenSummary {
  const store = new Store(withStatementCache(db));
  if (store.contactCount() > 0) throw new Error('the database already has contacts');
  const config = configFrom(store.configValues());
  const gen = new Generator(opts, config);
  const writer = new Writer(store, gen.cal, config);
  const ids = new Ids();
  const summary: GenSummary = {
    contacts: 0,
    touches: 0,
    commitments: 0,
    byStatus: { active: 0, nurture: 0, won: 0, lost: 0 },
    byScenario: Object.fromEntries(SCENARIO_NAMES.map((s) => [s, 0])) as Record<Scenario, number>,
  };
  const BATCH = 5000;
  for (let start = 0; start < opts.contacts; start += BATCH) {
    const end = Math.min(opts.contacts, start + BATCH);
    db.transaction(() => {
      for (let i = start; i < end; i++) {
        const scenario = gen.scenarioFor(i);
        const c = gen.contact(i + 1, ids, scenario);
        writer.write(c);
        summary.byStatus[c.status]++;
        summary.byScenario[scenario]++;
      }
    })();
    opts.progress?.(end);
  }
  summary.contacts = opts.contacts;
  summary.touches = ids.touch;
  summary.commitments = ids.commitment;
  return summary;
}

/**
 * Generates into `target` through a temporary file next to it, renamed at the
 * end: an interrupted run (Ctrl-C stops it at once: the work is synchronous)
 * never leaves a half database under the final name, and its leftover
 * temporary file, named after the target, is removed by the next run.
 */
export function generateFile(target: string, opts: GenOptions): GenSummary {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.gen.tmp`);
  const cleanup = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(tmp + suffix, { force: true });
  };
  cleanup();
  let db: Db | undefined;
  try {
    db = openDatabase(tmp);
    // A scratch file until the rename: no journal, no syncs, a big cache.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -131072');
    const summary = generateInto(db, opts);
    db.pragma('journal_mode = WAL');
    db.close();
    db = undefined;
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(tmp, target);
    return summary;
  } catch (err) {
    db?.close();
    cleanup();
    throw err;
  }
}

// ---- command line --------------------------------------------------------------------

const USAGE = 'Usage: npm run gen -- --contacts N [--touches-per-contact K] [--db PATH] [--seed S] [--force]';

/** `npm run gen`'s command line: the exit code. */
export async function cli(argv: string[]): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: TypeScript types it from the parseArgs assignment below
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        contacts: { type: 'string' },
        'touches-per-contact': { type: 'string', default: '10' },
        db: { type: 'string' },
        seed: { type: 'string', default: '1' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    process.stderr.write(`gen: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(
      `${USAGE}\n\nWrites a realistic, reproducible fu database relative to $FU_NOW (default now) in $TZ.\n` +
        'The database is --db PATH, else $FU_DB, else the default fu database; an existing file is replaced only with --force.\n',
    );
    return 0;
  }
  const whole = (name: string, text: string | undefined, min: number) => {
    if (text === undefined || !/^\d+$/.test(text) || Number(text) < min) {
      process.stderr.write(`gen: --${name} must be a whole number from ${min}${text === undefined ? ' (it is required)' : `, not "${text}"`}.\n${USAGE}\n`);
      return null;
    }
    return Number(text);
  };
  const contacts = whole('contacts', values.contacts, 1);
  const touchesPerContact = whole('touches-per-contact', values['touches-per-contact'], 0);
  if (contacts === null || touchesPerContact === null) return 2;
  const zone = userZone(process.env, true); // as fu finds it
  let now: string;
  try {
    now = currentTime(process.env.FU_NOW, zone, Date.now);
  } catch (err) {
    process.stderr.write(`gen: ${(err as Error).message}\n`);
    return 2;
  }
  const target = resolveDbPath(values.db, process.env);
  if (fs.existsSync(target) && !values.force) {
    process.stderr.write(`gen: ${target} already exists; add --force to replace it.\n`);
    return 2;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });

  let bar: { start(total: number, value: number): void; update(value: number): void; stop(): void } | undefined;
  if (process.stderr.isTTY) {
    // A dev dependency, loaded only for a person watching.
    const { default: progress } = await import('cli-progress');
    bar = new progress.SingleBar(
      { format: 'gen [{bar}] {percentage}% | {value}/{total} contacts | {duration_formatted}', stream: process.stderr, hideCursor: true },
      progress.Presets.shades_classic,
    );
    bar.start(contacts, 0);
  }
  const started = Date.now();
  const summary = generateFile(target, { contacts, touchesPerContact, seed: values.seed!, now, zone, progress: (n) => bar?.update(n) });
  bar?.stop();
  const s = summary.byStatus;
  process.stdout.write(
    `Wrote ${target}: ${summary.contacts} contacts (${s.active} active, ${s.nurture} nurture, ${s.won} won, ${s.lost} lost), ` +
      `${summary.touches} touches, ${summary.commitments} commitments in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(seed ${values.seed}, now ${now}, ${zone.name}).\n`,
  );
  return 0;
}
