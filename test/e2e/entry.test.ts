/**
 * run(), the entry the binary and the in-process tests share: the exit code is
 * its return value, and everything a command line depends on (clock, zone,
 * colour, where the database lives) comes from the host it is given, never
 * from this process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run, type Host } from '../../src/cli/main.js';
import { tempDir } from '../helpers.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function host(env: Record<string, string>, options: { color?: boolean } = {}): Host & { io: ReturnType<typeof bufferIO> } {
  return { io: bufferIO({ color: options.color }), env, stdinIsTTY: () => false, systemNow: () => Date.parse('2030-01-01T00:00:00Z') };
}

const fu = (args: string[], h: Host) => run(['node', 'fu', ...args], h);

describe('run()', () => {
  it('returns the exit code and leaves process.exitCode alone', async () => {
    const db = path.join(tempDir(), 'fu.db');
    process.exitCode = undefined;
    const missing = host({ FU_DB: db });
    expect(await fu(['show', 'nobody'], missing)).toBe(4);
    expect(missing.io.stderr.join('')).toMatch(/^fu: /);
    expect(await fu(['tody'], host({ FU_DB: db }))).toBe(2);
    expect(await fu(['add', 'Dana Reyes'], host({ FU_DB: db }))).toBe(0);
    expect(process.exitCode).toBeUndefined();
  });

  it("reads the zone from the host's TZ, not this process's, and never takes this process's zone for it", async () => {
    process.env.TZ = 'UTC'; // this process's zone, for Date's local-time methods
    const db = path.join(tempDir(), 'fu.db');
    const env = { FU_DB: db, FU_NOW: '2026-11-23T20:00:00Z', TZ: 'Pacific/Auckland' };
    expect(await fu(['add', 'Dana Reyes'], host(env))).toBe(0);
    const shown = host(env);
    expect(await fu(['show', 'dana', '--json'], shown)).toBe(0);
    // 20:00 UTC is 09:00 the next morning in Auckland (UTC+13 in November).
    expect(JSON.parse(shown.io.stdout.join(''))).toMatchObject({ createdAt: '2026-11-24T09:00:00+13:00' });
  });

  it('takes the clock from the host: FU_NOW, else its systemNow()', async () => {
    const db = path.join(tempDir(), 'fu.db');
    expect(await fu(['add', 'Dana Reyes'], host({ FU_DB: db, TZ: 'UTC' }))).toBe(0);
    const shown = host({ FU_DB: db, TZ: 'UTC' });
    expect(await fu(['show', 'dana', '--json'], shown)).toBe(0);
    expect(JSON.parse(shown.io.stdout.join(''))).toMatchObject({ createdAt: '2030-01-01T00:00:00+00:00' });
  });

  it("colours what the host's terminal shows, and nothing under the host's NO_COLOR or TERM=dumb", async () => {
    const db = path.join(tempDir(), 'fu.db');
    const coloured = host({ FU_DB: db }, { color: true });
    expect(await fu(['show', 'nobody'], coloured)).toBe(4);
    expect(coloured.io.stderr.join('')).toContain('\x1b[');
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }] as Record<string, string>[]) {
      const plain = host({ FU_DB: db, ...env }, { color: true });
      expect(await fu(['show', 'nobody'], plain)).toBe(4);
      expect(plain.io.stderr.join('')).toMatch(/^fu: /);
    }
    const flag = host({ FU_DB: db }, { color: true });
    expect(await fu(['--no-color', 'show', 'nobody'], flag)).toBe(4);
    expect(flag.io.stderr.join('')).toMatch(/^fu: /);
  });

  it("keeps the database where the host's HOME and XDG_DATA_HOME say", async () => {
    const home = tempDir();
    expect(await fu(['add', 'Dana Reyes'], host({ HOME: home }))).toBe(0);
    expect(fs.existsSync(path.join(home, '.local', 'share', 'fu', 'fu.db'))).toBe(true);
    const data = tempDir();
    expect(await fu(['add', 'Dana Reyes'], host({ HOME: home, XDG_DATA_HOME: data }))).toBe(0);
    expect(fs.existsSync(path.join(data, 'fu', 'fu.db'))).toBe(true);
  });
});
