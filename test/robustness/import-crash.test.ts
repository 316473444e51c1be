/** `fu import` killed with SIGKILL in the middle of its one transaction leaves nothing imported. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fu, startFu } from '../helpers.js';
import { count, integrity, scratch, sleep, writeLocked } from './support.js';

const NOW = '2026-11-23T09:00:00Z';

describe('fu import killed half-way', () => {
  it('leaves the database as it was: no contact from the file, the earlier ones intact', async () => {
    const dir = scratch();
    const db = path.join(dir, 'fu.db');
    expect((await fu(['add', 'Already Here'], { db, now: NOW })).code).toBe(0);
    const lines = ['First Name,Last Name,Email,Company Name'];
    for (let i = 0; i < 200_000; i++) lines.push(`First${i},Last${i},p${i}@example.org,Company ${i % 3000}`);
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');

    const { child, done } = startFu(['import', file], { db, now: NOW });
    // Inside the transaction: the write lock is held and rows have spilled to the WAL.
    let inside = false;
    while (child.exitCode === null) {
      const wal = fs.statSync(`${db}-wal`, { throwIfNoEntry: false });
      if (wal && wal.size > 4_000_000 && writeLocked(db)) {
        inside = true;
        break;
      }
      await sleep(5);
    }
    child.kill('SIGKILL');
    const r = await done;
    expect(inside).toBe(true);
    expect(r.code).toBe(-1);
    expect(integrity(db)).toBe('ok');
    expect(count(db, 'contacts')).toBe(1);
    expect(count(db, 'tags')).toBe(0);
  });
});
