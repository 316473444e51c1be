/**
 * The entry. run() turns one command line into an exit code, taking
 * everything from a host (the tests run it in-process); it is the one place
 * that turns errors into `fu: message` + hint on stderr. main() is the process
 * boundary: the only place that reads process.*.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { CommanderError } from 'commander';
import { Exit, FuError, oneLine, usageError } from '../errors.js';
import type { IO } from './io.js';
import { asDatabaseError, buildProgram, commandName, describe, isDatabaseFault, type Db, type Environment } from './program.js';
import { userZone } from './zone.js';
import { paint, safe } from './output.js';

/**
 * Whether a descriptor is a terminal. Pipes and files (the scripted case) are
 * told apart with one fstat, without loading node:tty or creating
 * process.stdout/stdin, which costs a few milliseconds of start-up; so is
 * /dev/null (output thrown away, input from nowhere: cron, CI), a character
 * device but no terminal, with one stat more.
 */
function isTerminal(fd: number): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(fd);
  } catch {
    return false; // closed
  }
  if (!stat.isCharacterDevice() || stat.rdev === fs.statSync('/dev/null', { throwIfNoEntry: false })?.rdev) return false;
  // Required here, on a character device only: piped output never asks for the module's own URL (bundle: ~0.3 ms).
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

/**
 * Output to a pipe or file is written straight to the descriptor. A reader that
 * stops early (fu list | head -1) closes the pipe: the rest is dropped quietly,
 * as any Unix tool does, instead of a stack trace; the command still finishes.
 * A non-blocking descriptor that is full (EAGAIN) hands over to process.stdout,
 * which waits for the reader. Any other failure (a full disk, /dev/full) is
 * exit 5, "could not write the output", not an internal error.
 *
 * Standard error is written the same way, on a terminal too: creating
 * process.stderr loads Node's streams, ~5 ms for one warning or note. Where
 * standard error itself fails, there is nowhere left to say so: it is dropped.
 */
function descriptorWriter(fd: 1 | 2): (text: string) => void {
  let reading = true;
  let stream: NodeJS.WriteStream | undefined;
  const failed = (err: NodeJS.ErrnoException) => {
    reading = false;
    if (fd === 1 && err.code !== 'EPIPE') throw outputFailed(err);
  };
  return (text) => {
    if (!reading) return;
    if (stream) {
      stream.write(text);
      return;
    }
    let buf = Buffer.from(text);
    while (buf.length > 0) {
      try {
        buf = buf.subarray(fs.writeSync(fd, buf));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') return failed(err as NodeJS.ErrnoException);
        stream = fd === 1 ? process.stdout : process.stderr;
        stream.on('error', (e: NodeJS.ErrnoException) => {
          reading = false;
          if (fd === 2 || e.code === 'EPIPE') return;
          // Written after the command returned: told here, as report() would.
          process.stderr.write(`fu: ${outputFailed(e).message}\n`);
          process.exitCode = Exit.database;
        });
        stream.write(buf);
        return;
      }
    }
  };
}

const outputFailed = (err: unknown) =>
  new FuError(Exit.database, `Could not write the output: ${describe(err)}.`, 'The command itself ran; only what it printed was lost.');

/** The process's own streams. `color` says only that stdout can show it; run() applies NO_COLOR, TERM=dumb and --no-color. */
function processIO(): IO {
  const terminal = isTerminal(1);
  return {
    out: terminal ? (t) => process.stdout.write(t) : descriptorWriter(1),
    err: descriptorWriter(2),
    stdoutIsTTY: terminal,
    columns: (terminal && process.stdout.columns) || 80,
    color: terminal,
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Commander's own parse errors become usage errors (exit 2) with our wording. */
function fromCommander(err: CommanderError, argv: string[]): FuError | null {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return null;
  // Commander puts its "(Did you mean ...?)" on a second line: it becomes the hint.
  const [head = '', ...rest] = err.message.replace(/^error: /, '').split('\n');
  const message = head.replace(/\.?$/, '.');
  const sub = commandName(argv);
  const first = message.charAt(0).toUpperCase() + message.slice(1);
  const help = err.code === 'commander.unknownCommand' ? 'See the commands with: fu --help' : `See: fu ${sub ? `${sub} ` : ''}--help`;
  const suggestion = rest
    .join(' ')
    .trim()
    .replace(/^\((.*)\)$/, '$1');
  return usageError(first, suggestion ? `${suggestion} ${help}` : help);
}

/**
 * What a thrown error means for the user: null for commander's help and
 * version (a success), a FuError (its exit code), or anything else (exit 1).
 * `database` is the connection opened, if any.
 */
function failureOf(caught: unknown, argv: string[], database: Db | undefined): unknown {
  if (caught instanceof CommanderError) return fromCommander(caught, argv);
  // An SQLite failure after the database was opened (a lock held past the busy timeout, a damaged
  // page read) is a database problem: exit 5, naming the file and the timeout it waited.
  if (database !== undefined && isDatabaseFault(caught))
    return asDatabaseError(caught, database.name, database.pragma('busy_timeout', { simple: true }) as number);
  return caught;
}

/**
 * Everything a command line may use of the outside world. main() gives the
 * process's own; tests give a buffer, a temporary database and a fixed clock
 * in `env`, and run many command lines in one process.
 */
export interface Host {
  io: IO;
  /** The environment (FU_DB, FU_NOW, TZ, HOME, XDG_*, NO_COLOR...): never process.env read behind the host's back. */
  env: Readonly<Record<string, string | undefined>>;
  /** Asked only when stdout is a terminal: prompts need both. */
  stdinIsTTY(): boolean;
  systemNow(): number;
  /**
   * `env` is this process's own environment, so the zone its TZ names is the one
   * Date's local-time methods use, and its offsets may be read through Date.
   * A host with any other environment (a test's TZ) must leave it unset.
   */
  isProcess?: boolean;
}

/** Runs one command line (`argv` as process.argv gives it) and returns its exit code. */
export async function run(argv: string[], host: Host): Promise<number> {
  const { env } = host;
  const io: IO = { ...host.io, color: host.io.color && !noColorAsked(env, argv) };
  const environment: Environment = {
    io,
    env,
    zone: userZone(env, host.isProcess === true),
    stdinIsTTY: host.stdinIsTTY,
    systemNow: host.systemNow,
  };
  let code: number = Exit.ok;
  let built: Awaited<ReturnType<typeof buildProgram>> | undefined;
  try {
    built = await buildProgram(environment, argv);
    await built.program.parseAsync(argv);
  } catch (caught) {
    const err = failureOf(caught, argv, built?.database());
    if (err !== null) code = report(io, err, env.FU_DEBUG === '1');
  } finally {
    built?.close();
  }
  return code;
}

const noColorAsked = (env: Host['env'], argv: string[]): boolean =>
  (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb' || argv.includes('--no-color');

/** The process's entry (bin/): `io` is the process's own unless given (the build's code-cache warm-up gives a silent one). */
export async function main(argv: string[], io: IO = processIO()): Promise<void> {
  process.exitCode = await run(argv, { io, env: process.env, stdinIsTTY: () => isTerminal(0), systemNow: Date.now, isProcess: true });
}

/** Writes `fu: message` and the hint (or the internal error) and returns the exit code it means. */
function report(io: IO, err: unknown, debug: boolean): number {
  const c = paint({ color: io.color });
  if (err instanceof FuError) {
    // Messages quote user text (a name, a date, a promise): escaped like all stored text.
    io.err(`${c.red('fu:')} ${safe(err.message)}\n`);
    if (err.hint) io.err(`${safe(err.hint)}\n`);
    if (debug && err.stack) io.err(`${err.stack}\n`);
    return err.exitCode;
  }
  io.err(`${c.red('fu:')} internal error: ${safe(oneLine((err as Error)?.message ?? String(err)))}\n`);
  io.err(debug ? `${(err as Error)?.stack ?? ''}\n` : 'Run again with FU_DEBUG=1 to see the details, and please report it.\n');
  return Exit.internal;
}
