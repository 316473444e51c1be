/**
 * The --json shapes. Field names are documented in the README and stable:
 * times are ISO-8601 with the local offset, dates YYYY-MM-DD.
 */
import { effectiveState } from '../domain/commitments.js';
import { isoWithOffset, localDateOf } from '../domain/time.js';
import type { Commitment, Config, Contact, Due, Instant, Touch } from '../domain/types.js';

const iso = (at: Instant | null, tz: string) => (at === null ? null : isoWithOffset(at, tz));

export function dueJson(due: Due, tz: string): { dueAt: string | null; dueDate: string } {
  return 'at' in due ? { dueAt: isoWithOffset(due.at, tz), dueDate: localDateOf(due.at, tz) } : { dueAt: null, dueDate: due.date };
}

export interface JsonContext {
  now: Instant;
  config: Config;
  tz: string;
}

export function commitmentJson(c: Commitment, ctx: JsonContext) {
  return {
    id: c.id,
    contactId: c.contactId,
    kind: c.kind,
    what: c.what,
    ...dueJson(c.due, ctx.tz),
    soft: c.soft,
    state: effectiveState(c, ctx.now, localDateOf(ctx.now, ctx.tz), ctx.config, ctx.tz),
    late: c.late,
    createdAt: iso(c.createdAt, ctx.tz),
    closedAt: iso(c.closedAt, ctx.tz),
  };
}

export function touchJson(t: Touch, forcedRules: string[], tz: string) {
  return {
    id: t.id,
    contactId: t.contactId,
    at: iso(t.at, tz),
    channel: t.channel,
    outcome: t.outcome,
    note: t.note,
    value: t.value,
    until: t.until,
    proposal: t.proposal,
    forced: forcedRules,
    disposition: t.disposition,
    lostReason: t.lostReason,
  };
}

export function contactJson(c: Contact, tags: string[], nextStep: Commitment | null, ctx: JsonContext) {
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    email: c.email,
    phone: c.phone,
    source: c.source,
    note: c.note,
    tags,
    status: c.status,
    createdAt: iso(c.createdAt, ctx.tz),
    lastTouchAt: iso(c.derived.lastTouchAt, ctx.tz),
    lastTwoWayAt: iso(c.derived.lastTwoWayAt, ctx.tz),
    unansweredAttempts: c.derived.unanswered,
    chaseDueOn: c.derived.chaseDueOn,
    nurtureDueOn: c.derived.nurtureDueOn,
    nextStep: nextStep && commitmentJson(nextStep, ctx),
  };
}
