/** Statements kept per connection by their SQL. */
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

const byConnection = new WeakMap<Db, Map<string, Statement>>();

/** `sql` prepared once per connection: a write that repeats statements row by row (an import, an undo, the stats) prepares each once. */
export function prepared(db: Db, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
