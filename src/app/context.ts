/** What every use case works with: the store, the moment it runs, the zone and the settings. */
import type { Config, Instant } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';
import type { Store } from '../store/store.js';

export interface AppContext {
  store: Store;
  now: Instant;
  zone: Zone;
  config: Config;
}
