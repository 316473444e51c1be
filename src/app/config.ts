/** Set a setting (`fu config KEY VALUE`). */
import { checkConfigValue, configFrom } from '../domain/config.js';
import { deriveState } from '../domain/derive.js';
import type { Config } from '../domain/types.js';
import { dayZone, type Zone } from '../domain/zone.js';
import type { AppContext } from './context.js';
import type { StorePort } from './ports.js';

export type ConfigSet = { ok: false; message: string } | { ok: true; value: string; before: Config; after: Config };

/**
 * The settings the due days depend on (see deriveState): a change recomputes every contact's.
 * Not the attempt limit: a chase stays due at or past it until the break-up is sent.
 */
const DUE_DAYS_FROM: readonly (keyof Config)[] = ['attemptsGapDays', 'nurtureEveryDays', 'nurtureNotFitDays', 'workdays', 'zone'];

/**
 * Checks and stores one value, in one transaction with the due days it changes.
 * `ownZone` is the user's own zone ($TZ), the one days are counted in when no zone is configured.
 */
export function setConfig(ctx: Pick<AppContext, 'store' | 'now'> & { ownZone: Zone }, key: string, value: string): ConfigSet {
  const { store } = ctx;
  return store.transaction({ kind: 'config', at: ctx.now }, (): ConfigSet => {
    const before = configFrom(store.configValues());
    const checked = checkConfigValue(key, value, before);
    if (!checked.ok) return checked;
    store.setConfigValue(key, checked.value);
    const after = configFrom(store.configValues());
    if (DUE_DAYS_FROM.some((k) => before[k] !== after[k])) recomputeDueDays(store, after, dayZone(after.zone, ctx.ownZone));
    return { ok: true, value: checked.value, before, after };
  });
}

/**
 * Every contact's due days derived again, in the caller's transaction: the history read in
 * one pass, and only the rows whose due days change written (the rest of the derived state
 * does not depend on the settings).
 */
function recomputeDueDays(store: StorePort, config: Config, zone: Zone): void {
  const changed: { id: number; chaseDueOn: string | null; nurtureDueOn: string | null }[] = [];
  for (const c of store.contactHistories()) {
    const d = deriveState(c.status, c.touches, c.nextStep, config, zone, c.lastDecision);
    if (d.chaseDueOn !== c.chaseDueOn || d.nurtureDueOn !== c.nurtureDueOn) changed.push({ id: c.id, chaseDueOn: d.chaseDueOn, nurtureDueOn: d.nurtureDueOn });
  }
  for (const c of changed) store.saveDueDays(c.id, c.chaseDueOn, c.nurtureDueOn);
}
