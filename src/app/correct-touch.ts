/**
 * Correct the history (`fu touch edit`, `fu touch rm`): a touch's time,
 * channel, outcome or note changed, or the touch removed; the contact's
 * derived state is derived again from the corrected history. The past
 * happened: a correction is not judged by the rules, its result is shown.
 */
import { directionOf } from '../domain/derive.js';
import type { Channel, Contact, Instant, Outcome, Touch } from '../domain/types.js';
import { refreshDerived } from './history.js';
import type { AppContext } from './context.js';
import type { StorePort } from './ports.js';

export interface TouchChanges {
  at?: Instant;
  channel?: Channel;
  outcome?: Outcome;
  note?: string | null;
}

export type Corrected =
  | { ok: false; reason: 'not-found' }
  | {
      ok: true;
      /** The touch as it was. */
      before: Touch;
      /** The touch as it is now, or null when removed. */
      after: Touch | null;
      /** The rules --force overrode on this touch when it was logged. */
      forcedRules: string[];
      /** The contact, with its state derived from the corrected history. */
      contact: Contact;
    };

function correct(ctx: AppContext, kind: 'touch-edit' | 'touch-rm', id: number, apply: (store: StorePort, touch: Touch) => void): Corrected {
  const { store, now } = ctx;
  return store.transaction({ kind, at: now }, (): Corrected => {
    const before = store.touch(id);
    if (!before) return { ok: false, reason: 'not-found' };
    const forcedRules = store.forcedRulesOf(before.contactId).get(id)?.split(',') ?? [];
    apply(store, before);
    refreshDerived(store, before.contactId, ctx.config, ctx.zone);
    return { ok: true, before, after: store.touch(id) ?? null, forcedRules, contact: store.contact(before.contactId)! };
  });
}

export function editTouch(ctx: AppContext, id: number, changes: TouchChanges): Corrected {
  return correct(ctx, 'touch-edit', id, (store) =>
    store.updateTouch(id, { ...changes, ...(changes.outcome === undefined ? {} : { direction: directionOf(changes.outcome) }) }),
  );
}

export function removeTouch(ctx: AppContext, id: number): Corrected {
  return correct(ctx, 'touch-rm', id, (store) => store.deleteTouch(id));
}
