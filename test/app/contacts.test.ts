import { describe, expect, it } from 'vitest';
import { addContact, editContact, lookupContact } from '../../src/app/contacts.js';
import { freshContext, NOW, person, rows, timed } from './context.js';

describe('adding a contact', () => {
  it('writes the contact and its tags', () => {
    const ctx = freshContext();
    const added = addContact(ctx, { fields: person('Dana Reyes', { email: 'dana@acme.com' }), tags: ['saas'], met: null });
    expect(added).toMatchObject({
      ok: true,
      met: null,
      nextStep: null,
      contact: { name: 'Dana Reyes', email: 'dana@acme.com', status: 'active', createdAt: NOW },
    });
    if (added.ok) expect(ctx.store.tagsOf(added.contact.id)).toEqual(['saas']);
  });

  it('met in person: the meeting and its next step are written with the contact', () => {
    const ctx = freshContext();
    const added = addContact(ctx, {
      fields: person('Lee Park'),
      tags: [],
      met: { event: 'SaaStr Europe', next: { what: 'intro call', when: timed('2026-11-26', '11:00') }, soft: false, disposition: null },
    });
    expect(added).toMatchObject({
      ok: true,
      met: { touch: { channel: 'meeting', outcome: 'connected', note: 'Met at SaaStr Europe' } },
      nextStep: { what: 'intro call' },
    });
    if (added.ok) expect(added.contact.nextStepId).toBe(added.nextStep!.id);
  });

  it('refuses a meeting without a next step (R1), writing no contact', () => {
    const ctx = freshContext();
    const before = rows(ctx);
    expect(addContact(ctx, { fields: person('Lee Park'), tags: ['x'], met: { event: 'SaaStr Europe', next: null, soft: false, disposition: null } })).toEqual({
      ok: false,
      reason: 'rule',
      violation: { rule: 'R1', reason: 'no-next-step', data: { metAt: 'SaaStr Europe' } },
    });
    expect(rows(ctx)).toBe(before);
  });

  it('refuses an email another contact has (any case), writing nothing', () => {
    const ctx = freshContext();
    addContact(ctx, { fields: person('Dana Reyes', { email: 'dana@acme.com' }), tags: [], met: null });
    const before = rows(ctx);
    expect(addContact(ctx, { fields: person('Dana R', { email: 'DANA@acme.com' }), tags: ['x'], met: null })).toEqual({
      ok: false,
      reason: 'email-taken',
      holder: { id: 1, name: 'Dana Reyes', company: null },
    });
    expect(rows(ctx)).toBe(before);
  });
});

describe('editing a contact', () => {
  it('changes fields and tags, and returns the contact after', () => {
    const ctx = freshContext();
    addContact(ctx, { fields: person('Dana Reyes', { company: 'Acme' }), tags: ['cold'], met: null });
    expect(editContact(ctx, 1, { fields: { company: null, phone: '+1 555' }, tags: ['warm'], untags: ['cold'] })).toMatchObject({
      ok: true,
      contact: { company: null, phone: '+1 555' },
    });
    expect(ctx.store.tagsOf(1)).toEqual(['warm']);
  });

  it('keeps its own email, and refuses another contact’s, writing nothing', () => {
    const ctx = freshContext();
    addContact(ctx, { fields: person('Dana', { email: 'dana@acme.com' }), tags: [], met: null });
    addContact(ctx, { fields: person('Sam', { email: 'sam@acme.com' }), tags: [], met: null });
    expect(editContact(ctx, 1, { fields: { email: 'dana@acme.com' }, tags: [], untags: [] }).ok).toBe(true);
    const before = rows(ctx);
    expect(editContact(ctx, 2, { fields: { email: 'dana@acme.com', name: 'Samuel' }, tags: [], untags: [] })).toMatchObject({
      ok: false,
      reason: 'email-taken',
      holder: { id: 1 },
    });
    expect(rows(ctx)).toBe(before);
  });
});

describe('finding a contact from what was typed', () => {
  const ctx = freshContext();
  for (const [name, company, email] of [
    ['Dana Reyes', 'Acme', 'dana@acme.com'],
    ['Dan Brown', 'Globex', null],
    ['Sam Okafor', 'Acme Europe', null],
  ] as const) {
    addContact(ctx, { fields: person(name, { company, email }), tags: [], met: null });
  }
  it.each([
    ['3', { kind: 'found', contact: { name: 'Sam Okafor' } }],
    ['#9', { kind: 'no-such-id', id: 9 }],
    ['DANA@acme.com', { kind: 'found', contact: { name: 'Dana Reyes' } }],
    ['acme', { kind: 'found', contact: { name: 'Dana Reyes' } }],
    ['okafor', { kind: 'found', contact: { name: 'Sam Okafor' } }],
    ['dan', { kind: 'ambiguous', more: false, matches: [{ name: 'Dana Reyes' }, { name: 'Dan Brown' }] }],
    ['Dana Reyse', { kind: 'none', near: [{ name: 'Dana Reyes' }] }],
  ])('%s', (query, expected) => {
    expect(lookupContact(ctx.store, query)).toMatchObject(expected);
  });
});
