/** Plain domain data for the pure tests, built one way for every test file. */
import { isOutboundChase } from '../../src/domain/derive.js';
import { rankStale, type StaleContact, type StaleContext, type StaleRow, staleRowsOf } from '../../src/domain/stale.js';
import type { Channel, DerivedState, Instant, NewTouch, Outcome, Touch } from '../../src/domain/types.js';

/** The derived state of a contact with no history. */
export const noHistory: DerivedState = {
  lastTouchAt: null,
  lastTwoWayAt: null,
  unanswered: 0,
  lastAttemptAt: null,
  sameChannelRun: 0,
  lastAttemptChannel: null,
  chaseDueOn: null,
  nurtureDueOn: null,
  valueUnanswered: 0,
};

let touchIds = 1000;
/** A touch of contact 1 at an instant, with everything else plain unless overridden (an outbound one counts as an attempt). */
export function makeTouch(at: Instant, outcome: Outcome, channel: Channel = 'call', extra: Partial<Touch> = {}): Touch {
  return {
    id: ++touchIds,
    contactId: 1,
    at,
    channel,
    outcome,
    note: null,
    value: null,
    until: null,
    proposal: false,
    forced: false,
    disposition: null,
    lostReason: null,
    attempt: isOutboundChase({ outcome, value: extra.value ?? null }),
    ...extra,
  };
}

/** An outbound attempt that got no answer, as a write hands it to the store (a call unanswered, or an email sent). */
export function unansweredAttempt(contactId: number, at: Instant, channel: 'call' | 'email' = 'call'): NewTouch {
  const { id: _id, ...touch } = makeTouch(at, channel === 'call' ? 'no-answer' : 'sent', channel, { contactId });
  return { ...touch, direction: 'outbound' };
}

/**
 * The plain rule behind the store's contacts.silent_since and two_way_since (migration 015), from the instants they
 * come from: silent since the last touch, else since added; without a two-way touch since the last one, else since
 * first known (added, or first touched if that was earlier). Whole seconds, rounded down.
 */
export function staleSince(
  derived: Pick<DerivedState, 'lastTouchAt' | 'lastTwoWayAt'>,
  createdAt: Instant,
  firstTouchAt: Instant | null,
): Pick<StaleContact, 'silentSince' | 'twoWaySince'> {
  const seconds = (at: Instant) => Math.floor(Date.parse(at) / 1000);
  const known = firstTouchAt !== null && firstTouchAt < createdAt ? firstTouchAt : createdAt;
  return { silentSince: seconds(derived.lastTouchAt ?? createdAt), twoWaySince: seconds(derived.lastTwoWayAt ?? known) };
}

/** Every stale row of these contacts, in fu stale's order: the whole list, as the domain ranks and words it. */
export const staleList = (contacts: readonly StaleContact[], ctx: StaleContext): StaleRow[] => staleRowsOf(rankStale(contacts, ctx).shown, ctx);

/** One contact's stale row, or null (won, lost, or nothing to do). */
export const categorize = (c: StaleContact, ctx: StaleContext): StaleRow | null => staleList([c], ctx)[0] ?? null;
