/** Exit codes are part of the product contract (docs/rules.md, exit codes). */
export const Exit = {
  ok: 0,
  internal: 1,
  usage: 2,
  rule: 3,
  notFound: 4,
  database: 5,
  interrupted: 130,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

/**
 * The one error type that reaches the user. Only `main()` prints it, as
 * `fu: message` plus the hint, and turns it into the exit code.
 */
export class FuError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'FuError';
  }
}

export const usageError = (message: string, hint?: string) => new FuError(Exit.usage, message, hint);
export const notFoundError = (message: string, hint?: string) => new FuError(Exit.notFound, message, hint);
export const databaseError = (message: string, hint?: string) => new FuError(Exit.database, message, hint);

/** A refusal by a follow-up rule: exit 3, the rule named first. */
export const ruleError = (rule: string, message: string, hint?: string) => new FuError(Exit.rule, `${rule}: ${message}`, hint);

/** A file that is there already and may be replaced only when the user says so; the command words the refusal. */
export class TargetExistsError extends Error {
  constructor(readonly target: string) {
    super(`${target} already exists`);
    this.name = 'TargetExistsError';
  }
}

/**
 * The contact a command resolved was removed or merged by another fu before the
 * command's write transaction began: not found (exit 4), nothing written.
 */
export class ContactGoneError extends FuError {
  constructor(readonly contactId: number) {
    super(
      Exit.notFound,
      `Contact #${contactId} no longer exists: another fu removed or merged it meanwhile. Nothing was written.`,
      'Look it up again with: fu list',
    );
    this.name = 'ContactGoneError';
  }
}

/**
 * A library's message (an SQLite or Node error) as one readable line: its
 * own line breaks become spaces, so fu never prints it with escaped newlines
 * (messages are escaped for the terminal).
 */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
