import { describe, expect, it } from 'vitest';
import { addContact } from '../../src/app/contacts.js';
import { decideTouch, logTouch } from '../../src/app/log-touch.js';
import { plainTouch } from '../../src/domain/rules.js';
import { at, freshContext, NOW, person, rows, timed } from './context.js';

function withContact() {
  const ctx = freshContext();
  const added = addContact(ctx, { fields: person('Dana Reyes'), tags: [], met: null });
  if (!added.ok) throw new Error('not added');
  return { ctx, id: added.contact.id };
}

describe('logging a touch', () => {
  it('writes a conversation with its next step and promise, and returns what it wrote', () => {
    const { ctx, id } = withContact();
    const logged = logTouch(
      ctx,
      id,
      plainTouch(NOW, 'connected', {
        next: { what: 'demo', when: timed('2026-11-24', '15:00') },
        promises: [{ what: 'send pricing', by: timed('2026-11-23', '17:00') }],
      }),
    );
    expect(logged.ok).toBe(true);
    if (!logged.ok) return;
    expect(logged.touch).toMatchObject({ contactId: id, outcome: 'connected', at: NOW });
    expect(logged.created.map((c) => [c.kind, c.what])).toEqual([
      ['next-step', 'demo'],
      ['promise', 'send pricing'],
    ]);
    expect(logged.nextStep?.id).toBe(logged.created[0]!.id);
    expect(logged.contact).toMatchObject({ status: 'active', nextStepId: logged.created[0]!.id, derived: { lastTwoWayAt: NOW, unanswered: 0 } });
    expect(ctx.store.touchesOf(id)).toHaveLength(1);
  });

  it('refuses, as not found (exit 4) and writing nothing, a contact another fu removed after the command resolved it', () => {
    const { ctx, id } = withContact();
    ctx.store.db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    const before = rows(ctx);
    expect(() => logTouch(ctx, id, plainTouch(NOW, 'no-answer'))).toThrow(
      expect.objectContaining({ exitCode: 4, message: expect.stringContaining(`#${id} no longer exists`) }),
    );
    expect(rows(ctx)).toBe(before);
  });

  it('stores the direction the domain gives the outcome', () => {
    const { ctx, id } = withContact();
    logTouch(ctx, id, plainTouch(NOW, 'no-answer'));
    logTouch(at(ctx, '2026-11-26T09:00:00.000Z'), id, plainTouch('2026-11-26T09:00:00.000Z', 'replied', { channel: 'email' }));
    expect(ctx.store.db.prepare('SELECT outcome, direction FROM touches ORDER BY id').all()).toEqual([
      { outcome: 'no-answer', direction: 'outbound' },
      { outcome: 'replied', direction: 'inbound' },
    ]);
  });

  it('refuses a conversation without a next step (R1) and writes nothing', () => {
    const { ctx, id } = withContact();
    const before = rows(ctx);
    const logged = logTouch(ctx, id, plainTouch(NOW, 'connected'));
    expect(logged).toEqual({ ok: false, violation: { rule: 'R1', reason: 'no-next-step', data: { metAt: null } } });
    expect(rows(ctx)).toBe(before);
  });

  it('refuses a fourth unanswered call when the limit is 3, and writes nothing', () => {
    const { ctx, id } = withContact();
    for (const day of ['2026-11-23', '2026-11-26', '2026-12-01'])
      expect(logTouch(at(ctx, `${day}T09:00:00.000Z`), id, plainTouch(`${day}T09:00:00.000Z`, 'no-answer')).ok).toBe(true);
    const later = at(ctx, '2026-12-04T09:00:00.000Z');
    const before = rows(later);
    expect(logTouch(later, id, plainTouch(later.now, 'no-answer'))).toMatchObject({
      ok: false,
      violation: { rule: 'R4', reason: 'attempt-limit', data: { count: 3, limit: 3 } },
    });
    expect(rows(later)).toBe(before);
  });

  it('decides without writing (for asking again before logging)', () => {
    const { ctx, id } = withContact();
    const before = rows(ctx);
    expect(decideTouch(ctx, id, plainTouch(NOW, 'no-answer'))).toMatchObject({ ok: true, plan: { attempt: { number: 1, limit: 3 } } });
    expect(rows(ctx)).toBe(before);
  });
});
