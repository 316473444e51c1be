/** A use case's context on a fresh temporary database (the real migrations), at a fixed time. */
import path from 'node:path';
import type { AppContext } from '../../src/app/context.js';
import { configFrom } from '../../src/domain/config.js';
import { instantAt } from '../../src/domain/time.js';
import type { ContactFields } from '../../src/domain/types.js';
import type { When } from '../../src/domain/when.js';
import { zoneOf } from '../../src/domain/zone.js';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

/** Mon 23 Nov 2026, 09:00 UTC. */
export const NOW = '2026-11-23T09:00:00.000Z';

export type TestContext = AppContext & { store: Store };

export function freshContext(now = NOW): TestContext {
  const store = new Store(openDatabase(path.join(tempDir(), 'fu.db')));
  return { store, now, zone: zoneOf('UTC'), config: configFrom(store.configValues()) };
}

/** The same database, later (the configuration read again). */
export const at = (ctx: TestContext, now: string): TestContext => ({ ...ctx, now, config: configFrom(ctx.store.configValues()) });

export const person = (name: string, extra: Partial<ContactFields> = {}): ContactFields => ({
  name,
  company: null,
  email: null,
  phone: null,
  source: null,
  note: null,
  ...extra,
});

/** A time on a day, UTC. */
export const timed = (date: string, time: string): When => ({ hasTime: true, at: instantAt(date, time, zoneOf('UTC')), date });
export const dateOnly = (date: string): When => ({ hasTime: false, date });

/** Every row of every table, to prove a refused use case wrote nothing. */
export function rows(ctx: TestContext): string {
  const db = ctx.store.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(Object.fromEntries(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all()])));
}
