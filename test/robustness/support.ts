/**
 * Shared by the robustness tests: checks of a database file from the outside
 * (integrity, derived state, journal files), scratch folders, another user.
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { configFrom } from '../../src/domain/config.js';
import { deriveState } from '../../src/domain/derive.js';
import { zoneOf } from '../../src/domain/zone.js';
import { Store } from '../../src/store/store.js';
import { BIN, fuEnv, ROOT, tablesJson, tempDir } from '../helpers.js';

export { BIN, fuEnv, ROOT };

/** Opens a database file read-only from the outside, for checks. */
export function openRaw(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function integrity(file: string): string {
  const db = openRaw(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Every row of fu's own tables, the journal aside: what fu undo must put back exactly. */
export function content(file: string): string {
  const db = openRaw(file);
  try {
    return tablesJson(db, /^(journal|sqlite_)/);
  } finally {
    db.close();
  }
}

export function count(file: string, table: string): number {
  const db = openRaw(file);
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Contacts whose stored derived columns differ from what the history gives
 * (deriveState recomputed from the touches, the open next step and the stored
 * configuration; the first touch, and how the last two-way touch went): empty
 * when the per-contact state is consistent.
 */
export function derivedMismatches(file: string, tz = 'UTC'): { id: number; stored: unknown; recomputed: unknown }[] {
  const db = openRaw(file);
  try {
    return derivedMismatchesIn(db, tz);
  } finally {
    db.close();
  }
}

/** derivedMismatches on a connection the caller keeps open (a check run after every step of a long sequence). */
export function derivedMismatchesIn(db: Database.Database, tz = 'UTC'): { id: number; stored: unknown; recomputed: unknown }[] {
  const store = new Store(db);
  return store.read(() => {
    const config = configFrom(store.configValues());
    const kept = store.db.prepare(
      'SELECT first_touch_at, last_two_way_outcome, step_due_at, step_due_date, step_soft, promise_due_at, promise_due_date FROM contacts WHERE id = ?',
    );
    const out: { id: number; stored: unknown; recomputed: unknown }[] = [];
    for (const { id } of store.contactNames()) {
      const c = store.contact(id)!;
      const open = store.openCommitmentsOf(id);
      const nextStep = open.find((x) => x.kind === 'next-step') ?? null;
      const touches = store.touchesOf(id);
      const derived = deriveState(c.status, touches, nextStep, config, zoneOf(tz), store.lastDecisionOf(id) ?? null);
      // How the last two-way touch went: a call that connected outweighs a reply at the same time.
      const twoWay = touches.filter((t) => t.at === derived.lastTwoWayAt && (t.outcome === 'connected' || t.outcome === 'replied')).map((t) => t.outcome);
      const recomputed = {
        ...derived,
        nextStepId: nextStep?.id ?? null,
        firstTouchAt: touches.map((t) => t.at).sort()[0] ?? null,
        lastTwoWayOutcome: twoWay.includes('connected') ? 'connected' : (twoWay[0] ?? null),
        // What makes it missed or soft: its open next step's due, and the earliest of its open promises.
        stepDueAt: nextStep && 'at' in nextStep.due ? nextStep.due.at : null,
        stepDueDate: nextStep && 'date' in nextStep.due ? nextStep.due.date : null,
        stepSoft: nextStep?.soft ? 1 : 0,
        promiseDueAt: earliest(open.filter((m) => m.kind === 'promise').map((m) => ('at' in m.due ? m.due.at : null))),
        promiseDueDate: earliest(open.filter((m) => m.kind === 'promise').map((m) => ('date' in m.due ? m.due.date : null))),
      };
      const row = kept.get(id) as Record<string, unknown>;
      const stored = {
        ...c.derived,
        nextStepId: c.nextStepId,
        firstTouchAt: row.first_touch_at,
        lastTwoWayOutcome: row.last_two_way_outcome,
        stepDueAt: row.step_due_at,
        stepDueDate: row.step_due_date,
        stepSoft: row.step_soft,
        promiseDueAt: row.promise_due_at,
        promiseDueDate: row.promise_due_date,
      };
      if (JSON.stringify(sortKeys(stored)) !== JSON.stringify(sortKeys(recomputed))) out.push({ id, stored, recomputed });
    }
    return out;
  });
}

/** The earliest of these dues (ISO instants or dates, which sort as text), or null. */
const earliest = (dues: (string | null)[]) => dues.filter((d) => d !== null).sort()[0] ?? null;

const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** The files in a folder, sorted (to prove nothing else appeared: no -wal, -shm or temporary file left behind). */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/** Every file under a folder, recursively, relative to it. */
export function treeOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

/** A private temporary folder for one test, removed after the test file. */
export const scratch = (prefix = 'fu-robust-'): string => tempDir(prefix);

/**
 * Another user to run `fu` as, when the tests run as root (where file
 * permissions do not stop writes): nobody, if this system lets us switch.
 * Undefined when not root (permissions bite already) or when switching fails.
 */
export async function otherUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const nobody = { uid: 65534, gid: 65534 };
  // nobody must also be able to read fu itself: a checkout in a private folder (mktemp -d) is not readable.
  const probe = 'require("fs").accessSync(process.argv[1], require("fs").constants.R_OK); process.exit(process.getuid() === 65534 ? 0 : 1)';
  const ok = await new Promise<boolean>((resolve) => execFile(process.execPath, ['-e', probe, BIN], nobody, (err) => resolve(err === null)));
  return ok ? nobody : undefined;
}

export const isRoot = () => process.getuid?.() === 0;

/** Control characters that must never reach a terminal from stored text (tabs and newlines are fu's own layout). */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True while another connection holds the write lock (a write transaction is open). */
export function writeLocked(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    probe.close();
  }
}
