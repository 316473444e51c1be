/** What a command may use of the outside world. Commands never touch `process.*`. */
import type { DatabaseFiles, StorePort } from '../app/ports.js';
import type { Config, Instant } from '../domain/types.js';
import type { Prompter } from './prompter.js';
import type { Zone } from '../domain/zone.js';

export interface IO {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal: tables and relative times, else tab-separated ISO rows. */
  stdoutIsTTY: boolean;
  /** Terminal width for tables (80 when unknown). */
  columns: number;
  color: boolean;
  /** All of standard input, as text (fu check -). */
  stdin(): Promise<string>;
}

export interface Deps {
  /** Opened on first use, so --help and usage errors never touch the database. */
  store(): StorePort;
  /** The database file `store()` opens (--db, FU_DB, XDG...), as a whole: for backup and restore (loaded only by them). */
  files(): Promise<DatabaseFiles>;
  /** fu's folder in the user's config directory ($XDG_CONFIG_HOME/fu, else ~/.config/fu): user templates live there. */
  configDir(): string;
  config(): Config;
  io: IO;
  prompter: Prompter;
  now: Instant;
  /** The zone days are counted in: config `zone`, else the user's own. */
  zone: Zone;
  /** The user's own zone ($TZ, else the system's), whatever the config says. */
  ownZone: Zone;
}

/** An IO that collects output in memory: for tests and for composing commands. */
export function bufferIO(
  options: Partial<Pick<IO, 'stdoutIsTTY' | 'columns' | 'color'>> & { input?: string } = {},
): IO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    columns: options.columns ?? 80,
    color: options.color ?? false,
    stdin: async () => options.input ?? '',
  };
}
