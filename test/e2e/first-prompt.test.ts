/**
 * `fu log` on a terminal asks for the contact before it opens the database:
 * the first question needs none, and shows sooner without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';

describe('the first question of fu log', () => {
  it('is asked before the database is opened: interrupted there, no database is created', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'fu.db');
    const r = await runInPty(['log'], { env: { FU_DB: db, FU_NOW: '2026-11-23T08:00:00Z', TZ: 'UTC', HOME: dir }, steps: [['Contact', KEY.ctrlC]] });
    expect(r.output).toContain('Contact (id, email or name)');
    expect(r.code).toBe(130);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('then reads the contact from the database, which must be fu’s', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'fu.db');
    fs.writeFileSync(db, 'not a database at all, but long enough to have a header of its own');
    const r = await runInPty(['log'], { env: { FU_DB: db, FU_NOW: '2026-11-23T08:00:00Z', TZ: 'UTC', HOME: dir }, steps: [['Contact', `dana${KEY.enter}`]] });
    expect(r.code, r.output).toBe(5);
    expect(r.output).toContain('is not a fu database');
  });
});
