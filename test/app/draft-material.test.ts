import { describe, expect, it } from 'vitest';
import { addContact } from '../../src/app/contacts.js';
import { logTouch } from '../../src/app/log-touch.js';
import { draftMaterial } from '../../src/app/reads.js';
import { plainTouch } from '../../src/domain/rules.js';
import { freshContext, NOW, person, timed } from './context.js';

describe("fu draft's material", () => {
  const ctx = freshContext();
  const add = (name: string) => {
    const added = addContact(ctx, { fields: person(name), tags: [], met: null });
    if (!added.ok) throw new Error('not added');
    return added.contact.id;
  };
  const dana = add('Dana Reyes');
  const ben = add('Ben Haddad');
  logTouch(ctx, ben, plainTouch(NOW, 'connected', { next: { what: 'demo', when: timed('2026-11-24', '15:00') } }));

  it("holds the user's appointments when the draft offers free slots, asked with the contact and its commitments", () => {
    const asked: unknown[] = [];
    const material = draftMaterial(ctx, dana, (contact, commitments) => {
      asked.push([contact.id, commitments]);
      return true;
    });
    expect(asked).toEqual([[dana, []]]);
    expect(material.appointments).toEqual(['2026-11-24T15:00:00.000Z']);
  });

  it('reads none when the draft offers none', () => {
    const material = draftMaterial(ctx, dana, () => false);
    expect(material.contact.name).toBe('Dana Reyes');
    expect(material.appointments).toEqual([]);
  });
});
