/**
 * Random command sequences against a temporary database.
 * fast-check draws sequences of fu add / log / next / done / cancel / config
 * with random (often invalid) arguments and clock moves; after every step:
 *
 * - no command fails with an internal (1) or database (5) error;
 * - a refused command (exit != 0) leaves the database content exactly as it was;
 * - an accepted unanswered attempt without --force (or a disposition) on a live
 *   contact is at most the L-th since the last two-way touch (R4);
 * - every contact has at most one open next step;
 * - the stored derived columns equal deriveState recomputed from the history.
 *
 * The many-runs property drives the real program in-process (commander, the
 * run functions, the store; only the process boundary is skipped); a smaller
 * one spawns the built binary for each command.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fu, fuProcess, tablesJson, type FuResult } from '../helpers.js';
import { derivedMismatchesIn, integrity, openRaw, scratch } from './support.js';

const START = Date.parse('2026-11-23T09:00:00Z');

type Step = { kind: 'clock'; minutes: number } | { kind: 'fu'; args: string[] };

const NAMES = ['Dana Reyes', 'Sam Okafor', 'Zoë 👩🏽‍💻', "O'Brien'; DROP TABLE contacts; --", 'Eve \u001b[31mRed', 'سارة', '  '];
/** Mostly the first contact, so sequences on one contact get long enough to reach the attempt limit. */
const CONTACT = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('#1', 'dana') },
  { weight: 4, arbitrary: fc.constantFrom('#2', '#3', 'sam') },
  { weight: 1, arbitrary: fc.constantFrom('#4', '#5', 'zoë', 'Eve', 'nobody', 'o') },
);
const WHEN = fc.constantFrom(
  'tomorrow 10am',
  'tue 3pm',
  'today 4pm',
  'today 6pm',
  'fri 9:30',
  'next monday 10:30',
  '+3d',
  'in 2 weeks',
  'yesterday 3pm',
  '2026-02-30',
  'blursday',
  '2027-01-05 11:00',
);
const WHAT = fc.constantFrom('demo to the team', 'pricing review', 'touch base', 'review the proposal together', '  ', 'send the \u0007 deck');

const opt = <T>(arb: fc.Arbitrary<T>, freq = 3) => fc.option(arb, { freq, nil: undefined });

const addArb = fc
  .record({
    name: fc.constantFrom(...NAMES),
    email: opt(fc.constantFrom('dana@acme.example', 'sam@bright.example', 'not-an-email')),
    met: opt(
      fc.record({ next: opt(fc.tuple(WHAT, WHEN), 1), disposition: opt(fc.constantFrom(['--won'], ['--nurture'], ['--not-fit'], ['--lost', 'budget']), 2) }),
      4,
    ),
  })
  .map(({ name, email, met }) => {
    const args = ['add', name];
    if (email) args.push('--email', email);
    if (met) {
      args.push('--met', 'SaaStr');
      if (met.next) args.push('--next', met.next[0], '--at', met.next[1]);
      if (met.disposition) args.push(...met.disposition);
    }
    return args;
  });

/** A touch that makes sense for its outcome most of the time (so many are recorded and the rules get exercised). */
const sensibleLogArb = fc
  .constantFrom('connected', 'connected', 'replied', 'no-answer', 'no-answer', 'no-answer', 'voicemail', 'sent', 'sent', 'auto-reply')
  .chain((outcome) => {
    const twoWay = outcome === 'connected' || outcome === 'replied';
    const outbound = outcome === 'no-answer' || outcome === 'voicemail' || outcome === 'sent';
    return fc.record({
      contact: CONTACT,
      outcome: fc.constant(outcome),
      via: opt(fc.constantFrom('call', 'email', 'linkedin')),
      // A conversation mostly books the next step (or closes out); other touches rarely do.
      plan: twoWay
        ? fc.oneof(
            {
              weight: 5,
              arbitrary: fc
                .tuple(
                  WHAT,
                  WHEN,
                  fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
                )
                .map(([w, at, soft]) => ['--next', w, '--at', at, ...(soft ? ['--soft'] : [])]),
            },
            { weight: 2, arbitrary: fc.constantFrom<string[]>(['--won'], ['--nurture'], ['--not-fit'], ['--lost', 'went elsewhere']) },
            { weight: 1, arbitrary: fc.constant([] as string[]) },
          )
        : fc.oneof(
            { weight: 8, arbitrary: fc.constant([] as string[]) },
            { weight: 1, arbitrary: fc.tuple(WHAT, WHEN).map(([w, at]) => ['--next', w, '--at', at]) },
          ),
      promise: opt(fc.tuple(WHAT, WHEN), 5),
      value: outbound ? opt(fc.constant('the freight benchmark'), 4) : fc.constant(undefined),
      until: outcome === 'auto-reply' ? opt(fc.constantFrom('+5d', '2026-12-01'), 2) : fc.constant(undefined),
      proposal: fc.integer({ min: 0, max: 10 }).map((n) => n === 0),
      force: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    });
  })
  .map((o) => {
    const args = ['log', o.contact, '--outcome', o.outcome];
    if (o.via) args.push('--via', o.via);
    args.push(...o.plan);
    if (o.promise) args.push('--promise', o.promise[0], '--by', o.promise[1]);
    if (o.value) args.push('--value', o.value);
    if (o.until) args.push('--until', o.until);
    if (o.proposal) args.push('--proposal');
    if (o.force) args.push('--force');
    return args;
  });

/** Any mix of flags, most of them contradictory or invalid: usage errors that must change nothing. */
const noisyLogArb = fc
  .record({
    contact: CONTACT,
    outcome: fc.constantFrom('connected', 'no-answer', 'sent', 'auto-reply', 'maybe'),
    via: opt(fc.constantFrom('call', 'pigeon')),
    next: opt(fc.tuple(WHAT, WHEN), 1),
    soft: fc.boolean(),
    disposition: opt(fc.constantFrom(['--won'], ['--nurture'], ['--lost', ' ']), 1),
    value: opt(fc.constant('x'), 1),
    until: opt(fc.constantFrom('+5d', '2026-02-30'), 1),
    by: opt(WHEN, 2),
  })
  .map((o) => {
    const args = ['log', o.contact, '--outcome', o.outcome];
    if (o.via) args.push('--via', o.via);
    if (o.next) args.push('--next', o.next[0], '--at', o.next[1]);
    if (o.soft) args.push('--soft');
    if (o.disposition) args.push(...o.disposition);
    if (o.value) args.push('--value', o.value);
    if (o.until) args.push('--until', o.until);
    if (o.by) args.push('--by', o.by);
    return args;
  });

/** A plain chase: what runs into the spacing (R5) and the attempt limit (R4) when repeated. */
const chaseArb = fc
  .tuple(
    CONTACT,
    fc.constantFrom('no-answer', 'no-answer', 'voicemail', 'sent'),
    fc.constantFrom('call', 'email'),
    fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  )
  .map(([contact, outcome, via, force]) => ['log', contact, '--outcome', outcome, '--via', via, ...(force ? ['--force'] : [])]);

const logArb = fc.oneof({ weight: 5, arbitrary: sensibleLogArb }, { weight: 5, arbitrary: chaseArb }, { weight: 1, arbitrary: noisyLogArb });

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: addArb.map((args) => ({ kind: 'fu' as const, args })) },
  { weight: 8, arbitrary: logArb.map((args) => ({ kind: 'fu' as const, args })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(CONTACT, WHAT, WHEN, fc.boolean())
      .map(([c, what, at, soft]) => ({ kind: 'fu' as const, args: ['next', c, what, '--at', at, ...(soft ? ['--soft'] : [])] })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('done', 'cancel'), fc.integer({ min: 1, max: 8 }))
      .map(([cmd, id]) => ({ kind: 'fu' as const, args: [cmd, String(id)] })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        ['attempts.limit', '2'],
        ['attempts.limit', '3'],
        ['attempts.gapDays', '1'],
        ['attempts.gapDays', '4'],
        ['attempts.gapDays', '0'],
        ['nurture.everyDays', 'soon'],
      )
      .map((kv) => ({ kind: 'fu' as const, args: ['config', ...kv] })),
  },
  {
    weight: 5,
    arbitrary: fc
      .oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 2 * 24 * 60, max: 6 * 24 * 60 }))
      .map((minutes) => ({ kind: 'clock' as const, minutes })),
  },
);

type Runner = (args: string[], db: string, now: string) => Promise<FuResult>;

const inProcess: Runner = (args, db, now) => fu(args, { db, now });
const binary: Runner = (args, db, now) => fuProcess(args, { db, now });

interface Facts {
  limit: number;
  status: Map<number, string>;
  touches: number;
}

function factsOf(raw: Database.Database): Facts {
  const limit = Number((raw.prepare("SELECT value FROM config WHERE key = 'attempts.limit'").get() as { value: string } | undefined)?.value ?? 3);
  const status = new Map((raw.prepare('SELECT id, status FROM contacts').all() as { id: number; status: string }[]).map((r) => [r.id, r.status]));
  const touches = (raw.prepare('SELECT coalesce(max(id), 0) AS n FROM touches').get() as { n: number }).n;
  return { limit, status, touches };
}

interface TouchRow {
  id: number;
  contact_id: number;
  happened_at: string;
  outcome: string;
  value: string | null;
  forced: string | null;
  disposition: string | null;
  chase: number;
}

const UNANSWERED = new Set(['no-answer', 'voicemail', 'sent']);
const TWO_WAY = new Set(['connected', 'replied']);

/**
 * R4, recounted from the stored history by this test, not by fu's code: a new unforced chase on a live contact
 * is at most the L-th since the last two-way touch. Whether a touch was made while chasing (no firm step ahead)
 * is what fu stored on it.
 */
function checkAttemptLimit(raw: Database.Database, before: Facts, step: string): void {
  const added = raw.prepare('SELECT * FROM touches WHERE id > ? ORDER BY id').all(before.touches) as TouchRow[];
  for (const t of added) {
    const wasLive = before.status.get(t.contact_id) === 'active' || before.status.get(t.contact_id) === 'nurture';
    if (t.chase === 1) expect(UNANSWERED.has(t.outcome) && t.value === null, `${step}: a ${t.outcome} touch counted as an attempt`).toBe(true);
    if (!wasLive || t.chase === 0 || t.forced !== null || t.disposition !== null) continue;
    const history = raw.prepare('SELECT * FROM touches WHERE contact_id = ? ORDER BY happened_at, id').all(t.contact_id) as TouchRow[];
    let since = 0;
    for (const h of history) {
      if (TWO_WAY.has(h.outcome)) since = 0;
      else if (h.chase === 1) since++;
      if (h.id === t.id) break;
    }
    // Past the limit only as the break-up of an active contact whose limit was lowered: it then moves to nurture.
    const status = (raw.prepare('SELECT status FROM contacts WHERE id = ?').get(t.contact_id) as { status: string }).status;
    const lateBreakUp = before.status.get(t.contact_id) === 'active' && status === 'nurture';
    if (!lateBreakUp) expect(since, `${step}: attempt ${since} recorded past the limit of ${before.limit} without --force`).toBeLessThanOrEqual(before.limit);
  }
}

function checkOneOpenNextStep(raw: Database.Database, step: string): void {
  const doubles = raw
    .prepare("SELECT contact_id, count(*) AS n FROM commitments WHERE kind = 'next-step' AND state = 'open' GROUP BY contact_id HAVING n > 1")
    .all();
  expect(doubles, step).toEqual([]);
}

/**
 * Runs one sequence on a fresh database, checking the invariants after every step. The checks read through one
 * connection kept open for the whole sequence (each read sees what the step committed): a connection a check, six a
 * step, had been half of this file's time.
 */
async function runSequence(steps: Step[], run: Runner): Promise<void> {
  const db = path.join(scratch('fu-prop-'), 'fu.db');
  let now = START;
  const iso = () => new Date(now).toISOString();
  // A database with three contacts, so the first commands have something to act on.
  for (const name of ['Dana Reyes', 'Sam Okafor', 'Zoë 👩🏽‍💻']) expect((await run(['add', name], db, iso())).code).toBe(0);
  const raw = openRaw(db);
  try {
    for (const [i, step] of steps.entries()) {
      if (step.kind === 'clock') {
        now += step.minutes * 60_000;
        continue;
      }
      const label = `step ${i} at ${iso()}: fu ${step.args.join(' ')}`;
      const before = tablesJson(raw);
      const facts = factsOf(raw);
      const r = await run(step.args, db, iso());
      expect([0, 2, 3, 4], `${label} exited ${r.code}: ${r.stderr}`).toContain(r.code);
      if (r.code !== 0) expect(tablesJson(raw), `${label} was refused but changed the database`).toBe(before);
      else checkAttemptLimit(raw, facts, label);
      checkOneOpenNextStep(raw, label);
      expect(derivedMismatchesIn(raw), label).toEqual([]);
    }
  } finally {
    raw.close();
  }
  expect(integrity(db)).toBe('ok');
}

describe('random command sequences', () => {
  it('keep the invariants after every step (in-process, many runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 40, size: 'max' }), (steps) => runSequence(steps, inProcess)),
      { numRuns: 100 },
    );
  }, 240_000);

  it('keep the invariants after every step (the built binary, a few runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 12, size: 'max' }), (steps) => runSequence(steps, binary)),
      { numRuns: 6 },
    );
  }, 240_000);

  it('catches a refused command that changes the database (the property can fail)', async () => {
    // A runner that writes a row and then reports a refusal: the check must notice.
    const lying: Runner = async (args, db, now) => {
      const r = await inProcess(args, db, now);
      if (args[0] === 'log') {
        const raw = new Database(db);
        raw.prepare("INSERT INTO config (key, value) VALUES ('x', 'y') ON CONFLICT DO NOTHING").run();
        raw.close();
        return { ...r, code: 3 };
      }
      return r;
    };
    await expect(runSequence([{ kind: 'fu', args: ['log', 'dana', '--outcome', 'no-answer'] }], lying)).rejects.toThrow(/was refused but changed the database/);
  });
});
