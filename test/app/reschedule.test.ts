import { describe, expect, it } from 'vitest';
import { addContact } from '../../src/app/contacts.js';
import { logTouch } from '../../src/app/log-touch.js';
import { reschedule } from '../../src/app/reschedule.js';
import { plainTouch } from '../../src/domain/rules.js';
import { dateOnly, freshContext, NOW, person, rows, timed } from './context.js';

function withContact() {
  const ctx = freshContext();
  const added = addContact(ctx, { fields: person('Dana Reyes'), tags: [], met: null });
  if (!added.ok) throw new Error('not added');
  return { ctx, id: added.contact.id };
}

describe('rescheduling the next step', () => {
  it('moves the open step, keeping where it was in its history', () => {
    const { ctx, id } = withContact();
    logTouch(ctx, id, plainTouch(NOW, 'connected', { next: { what: 'demo', when: timed('2026-11-24', '15:00') } }));
    const moved = reschedule(ctx, id, { what: 'demo to the team', when: timed('2026-11-26', '10:00') }, false);
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.before).toMatchObject({ what: 'demo', due: { at: '2026-11-24T15:00:00.000Z' } });
    expect(moved.step).toMatchObject({ id: moved.before!.id, what: 'demo to the team', due: { at: '2026-11-26T10:00:00.000Z' }, soft: false });
    expect(ctx.store.historyByCommitment(id).get(moved.step.id)).toEqual([
      { movedAt: NOW, oldWhat: 'demo', oldDue: { at: '2026-11-24T15:00:00.000Z' }, oldSoft: false },
    ]);
    expect(ctx.store.contact(id)!.nextStepId).toBe(moved.step.id);
  });

  it('books a new step when none is open, and reopens a lost contact', () => {
    const { ctx, id } = withContact();
    logTouch(ctx, id, plainTouch(NOW, 'connected', { disposition: { kind: 'lost', reason: 'budget' } }));
    const booked = reschedule(ctx, id, { what: 'pricing call', when: dateOnly('2026-11-27') }, true);
    expect(booked).toMatchObject({
      ok: true,
      before: null,
      contact: { status: 'lost' },
      plan: { status: 'active' },
      step: { what: 'pricing call', due: { date: '2026-11-27' }, soft: true },
    });
    expect(ctx.store.contact(id)!.status).toBe('active');
  });

  it('refuses a step in the past (R2) and writes nothing', () => {
    const { ctx, id } = withContact();
    logTouch(ctx, id, plainTouch(NOW, 'connected', { next: { what: 'demo', when: timed('2026-11-24', '15:00') } }));
    const before = rows(ctx);
    expect(reschedule(ctx, id, { what: 'demo', when: timed('2026-11-20', '15:00') }, false)).toEqual({
      ok: false,
      violation: { rule: 'R2', reason: 'step-in-past', data: { due: { at: '2026-11-20T15:00:00.000Z' } } },
    });
    expect(rows(ctx)).toBe(before);
  });
});
