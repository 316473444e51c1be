/** A bare hour after a weekday is a working hour (Time, docs/rules.md), the same way for every hour 1-12. */
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/domain/when.js';
import { zoneOf } from '../../src/domain/zone.js';

const NOW = '2026-11-24T09:00:00Z'; // a Tuesday

describe('a bare hour after a weekday', () => {
  it.each([
    ['mon 7', '07:00'],
    ['mon 8', '08:00'],
    ['mon 9', '09:00'],
    ['mon 10', '10:00'],
    ['fri 11', '11:00'],
    ['mon 12', '12:00'],
    ['mon 1', '13:00'],
    ['thu 4', '16:00'],
    ['mon 6', '18:00'],
  ])('reads "%s" as %s', async (text, time) => {
    const when = await parseWhen(text, NOW, zoneOf('UTC'));
    expect(when.hasTime && when.at.slice(11, 16)).toBe(time);
  });

  it('reads every hour from 1 to 12 on the same weekday', async () => {
    for (let hour = 1; hour <= 12; hour++) {
      const when = await parseWhen(`mon ${hour}`, NOW, zoneOf('UTC'));
      expect(when).toMatchObject({ hasTime: true, date: '2026-11-30' });
    }
  });
});
