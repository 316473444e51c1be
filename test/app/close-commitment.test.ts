import { describe, expect, it } from 'vitest';
import { closeCommitment } from '../../src/app/close-commitment.js';
import { addContact } from '../../src/app/contacts.js';
import { logTouch } from '../../src/app/log-touch.js';
import { plainTouch } from '../../src/domain/rules.js';
import { at, dateOnly, freshContext, NOW, person, rows, timed } from './context.js';

/** Dana, with a next step Tue 24 Nov 15:00 (#1) and a promise due today at day end (#2). */
function withCommitments() {
  const ctx = freshContext();
  const added = addContact(ctx, { fields: person('Dana Reyes'), tags: [], met: null });
  if (!added.ok) throw new Error('not added');
  const logged = logTouch(
    ctx,
    added.contact.id,
    plainTouch(NOW, 'connected', {
      next: { what: 'demo', when: timed('2026-11-24', '15:00') },
      promises: [{ what: 'send pricing', by: dateOnly('2026-11-23') }],
    }),
  );
  if (!logged.ok) throw new Error('not logged');
  const [step, promise] = logged.created;
  return { ctx, id: added.contact.id, step: step!.id, promise: promise!.id };
}

describe('closing a commitment', () => {
  it('keeps a promise on time', () => {
    const { ctx, promise } = withCommitments();
    expect(closeCommitment(at(ctx, '2026-11-23T16:59:00.000Z'), promise, 'kept')).toMatchObject({
      ok: true,
      late: false,
      commitment: { id: promise, state: 'open' },
    });
    expect(ctx.store.commitment(promise)).toMatchObject({ state: 'kept', late: false, closedAt: '2026-11-23T16:59:00.000Z' });
  });

  it('keeps a promise late once its time has passed, as the domain judges it missed', () => {
    const { ctx, promise } = withCommitments();
    expect(closeCommitment(at(ctx, '2026-11-23T17:01:00.000Z'), promise, 'kept')).toMatchObject({ ok: true, late: true });
    expect(ctx.store.commitment(promise)!.late).toBe(true);
  });

  it('keeps a next step late only after its day, and tells that the contact has no next step now', () => {
    const { ctx, step, id } = withCommitments();
    expect(closeCommitment(at(ctx, '2026-11-24T23:59:00.000Z'), step, 'kept')).toMatchObject({ ok: true, late: false, contact: { id, nextStepId: null } });
    const other = withCommitments();
    expect(closeCommitment(at(other.ctx, '2026-11-25T00:01:00.000Z'), other.step, 'kept')).toMatchObject({ ok: true, late: true });
  });

  it('cancels without lateness', () => {
    const { ctx, promise } = withCommitments();
    expect(closeCommitment(at(ctx, '2026-11-30T09:00:00.000Z'), promise, 'cancelled')).toMatchObject({ ok: true, late: false });
    expect(ctx.store.commitment(promise)!.state).toBe('cancelled');
  });

  it('refuses an unknown id and a closed commitment, writing nothing', () => {
    const { ctx, promise } = withCommitments();
    closeCommitment(ctx, promise, 'kept');
    const before = rows(ctx);
    expect(closeCommitment(ctx, 99, 'kept')).toEqual({ ok: false, reason: 'not-found' });
    expect(closeCommitment(ctx, promise, 'cancelled')).toEqual({ ok: false, reason: 'already-closed', state: 'kept' });
    expect(rows(ctx)).toBe(before);
  });
});
