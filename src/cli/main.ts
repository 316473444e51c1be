/**
 * The process boundary: the only place that reads process.*, turns errors into
 * `fu: message` + hint on stderr and an exit code.
 */
import { CommanderError } from 'commander';
import { Exit, FuError, usageError } from '../errors.js';
import type { IO } from './io.js';
import { buildProgram, type Environment } from './program.js';
import { paint } from './output.js';

function processIO(env: NodeJS.ProcessEnv, argv: string[]): IO {
  const noColor = (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb' || argv.includes('--no-color');
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns || 80,
    color: Boolean(process.stdout.isTTY) && !noColor,
  };
}

/** Commander's own parse errors become usage errors (exit 2) with our wording. */
function fromCommander(err: CommanderError, argv: string[]): FuError | null {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return null;
  const message = err.message.replace(/^error: /, '').replace(/\.?$/, '.');
  const sub = argv.slice(2).find((a) => !a.startsWith('-'));
  const first = message.charAt(0).toUpperCase() + message.slice(1);
  return usageError(first, err.code === 'commander.unknownCommand' ? 'See the commands with: fu --help' : `See: fu ${sub && err.code !== 'commander.unknownCommand' ? `${sub} ` : ''}--help`);
}

export async function main(argv: string[]): Promise<void> {
  const env = process.env;
  const io = processIO(env, argv);
  const environment: Environment = {
    io,
    env,
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    stdinIsTTY: Boolean(process.stdin.isTTY),
    systemNow: Date.now,
  };
  const { program, close } = buildProgram(environment);
  try {
    await program.parseAsync(argv);
  } catch (caught) {
    let err = caught;
    if (err instanceof CommanderError) {
      const converted = fromCommander(err, argv);
      if (!converted) return;
      err = converted;
    }
    report(io, err, env.FU_DEBUG === '1');
  } finally {
    close();
  }
}

function report(io: IO, err: unknown, debug: boolean): void {
  const c = paint({ color: io.color });
  if (err instanceof FuError) {
    io.err(`${c.red('fu:')} ${err.message}\n`);
    if (err.hint) io.err(`${err.hint}\n`);
    if (debug && err.stack) io.err(`${err.stack}\n`);
    process.exitCode = err.exitCode;
    return;
  }
  io.err(`${c.red('fu:')} internal error: ${(err as Error)?.message ?? String(err)}\n`);
  io.err(debug ? `${(err as Error)?.stack ?? ''}\n` : 'Run again with FU_DEBUG=1 to see the details, and please report it.\n');
  process.exitCode = Exit.internal;
}
