import { describe, expect, it } from 'vitest';
import { setConfig } from '../../src/app/config.js';
import { closeContact } from '../../src/app/close-contact.js';
import { addContact } from '../../src/app/contacts.js';
import { refreshDerived } from '../../src/app/history.js';
import { logTouch } from '../../src/app/log-touch.js';
import { configFrom } from '../../src/domain/config.js';
import { plainTouch } from '../../src/domain/rules.js';
import { zoneOf } from '../../src/domain/zone.js';
import { at, dateOnly, freshContext, person, timed, type TestContext } from './context.js';

/** Contacts with every kind of due day: chases after one and two attempts, a missed soft step, a no-show, nurture, not-fit, won. */
function book(): TestContext {
  const ctx = freshContext('2026-03-02T15:00:00.000Z');
  const add = (name: string) => {
    const added = addContact(ctx, { fields: person(name), tags: [], met: null });
    if (!added.ok) throw new Error('not added');
    return added.contact.id;
  };
  const log = (id: number, when: string, input: Parameters<typeof plainTouch>[1], extra: Parameters<typeof plainTouch>[2] = {}) => {
    const logged = logTouch(at(ctx, when), id, plainTouch(when, input, extra));
    if (!logged.ok) throw new Error(JSON.stringify(logged.violation));
  };
  const ann = add('Ann');
  log(ann, '2026-03-02T15:00:00.000Z', 'no-answer');
  log(ann, '2026-03-05T23:30:00.000Z', 'no-answer', { channel: 'email' });
  const ben = add('Ben');
  log(ben, '2026-03-03T15:00:00.000Z', 'connected', { next: { what: 'call in a week', when: dateOnly('2026-03-06') }, soft: true });
  const cy = add('Cy');
  log(cy, '2026-03-06T15:00:00.000Z', 'connected', { disposition: { kind: 'nurture', reason: null } });
  const dee = add('Dee');
  log(dee, '2026-03-02T15:00:00.000Z', 'connected', { next: { what: 'demo', when: timed('2026-03-07', '01:00') } });
  log(dee, '2026-03-07T02:00:00.000Z', 'no-show');
  const eve = add('Eve');
  log(eve, '2026-03-04T15:00:00.000Z', 'sent', { channel: 'email' });
  closeContact(at(ctx, '2026-03-06T15:00:00.000Z'), eve, 'not-fit', null);
  const fay = add('Fay');
  log(fay, '2026-03-04T15:00:00.000Z', 'sent', { channel: 'email' });
  closeContact(at(ctx, '2026-03-06T15:00:00.000Z'), fay, 'won', null);
  return ctx;
}

/** Every contact's derived state, as the write of each contact would store it under the settings now. */
function derivedOneByOne(ctx: TestContext, zone = ctx.zone) {
  const config = configFrom(ctx.store.configValues());
  const ids = ctx.store.contactNames().map((c) => c.id);
  return ctx.store.unjournaledTransaction(() => {
    for (const id of ids) refreshDerived(ctx.store, id, config, zone);
    return ids.map((id) => ctx.store.contact(id)!.derived);
  });
}

describe('a setting the due days depend on', () => {
  it.each([
    ['day.workdays', 'sun-thu'],
    ['day.workdays', 'mon,wed'],
    ['attempts.gapDays', '5'],
    ['nurture.everyDays', '20'],
    ['nurture.notFitDays', '45'],
  ])('%s %s leaves every contact as deriving it one by one gives', (key, value) => {
    const ctx = book();
    const before = ctx.store.contactNames().map((c) => ctx.store.contact(c.id)!.derived);
    expect(setConfig({ ...ctx, ownZone: ctx.zone }, key, value).ok).toBe(true);
    const after = ctx.store.contactNames().map((c) => ctx.store.contact(c.id)!.derived);
    expect(after).not.toEqual(before);
    expect(after).toEqual(derivedOneByOne(ctx));
  });

  it('zone leaves every contact as deriving it in that zone gives', () => {
    const ctx = book();
    const before = ctx.store.contactNames().map((c) => ctx.store.contact(c.id)!.derived);
    expect(setConfig({ ...ctx, ownZone: ctx.zone }, 'zone', 'Pacific/Auckland').ok).toBe(true);
    const after = ctx.store.contactNames().map((c) => ctx.store.contact(c.id)!.derived);
    expect(after).not.toEqual(before);
    expect(after).toEqual(derivedOneByOne(ctx, zoneOf('Pacific/Auckland')));
  });
});
