/** Where `fu draft` finds its templates: --template PATH, the user's folder, the built-in ones. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DraftKind } from '../domain/draft.js';
import { usageError } from '../errors.js';
import { safe } from './output.js';

/** The built-in templates, shipped in the package (two folders up, like migrations/: the same from the bundle). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateText {
  text: string;
  /** Where it was read from, for messages. */
  source: string;
}

/** --template PATH, else `<configDir>/templates/<kind>.txt` when it exists, else the built-in one. */
export function readTemplate(kind: DraftKind, explicit: string | undefined, configDir: string): TemplateText {
  if (explicit !== undefined) {
    try {
      return { text: fs.readFileSync(explicit, 'utf8'), source: explicit };
    } catch (err) {
      throw usageError(`Cannot read the template "${safe(explicit)}": ${safe((err as NodeJS.ErrnoException).code ?? (err as Error).message)}.`);
    }
  }
  const user = path.join(configDir, 'templates', `${kind}.txt`);
  if (fs.existsSync(user)) return { text: fs.readFileSync(user, 'utf8'), source: user };
  const builtIn = path.join(BUILT_IN_TEMPLATES, `${kind}.txt`);
  return { text: fs.readFileSync(builtIn, 'utf8'), source: builtIn };
}
