/**
 * fast-check: random writes (add, log, next, done, cancel, close, edit, rm, merge, touch edit and rm, config), some
 * refused, then undos. Undoing k of the n accepted writes leaves the database
 * content exactly as it was after the first n-k; undoing all of them, as it
 * was at the start. The derived state stays equal to a recomputation.
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fu } from '../helpers.js';
import { content, derivedMismatches, scratch } from './support.js';

const START = Date.parse('2026-11-23T09:00:00Z');
const CONTACT = fc.constantFrom('#1', '#2', '#3', 'dana', 'sam');
const WHEN = fc.constantFrom('tomorrow 10am', 'fri 3pm', '+3d', 'yesterday 3pm');

const writeArb: fc.Arbitrary<string[]> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('Dana Reyes', 'Sam Okafor', 'Lee Park'), fc.option(fc.constantFrom('a@x.example', 'b@x.example'), { nil: undefined }))
      .map(([n, e]) => ['add', n, ...(e ? ['--email', e] : []), '--tag', 'lead']),
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(CONTACT, fc.constantFrom('no-answer', 'sent', 'connected', 'replied'), fc.boolean())
      .map(([c, o, f]) => ['log', c, '--outcome', o, ...(f ? ['--force'] : [])]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(CONTACT, WHEN)
      .map(([c, w]) => ['log', c, '--outcome', 'connected', '--next', 'demo', '--at', w, '--promise', 'deck', '--by', 'tomorrow']),
  },
  { weight: 2, arbitrary: fc.tuple(CONTACT, WHEN).map(([c, w]) => ['next', c, 'pricing call', '--at', w]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('done', 'cancel'), fc.integer({ min: 1, max: 5 })).map(([cmd, id]) => [cmd, String(id)]) },
  { weight: 1, arbitrary: fc.tuple(CONTACT, fc.constantFrom('Acme', 'Brightline')).map(([c, co]) => ['edit', c, '--company', co, '--untag', 'lead']) },
  { weight: 1, arbitrary: CONTACT.map((c) => ['rm', c, '--yes']) },
  {
    weight: 1,
    arbitrary: fc.tuple(CONTACT, fc.constantFrom(['--won'], ['--lost', 'budget'], ['--nurture'], ['--not-fit'])).map(([c, d]) => ['close', c, ...d]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('connected', 'no-answer'))
      .map(([id, o]) => ['touch', 'edit', String(id), '--outcome', o, '--at', 'yesterday 3pm']),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((id) => ['touch', 'rm', String(id)]) },
  { weight: 1, arbitrary: fc.tuple(CONTACT, CONTACT).map(([a, b]) => ['merge', a, b]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string[]>(['config', 'attempts.limit', '2'], ['config', 'attempts.gapDays', '1'], ['config', 'attempts.gapDays', 'soon']),
  },
);

const stepsArb = fc.array(fc.tuple(writeArb, fc.integer({ min: 0, max: 3 * 24 * 60 })), { minLength: 1, maxLength: 14 });

describe('writes followed by undos', () => {
  it('undoing k of n writes leaves the content after n-k; undoing all, the starting content', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb, fc.integer({ min: 0, max: 100 }), async (steps, share) => {
        const db = path.join(scratch('fu-undo-'), 'fu.db');
        let now = START;
        const at = () => new Date(now).toISOString();
        expect((await fu(['list'], { db, now: at() })).code).toBe(0); // creates the empty database
        const states = [content(db)];
        for (const [args, minutes] of steps) {
          now += minutes * 60_000;
          const r = await fu(args, { db, now: at() });
          expect([0, 2, 3, 4], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
          if (r.code === 0) states.push(content(db));
          else expect(content(db)).toBe(states.at(-1));
        }
        const n = states.length - 1;
        const k = Math.round((share / 100) * n);
        for (let i = 1; i <= k; i++) {
          const r = await fu(['undo'], { db, now: at() });
          expect(r.code, r.stderr).toBe(0);
          expect(content(db), `after ${i} undos of ${n}`).toBe(states[n - i]);
          expect(derivedMismatches(db)).toEqual([]);
        }
        if (k === n) expect((await fu(['undo'], { db, now: at() })).code).toBe(3);
      }),
      { numRuns: 40 },
    );
  });
});
