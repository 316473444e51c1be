/** Where `fu draft` finds its templates: --template PATH, the user's folder, the built-in ones. */
import fs from 'node:fs';
import path from 'node:path';
import layout from '../../bin/layout.cjs';
import type { DraftKind } from '../domain/draft.js';
import { usageError } from '../errors.js';
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

/** A template the user gave or keeps: one that cannot be read (a folder, no permission) is their input error, exit 2. */
function readUserTemplate(file: string): TemplateText {
  try {
    return { text: fs.readFileSync(file, 'utf8'), source: file };
  } catch (err) {
    throw usageError(`Cannot read the template "${safe(file)}": ${safe((err as NodeJS.ErrnoException).code ?? (err as Error).message)}.`);
  }
}
