/**
 * The --json shapes. Field names are documented in docs/commands.md and stable:
 * times are ISO-8601 with the local offset, dates YYYY-MM-DD.
 */
import { commitmentHandle, touchHandle } from '../domain/ids.js';
import { effectiveState } from '../domain/commitments.js';
import { isoWithOffset, localDateOf } from '../domain/time.js';
import type { Commitment, Config, Contact, Decision, Due, Instant, Touch } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';

const iso = (at: Instant | null, zone: Zone) => (at === null ? null : isoWithOffset(at, zone));

export function dueJson(due: Due, zone: Zone): { dueAt: string | null; dueDate: string } {
  return 'at' in due ? { dueAt: isoWithOffset(due.at, zone), dueDate: localDateOf(due.at, zone) } : { dueAt: null, dueDate: due.date };
}

export interface JsonContext {
  now: Instant;
  config: Config;
  zone: Zone;
}

export function commitmentJson(c: Commitment, ctx: JsonContext) {
  return {
    id: c.id,
    handle: commitmentHandle(c.id),
    contactId: c.contactId,
    kind: c.kind,
    what: c.what,
    ...dueJson(c.due, ctx.zone),
    soft: c.soft,
    state: effectiveState(c, ctx.now, localDateOf(ctx.now, ctx.zone), ctx.config, ctx.zone),
    late: c.late,
    createdAt: iso(c.createdAt, ctx.zone),
    closedAt: iso(c.closedAt, ctx.zone),
  };
}

export function touchJson(t: Touch, forcedRules: string[], zone: Zone) {
  return {
    id: t.id,
    handle: touchHandle(t.id),
    contactId: t.contactId,
    at: iso(t.at, zone),
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

export function decisionJson(d: Decision, zone: Zone) {
  return { id: d.id, at: iso(d.at, zone), kind: d.kind, lostReason: d.lostReason };
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
    createdAt: iso(c.createdAt, ctx.zone),
    lastTouchAt: iso(c.derived.lastTouchAt, ctx.zone),
    lastTwoWayAt: iso(c.derived.lastTwoWayAt, ctx.zone),
    unansweredAttempts: c.derived.unanswered,
    chaseDueOn: c.derived.chaseDueOn,
    nurtureDueOn: c.derived.nurtureDueOn,
    nextStep: nextStep && commitmentJson(nextStep, ctx),
  };
}
