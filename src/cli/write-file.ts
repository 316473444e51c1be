/** Output that goes to a file (--out) or, without one, to stdout. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../errors.js';
import type { Deps } from './io.js';
import { databaseFileWords } from './messages.js';

/**
 * Writes `text` to `file` whole or not at all (a calendar re-reading the file
 * never sees half of it): a temporary file beside it, renamed over it. Mode
 * 0600: exports hold people's personal data. Never over the database or its
 * journals, however the path is spelled.
 */
export async function writeWhole(deps: Pick<Deps, 'files'>, file: string, text: string): Promise<void> {
  const own = (await deps.files()).databaseFileAt(file);
  if (own !== null) throw usageError(`${file} is ${databaseFileWords(own)}: write to another file.`);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw usageError(`Cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
}

/** To `--out FILE` when given (`-` is stdout too), else to stdout. Returns where it went, for the summary. */
export async function writeOut(deps: Pick<Deps, 'io' | 'files'>, out: string | undefined, text: string): Promise<string> {
  if (out === undefined || out === '-') {
    deps.io.out(text);
    return 'stdout';
  }
  await writeWhole(deps, out, text);
  return out;
}
