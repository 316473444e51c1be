import { describe, expect, it } from 'vitest';
import { agendaWhy, shellQuote, staleCommand, staleWhy, violationText } from '../../src/cli/messages.js';
import type { AgendaRow } from '../../src/domain/agenda.js';
import type { RuleViolation } from '../../src/domain/rules.js';
import type { StaleAction, StaleRow } from '../../src/domain/stale.js';
import { DEFAULT_CONFIG } from '../../src/domain/types.js';
import { zoneOf } from '../../src/domain/zone.js';

// Mon 23 Nov 2026, 10:00 UTC.
const wording = { now: '2026-11-23T10:00:00.000Z', zone: zoneOf('UTC'), config: DEFAULT_CONFIG };
const text = (v: RuleViolation) => violationText(v, wording);

describe('the words of the rules: each refusal says why and which flag fixes it', () => {
  it.each<[RuleViolation, string, string | undefined]>([
    [
      { rule: 'R1', reason: 'no-next-step', data: { metAt: null } },
      'A conversation must end with a firm next step: ask for a dated appointment with a time (--next WHAT --at WHEN). Not ready? Ask for a smaller concrete step, such as a 15-minute call.',
      'Or close it out with a disposition: --won, --lost REASON, --nurture or --not-fit.',
    ],
    [
      { rule: 'R1', reason: 'no-next-step', data: { metAt: 'SaaStr Europe' } },
      'A contact met at SaaStr Europe needs a next step booked before you leave: ask for a meeting with a date and a time (--next WHAT --at WHEN). Not ready? Ask for a smaller concrete step, such as a 15-minute call.',
      'Or close it out with a disposition: --won, --lost REASON, --nurture or --not-fit.',
    ],
    [
      { rule: 'R2', reason: 'step-in-past', data: { due: { date: '2026-11-20' } } },
      'Fri 20 Nov is in the past: a next step must be ahead.',
      'Agree a date and a time that are still ahead with them.',
    ],
    [
      { rule: 'R2', reason: 'step-in-past', data: { due: { at: '2026-11-23T09:00:00.000Z' } } },
      'Mon 23 Nov 09:00 is in the past: a next step must be ahead.',
      'Agree a date and a time that are still ahead with them.',
    ],
    [
      { rule: 'R2', reason: 'step-in-past', data: { due: { date: '2025-11-20' } } },
      'Thu 20 Nov 2025 is in the past: a next step must be ahead.',
      'Agree a date and a time that are still ahead with them.',
    ],
    [
      { rule: 'R2', reason: 'step-without-time', data: { date: '2026-11-24', partOfDay: null } },
      '"Tue 24 Nov" has no time of day: agree a time with them (10am or 3pm?), or add --soft to keep it as a soft date.',
      undefined,
    ],
    [
      { rule: 'R2', reason: 'step-without-time', data: { date: '2026-11-24', partOfDay: 'morning' } },
      '"Tue 24 Nov" has no time of day: agree a time with them (10 or 11am?), or add --soft to keep it as a soft date.',
      undefined,
    ],
    [
      { rule: 'R2', reason: 'step-without-time', data: { date: '2026-11-24', partOfDay: 'afternoon' } },
      '"Tue 24 Nov" has no time of day: agree a time with them (3 or 4pm?), or add --soft to keep it as a soft date.',
      undefined,
    ],
    [
      { rule: 'R2', reason: 'step-without-time', data: { date: '2026-11-24', partOfDay: 'evening' } },
      '"Tue 24 Nov" has no time of day: agree a time with them (6 or 7pm?), or add --soft to keep it as a soft date.',
      undefined,
    ],
    [
      { rule: 'R2', reason: 'promise-in-past', data: { what: 'send the answers', due: { date: '2026-11-22' } } },
      'The promise "send the answers" would be due Sun 22 Nov 17:00, which is in the past: promise a time that is still ahead.',
      undefined,
    ],
    [
      { rule: 'R7', reason: 'proposal-without-review', data: {} },
      'Before sending a proposal, book the time to review it together: --next "review the proposal together" --at "thu 10am".',
      undefined,
    ],
    [
      { rule: 'R4', reason: 'attempt-limit', data: { count: 3, limit: 3 } },
      'Already 3 unanswered attempts without a reply (the limit is 3): the break-up was sent, so stop chasing.',
      'Send something useful instead with --value "...", or add --force to chase anyway.',
    ],
    [
      { rule: 'R4', reason: 'nurture', data: {} },
      'This contact is in nurture: it gets something useful every few weeks, not a chase.',
      'Send something useful instead with --value "...", or add --force to chase anyway.',
    ],
    [
      { rule: 'R5', reason: 'too-soon', data: { last: '2026-11-23', gapDays: 3, due: '2026-11-26' } },
      'The last attempt was Mon 23 Nov; space attempts 3 working days apart: the next one is due Thu 26 Nov.',
      'Add --force to record it anyway.',
    ],
    [
      { rule: 'R5', reason: 'away', data: { until: '2026-11-27' } },
      'They are away until Fri 27 Nov: the next attempt is due then.',
      'Add --force to record it anyway.',
    ],
  ])('words %j', (violation, message, hint) => {
    expect(text(violation)).toEqual(hint === undefined ? { message } : { message, hint });
  });
});

describe('the command fu stale suggests for each action, ready to paste', () => {
  it.each<[StaleAction, string]>([
    [{ kind: 'keep-promise', commitmentId: 61 }, 'fu done c61'],
    // The bare id: a "#" would start a shell comment.
    [{ kind: 'book-step', contactId: 12, what: 'demo to the team', day: null }, 'fu next 12 "demo to the team" --at WHEN'],
    [{ kind: 'book-step', contactId: 1, what: 'demo to the team', day: '2026-11-27' }, 'fu next 1 "demo to the team" --at "2026-11-27 HH:MM"'],
    [{ kind: 'book-step', contactId: 1, what: null, day: null }, 'fu next 1 WHAT --at WHEN'],
    [{ kind: 're-engage', contactId: 1, channel: 'linkedin' }, 'fu log 1 --via linkedin --outcome sent'],
    [{ kind: 'first-touch', contactId: 1 }, 'fu log 1 --via email --outcome sent'],
    [{ kind: 'drop', contactId: 1 }, 'fu close 1 --lost "no response"'],
  ])('%j: %s', (action, command) => {
    expect(staleCommand(action)).toBe(command);
  });

  it('adds the way to write the message to a re-engage row, and only to it', () => {
    const row = { why: 'talked Sat 24 Oct, then 2 unanswered attempts; silent 15 days' } as StaleRow;
    expect(staleWhy({ ...row, action: { kind: 're-engage', contactId: 1, channel: 'email' } })).toBe(
      'talked Sat 24 Oct, then 2 unanswered attempts; silent 15 days; write it with fu draft 1',
    );
    expect(staleWhy({ ...row, action: { kind: 'drop', contactId: 1 } })).toBe(row.why);
  });

  it.each([
    ['demo', 'demo'],
    ['demo to the team', '"demo to the team"'],
    ["Dana's $5k deal", `'Dana'\\''s $5k deal'`],
    ['say "hi"', `'say "hi"'`],
  ])('quotes %s for the shell as %s', (text, quoted) => {
    expect(shellQuote(text)).toBe(quoted);
  });
});

describe("fu today's chase rows", () => {
  it('lead with the draft command on the break-up only', () => {
    const chase = { contactId: 1, why: 'attempt 3 of 3; last: email Fri 20 Nov', attempt: { number: 3, limit: 3, breakUp: true } } as AgendaRow;
    expect(agendaWhy(chase)).toBe('fu draft 1 --breakup; attempt 3 of 3; last: email Fri 20 Nov');
    expect(agendaWhy({ ...chase, attempt: { number: 2, limit: 3, breakUp: false }, why: 'attempt 2 of 3' })).toBe('attempt 2 of 3');
  });
});
