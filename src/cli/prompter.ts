/**
 * Interactive questions. @inquirer/prompts is loaded only when a question is
 * actually asked, so non-interactive runs never pay for it.
 */
import { Exit, FuError } from '../errors.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  /** Prompts are allowed: stdin and stdout are terminals and --no-input was not given. */
  enabled: boolean;
  /** `prefill`: a previous answer, put on the line to be edited rather than typed again. */
  input(
    message: string,
    options?: { default?: string; prefill?: string; validate?: (value: string) => Promise<string | true> | string | true },
  ): Promise<string>;
  select<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
}

/** Ctrl-C inside a prompt: exit 130 with nothing saved. */
function interrupted(err: unknown): never {
  if ((err as Error).name === 'ExitPromptError' || (err as Error).name === 'AbortPromptError') {
    throw new FuError(Exit.interrupted, 'Interrupted: nothing was saved.');
  }
  throw err;
}

export function inquirerPrompter(enabled: boolean): Prompter {
  // The bundle's prompts.cjs holds only input, select and confirm (scripts/bundle.js): a new kind goes there too.
  const load = () => import('@inquirer/prompts');
  return {
    enabled,
    async input(message, options = {}) {
      const { input } = await load();
      const prefill = options.prefill !== undefined ? { default: options.prefill, prefill: 'editable' as const } : { default: options.default };
      return input({ message, ...prefill, validate: options.validate }).catch(interrupted);
    },
    async select(message, choices, defaultValue) {
      const { select } = await load();
      return select({ message, choices, default: defaultValue }).catch(interrupted);
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await load();
      return confirm({ message, default: defaultValue }).catch(interrupted);
    },
  };
}
