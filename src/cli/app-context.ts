/** The use cases' context, from a command's deps. */
import type { AppContext } from '../app/context.js';
import type { Deps } from './io.js';

export const appContext = (deps: Deps): AppContext => ({ store: deps.store(), now: deps.now, zone: deps.zone, config: deps.config() });
