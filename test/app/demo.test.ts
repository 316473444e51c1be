import { describe, expect, it } from 'vitest';
import { addContact } from '../../src/app/contacts.js';
import { loadDemo } from '../../src/app/demo.js';
import { agendaOf } from '../../src/app/agenda.js';
import { stalePage } from '../../src/app/stale.js';
import { STALE_CATEGORIES } from '../../src/domain/stale.js';
import { freshContext, person, rows } from './context.js';

describe('the demo', () => {
  it('loads into an empty database, with something in every section of the agenda and every category of stale', () => {
    const ctx = freshContext();
    const loaded = loadDemo(ctx);
    expect(loaded).toEqual({ ok: true, contacts: 20 });
    expect(ctx.store.contactCount()).toBe(20);
    const agenda = agendaOf(ctx, '2026-11-23', 0);
    expect(Object.values(agenda.sections).every((s) => s.length > 0)).toBe(true);
    expect(new Set(stalePage(ctx, 0).rows.map((r) => r.category))).toEqual(new Set(STALE_CATEGORIES));
  });

  it('refuses a database that has contacts, writing nothing', () => {
    const ctx = freshContext();
    addContact(ctx, { fields: person('Dana'), tags: [], met: null });
    const before = rows(ctx);
    expect(loadDemo(ctx)).toEqual({ ok: false, reason: 'not-empty' });
    expect(rows(ctx)).toBe(before);
  });
});
