/** Runs the built `fu` in a real pseudo-terminal, to test what only happens on a terminal. */
import pty from '@lydell/node-pty';
import { BIN } from './helpers.js';

export interface PtyResult {
  code: number;
  output: string;
}

/** Strips nothing: tests look at the raw bytes a terminal would receive. */
export function runInPty(
  args: string[],
  options: { env: Record<string, string>; columns?: number; steps?: [RegExp | string, string][]; timeoutMs?: number },
): Promise<PtyResult> {
  const term = pty.spawn(process.execPath, [BIN, ...args], {
    cols: options.columns ?? 80,
    rows: 40,
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...options.env },
  });
  let output = '';
  const steps = [...(options.steps ?? [])];
  let seen = 0; // answer each step once, after its prompt appeared past what was already answered
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      term.kill();
      reject(new Error(`fu ${args.join(' ')} timed out in the terminal; output so far:\n${output}`));
    }, options.timeoutMs ?? 15_000);
    term.onData((data) => {
      output += data;
      const step = steps[0];
      if (!step) return;
      const rest = output.slice(seen);
      const index = typeof step[0] === 'string' ? rest.indexOf(step[0]) : rest.search(step[0]);
      if (index < 0) return;
      seen += index + 1;
      steps.shift();
      // A short pause lets the prompt finish drawing before the keys arrive.
      setTimeout(() => term.write(step[1]), 60);
    });
    term.onExit(({ exitCode }) => {
      clearTimeout(timer);
      resolve({ code: exitCode, output });
    });
  });
}

export const KEY = { enter: '\r', down: '\u001b[B', ctrlC: '\u0003', clearLine: '\u0015' };
