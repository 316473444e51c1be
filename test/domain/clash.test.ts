import { describe, expect, it } from 'vitest';
import { type Appointment, clashesWith, clashWindow } from '../../src/domain/clash.js';

/** Does a step at `at` fall in the window of a step at 09:30 UTC? */
const inWindowOf930 = (at: string) => {
  const { from, to } = clashWindow('2026-11-30T09:30:00.000Z');
  return at >= from && at < to;
};

describe('double booking', () => {
  it.each([
    ['09:00:00.000', false],
    ['09:00:00.001', true],
    ['09:30:00.000', true],
    ['09:59:59.999', true],
    ['10:00:00.000', false],
  ])('a step at %s clashes with one at 09:30: %s (back-to-back half hours do not)', (time, clashes) => {
    expect(inWindowOf930(`2026-11-30T${time}Z`)).toBe(clashes);
  });

  it("leaves out the contact's own step, which the new one replaces or moves, and keeps the order read", () => {
    const step = (id: number, contactId: number, at: string): Appointment => ({ id, contactId, contact: `C${contactId}`, company: null, what: 'demo', at });
    const read = [step(1, 7, '2026-11-30T09:10:00.000Z'), step(2, 3, '2026-11-30T09:20:00.000Z'), step(3, 9, '2026-11-30T09:40:00.000Z')];
    expect(clashesWith(3, read).map((a) => a.id)).toEqual([1, 3]);
    expect(clashesWith(null, read).map((a) => a.id)).toEqual([1, 2, 3]);
  });
});
