/** What every command module needs from the program, in a module of its own so that program.ts and commands/* do not import each other. */
import { InvalidArgumentError, type Command } from 'commander';
import type { Deps } from './io.js';

export interface App {
  /** Builds what a command's run function needs, from the parsed command line. */
  deps(cmd: Command): Deps;
}

/** Each command's --help ends with examples; the README's usage section shows the same. */
export function withExamples(cmd: Command, examples: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/** Parses a whole-number option; commander reports anything else as a usage error naming the flag. */
export function wholeNumber(min: number, max = Infinity): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`It must be a whole number from ${min}${max === Infinity ? '' : ` to ${max}`}.`);
    }
    return Number(value);
  };
}
