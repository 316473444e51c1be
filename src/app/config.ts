/** Set a setting (`fu config KEY VALUE`). */
import { checkConfigValue, configFrom } from '../domain/config.js';
import type { Config } from '../domain/types.js';
import { refreshDerived } from './history.js';
import type { AppContext } from './context.js';

export type ConfigSet = { ok: false; message: string } | { ok: true; value: string; before: Config; after: Config };

/** The settings the derived state depends on (see deriveState): a change recomputes every contact's due days. */
const DERIVED_FROM: readonly (keyof Config)[] = ['attemptsLimit', 'attemptsGapDays', 'nurtureEveryDays', 'nurtureNotFitDays'];

/** Checks and stores one value, in one transaction with the due days it changes. */
export function setConfig(ctx: Pick<AppContext, 'store' | 'zone' | 'now'>, key: string, value: string): ConfigSet {
  const { store } = ctx;
  return store.transaction({ kind: 'config', at: ctx.now }, (): ConfigSet => {
    const before = configFrom(store.configValues());
    const checked = checkConfigValue(key, value, before);
    if (!checked.ok) return checked;
    store.setConfigValue(key, checked.value);
    const after = configFrom(store.configValues());
    if (DERIVED_FROM.some((k) => before[k] !== after[k])) {
      for (const { id } of store.contactNames()) refreshDerived(store, id, after, ctx.zone);
    }
    return { ok: true, value: checked.value, before, after };
  });
}
