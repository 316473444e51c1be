/**
 * The layering check (`npm run lint`, .dependency-cruiser.cjs) catches every
 * import across a line: run on a small tree with one crossing per rule and
 * the allowed imports beside them, it names exactly the crossings and fails.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const TREE: Record<string, string> = {
  'src/cli/io.ts': 'export interface IO { out(text: string): void }\n',
  'src/store/store.ts': 'export class Store {}\n',
  'src/domain/derive.ts': "export type State = 'open';\nexport const deriveState = (): State => 'open';\n",
  'bench/data.ts': 'export const data = 1;\n',
  // The domain reaches out to every layer and to I/O.
  'src/domain/rules.ts': [
    "import fs from 'node:fs';",
    "import { spawn } from 'child_process';",
    "import { Command } from 'commander';",
    "import chalk from 'chalk';",
    "import { input } from '@inquirer/prompts';",
    "import Database from 'better-sqlite3';",
    "import type { IO } from '../cli/io.js';",
    "import { Store } from '../store/store.js';",
    "import { apply } from '../app/log-touch.js';",
    "import { deriveState } from './derive.js';",
    'export const all = [fs, spawn, Command, chalk, input, Database, Store, apply, deriveState] as unknown as IO;',
  ].join('\n'),
  // The store calls up, and uses domain behaviour beside a domain type (allowed).
  'src/store/queries.ts': [
    "import type { IO } from '../cli/io.js';",
    "import { apply } from '../app/log-touch.js';",
    "import { deriveState, type State } from '../domain/derive.js';",
    "import type { State as Same } from '../domain/derive.js';",
    'export const q = (s: State, t: Same, io: IO) => [apply, deriveState, s, t, io];',
  ].join('\n'),
  'src/app/log-touch.ts':
    "import type { IO } from '../cli/io.js';\nimport type { Store } from '../store/store.js';\nexport const apply = (io: IO, s: Store) => [io, s];\n",
  // Only the composition root opens the store: deps.ts is not it.
  'src/cli/program.ts': "import { Store } from '../store/store.js';\nexport const open = () => new Store();\n",
  'src/cli/deps.ts': "import { Store } from '../store/store.js';\nexport const open = () => new Store();\n",
  'src/cli/commands/today.ts': [
    "import { Store } from '../../store/store.js';",
    "import { data } from '../../../bench/data.js';",
    "import { b } from '../b.js';",
    'export const today = [Store, data, b];',
  ].join('\n'),
  'src/cli/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
  'src/cli/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
};

const EXPECTED = [
  'app-below-cli src/app/log-touch.ts -> src/cli/io.ts',
  'app-through-port src/app/log-touch.ts -> src/store/store.ts',
  'cli-store-from-root src/cli/deps.ts -> src/store/store.ts',
  'cli-store-from-root src/cli/commands/today.ts -> src/store/store.ts',
  'domain-no-io src/domain/rules.ts -> better-sqlite3',
  'domain-no-io src/domain/rules.ts -> chalk',
  'domain-no-io src/domain/rules.ts -> child_process',
  'domain-no-io src/domain/rules.ts -> commander',
  'domain-no-io src/domain/rules.ts -> fs',
  'domain-no-io src/domain/rules.ts -> @inquirer/prompts',
  'domain-stays-inside src/domain/rules.ts -> src/app/log-touch.ts',
  'domain-stays-inside src/domain/rules.ts -> src/cli/io.ts',
  'domain-stays-inside src/domain/rules.ts -> src/store/store.ts',
  'no-circular src/cli/a.ts -> src/cli/b.ts -> src/cli/a.ts',
  'src-not-tools src/cli/commands/today.ts -> bench/data.ts',
  'store-below-app src/store/queries.ts -> src/app/log-touch.ts',
  'store-below-app src/store/queries.ts -> src/cli/io.ts',
  'store-domain-types-only src/store/queries.ts -> src/domain/derive.ts',
];

/** The lines of the report (`  error RULE: FROM → TO`, a cycle over several lines), a package by its name. */
function violations(report: string): string[] {
  const lines = report.replace(/ →\s*\n\s+/g, ' → ').split('\n');
  return lines.flatMap((line) => {
    const m = /^\s+error ([\w-]+): (.+)$/.exec(line);
    if (!m) return [];
    const path = m[2]!.split(' → ').map((p) => p.trim().replace(/^.*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, '$1'));
    return [`${m[1]} ${path.join(' -> ')}`];
  });
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
  for (const [file, text] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the layering check', () => {
  it('names every import across a layer line, allows the rest, and fails', async () => {
    const bin = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const args = [bin, '--config', path.join(ROOT, '.dependency-cruiser.cjs'), 'src'];
    const failure = await promisify(execFile)(process.execPath, args, { cwd: dir, maxBuffer: 16 << 20 }).then(
      () => undefined,
      (err: { code: number; stdout: string }) => err,
    );
    expect(violations(failure?.stdout ?? '').sort()).toEqual([...EXPECTED].sort());
    // The exit code is the number of errors.
    expect(failure?.code).toBe(EXPECTED.length);
  });
});
