import { describe, expect, it } from 'vitest';
import { addContact } from '../../src/app/contacts.js';
import { logTouch } from '../../src/app/log-touch.js';
import { plainTouch } from '../../src/domain/rules.js';
import { dateOnly, freshContext, NOW, person, timed } from './context.js';

describe('the next step a logged touch books, kept on the touch', () => {
  it.each([
    ['firm, with a time of day', timed('2026-11-24', '15:00'), false, 'firm'],
    ['soft, a date only', dateOnly('2026-11-25'), true, 'soft'],
  ])('%s: written with the touch, one journaled row for it', (_name, when, soft, step) => {
    const ctx = freshContext();
    const added = addContact(ctx, { fields: person('Dana Reyes'), tags: [], met: null });
    if (!added.ok) throw new Error('not added');
    const logged = logTouch(ctx, added.contact.id, plainTouch(NOW, 'connected', { next: { what: 'demo', when }, soft }));
    if (!logged.ok) throw new Error('refused');
    expect(ctx.store.db.prepare('SELECT step FROM touches WHERE id = ?').pluck().get(logged.touch.id)).toBe(step);
    const entry = ctx.store.undoableWrites(1)[0]!;
    const touchRows = entry.rows.filter((r) => r.table === 'touches');
    expect(touchRows).toHaveLength(1);
    expect(touchRows[0]).toMatchObject({ before: null, after: { id: logged.touch.id, step } });
  });
});
