import { describe, expect, it } from 'vitest';
import { planMerge } from '../../src/domain/merge.js';
import type { Commitment, Contact } from '../../src/domain/types.js';

const contact = (id: number, fields: Partial<Contact>): Contact => ({
  id,
  name: 'Priya Shah',
  company: null,
  email: null,
  phone: null,
  source: null,
  note: null,
  status: 'active',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  derived: {
    lastTouchAt: null,
    lastTwoWayAt: null,
    unanswered: 0,
    lastAttemptAt: null,
    lastAttemptChannel: null,
    sameChannelRun: 0,
    chaseDueOn: null,
    nurtureDueOn: null,
    valueUnanswered: 0,
  },
  nextStepId: null,
  ...fields,
});
const step = (id: number, createdAt: string): Commitment => ({
  id,
  contactId: 1,
  kind: 'next-step',
  what: `step ${id}`,
  due: { date: '2026-12-01' },
  soft: false,
  state: 'open',
  createdAt,
  closedAt: null,
  late: false,
});

describe('planMerge', () => {
  it('fills the kept contact’s empty fields, keeps its own values where both differ, and adds only the new tags', () => {
    const plan = planMerge(
      { contact: contact(1, { company: 'Northwind', phone: '' }), tags: ['saas'], nextStep: null },
      {
        contact: contact(2, { company: 'Northwind Health', email: 'p@n.example', phone: '555', note: 'met at the fair' }),
        tags: ['saas', 'vip'],
        nextStep: null,
      },
    );
    expect(plan).toEqual({
      fill: { email: 'p@n.example', phone: '555', note: 'met at the fair' },
      conflicts: [{ field: 'company', kept: 'Northwind', dropped: 'Northwind Health' }],
      tags: ['vip'],
      steps: null,
    });
  });

  it.each([
    ['the duplicate’s', '2026-11-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z', 8],
    ['the kept contact’s', '2026-11-03T09:00:00.000Z', '2026-11-02T09:00:00.000Z', 7],
  ])('keeps the later-created next step open when both have one (%s here)', (_who, keptAt, dupAt, keptId) => {
    const plan = planMerge({ contact: contact(1, {}), tags: [], nextStep: step(7, keptAt) }, { contact: contact(2, {}), tags: [], nextStep: step(8, dupAt) });
    expect(plan.steps!.kept.id).toBe(keptId);
    expect(plan.steps!.replaced.id).toBe(keptId === 7 ? 8 : 7);
  });
});
