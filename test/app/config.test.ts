import { describe, expect, it } from 'vitest';
import { setConfig } from '../../src/app/config.js';
import { addContact } from '../../src/app/contacts.js';
import { logTouch } from '../../src/app/log-touch.js';
import { plainTouch } from '../../src/domain/rules.js';
import { freshContext, NOW, person, rows, type TestContext } from './context.js';

/** The user's own zone is the one the context counts days in. */
const own = (ctx: TestContext) => ({ ...ctx, ownZone: ctx.zone });

describe('setting a setting', () => {
  it('stores the checked value and recomputes the due days that depend on it, in the same transaction', () => {
    const ctx = freshContext();
    addContact(ctx, { fields: person('Dana'), tags: [], met: null });
    logTouch(ctx, 1, plainTouch(NOW, 'no-answer'));
    expect(ctx.store.contact(1)!.derived.chaseDueOn).toBe('2026-11-26');
    expect(setConfig(own(ctx), 'attempts.gapDays', ' 5 ')).toMatchObject({
      ok: true,
      value: '5',
      before: { attemptsGapDays: 3 },
      after: { attemptsGapDays: 5 },
    });
    expect(ctx.store.configValues().get('attempts.gapDays')).toBe('5');
    // Five working days after Monday 23 November.
    expect(ctx.store.contact(1)!.derived.chaseDueOn).toBe('2026-11-30');
  });

  it('refuses a value outside the allowed ones, writing nothing', () => {
    const ctx = freshContext();
    const before = rows(ctx);
    expect(setConfig(own(ctx), 'attempts.limit', '4')).toEqual({ ok: false, message: 'attempts.limit must be 2 or 3, not "4"' });
    expect(setConfig(own(ctx), 'day.start', '18:00')).toEqual({ ok: false, message: 'day.start (18:00) must be before day.end (17:00)' });
    expect(rows(ctx)).toBe(before);
  });
});
