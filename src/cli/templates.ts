/** Where `fu draft` finds its templates: --template PATH, the user's folder, the built-in ones. */
import fs from 'node:fs';
import path from 'node:path';
import layout from '../../bin/layout.cjs';
import type { DraftKind } from '../domain/draft.js';
import { FuError, oneLine, usageError } from '../errors.js';
import { safe } from './output.js';

interface TemplateText {
  text: string;
  /** Where it was read from, for messages. */
  source: string;
}

/** --template PATH, else `<configDir>/templates/<kind>.txt` when it exists, else the built-in one. */
export function readTemplate(kind: DraftKind, explicit: string | undefined, configDir: string): TemplateText {
  if (explicit !== undefined) return readUserTemplate(explicit);
  const user = path.join(configDir, 'templates', `${kind}.txt`);
  if (fs.existsSync(user)) return readUserTemplate(user);
  const builtIn = path.join(layout.templates, `${kind}.txt`);
  return { text: fs.readFileSync(builtIn, 'utf8'), source: builtIn };
}

/** A template is a short message: anything larger is not one (docs/data-safety.md). */
const TEMPLATE_MAX_BYTES = 64 * 1024;

/**
 * A template the user gave or keeps: one that cannot be read (a folder, no
 * permission) is their input error, exit 2. Only a regular file is read, and
 * only up to the limit: a FIFO would wait for ever, /dev/zero never ends.
 */
function readUserTemplate(file: string): TemplateText {
  const refuse = (why: string) => usageError(`Cannot read the template "${safe(file)}": ${why}.`);
  let fd: number | undefined;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw refuse(stat.isDirectory() ? 'it is a folder' : 'it is not a regular file');
    if (stat.size > TEMPLATE_MAX_BYTES) throw refuse('it is larger than 64 KB');
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(TEMPLATE_MAX_BYTES + 1);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    // Grown since it was looked at: still too large.
    if (read > TEMPLATE_MAX_BYTES) throw refuse('it is larger than 64 KB');
    return { text: buffer.subarray(0, read).toString('utf8'), source: file };
  } catch (err) {
    if (err instanceof FuError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw refuse(code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : oneLine((err as Error).message));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
