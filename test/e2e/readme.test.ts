import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fu, ROOT } from '../helpers.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const commands = [...(await fu(['--help'])).stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'fu');

describe('the README', () => {
  it('starts with the two set-up commands', () => {
    const block = /^# fu[^\n]*\n\n```sh\n([^`]+)```/.exec(readme);
    expect(block?.[1]).toBe('npm ci && export PATH="$PWD/bin:$PATH" FU_DB="$(mktemp -d)/demo.db" && fu demo && fu today\nnpm test\n');
  });

  it.each(commands)('shows every example of fu %s --help in its usage section', async (cmd) => {
    const examples = [...(await fu([cmd, '--help'])).stdout.matchAll(/^ {2}\$ (fu .*)$/gm)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(readme, example).toContain(`$ ${example}`);
  });
});
