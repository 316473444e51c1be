/** What every use case works with: the store (through its port), the moment it runs, the zone and the settings. */
import type { Config, Instant } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';
import type { StorePort } from './ports.js';

export interface AppContext {
  store: StorePort;
  now: Instant;
  zone: Zone;
  config: Config;
}
