/** Duplicates caught at the door: fu add names a contact that may be the same person, and fu edit reaches every field. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';
import { content } from '../robustness/support.js';

const NOW = '2026-11-23T09:00:00Z';

describe('fu add and possible duplicates', () => {
  it.each([
    [
      'the same name at the same company',
      ['Priya Shah', '--company', 'NORTHWIND'],
      'Possible duplicate: #1 Priya Shah (Northwind), the same name at the same company. If it is the same person: fu merge 1 2\n',
    ],
    ['a very similar name', ['Priya Sha'], 'Possible duplicate: #1 Priya Shah (Northwind), a very similar name. If it is the same person: fu merge 1 2\n'],
  ])('warns about %s, naming the contact and fu merge, and still adds without a terminal', async (_why, args, warning) => {
    const run = session({ now: NOW });
    await run('add', 'Priya Shah', '--company', 'Northwind');
    const r = await run('add', ...args);
    expect(r).toMatchObject({ code: 0, stderr: warning });
    expect(r.stdout).toMatch(/^Added #2 /);
  });

  it('says nothing of a different person: another name, or the same name at another company', async () => {
    const run = session({ now: NOW });
    await run('add', 'Priya Shah', '--company', 'Northwind');
    for (const args of [['Sam Okafor'], ['Priya Shah', '--company', 'Fabrikam'], ['Priyanka Shahid']]) {
      const r = await run('add', ...args);
      expect(r).toMatchObject({ code: 0, stderr: '' });
    }
  });

  it('reports possible duplicates in JSON', async () => {
    const run = session({ now: NOW });
    await run('add', 'Priya Shah', '--company', 'Northwind');
    const added = await run.json<{ contact: { id: number; name: string }; duplicates: unknown[] }>(
      'add',
      'Priya Shah',
      '--company',
      'Northwind',
      '--tag',
      'b',
      '--tag',
      'a',
    );
    expect(added.contact).toMatchObject({ id: 2, name: 'Priya Shah', tags: ['a', 'b'] });
    expect(added.duplicates).toEqual([{ id: 1, name: 'Priya Shah', company: 'Northwind', reason: 'same-name-and-company' }]);
  });

  it('asks before adding on a terminal, and adds nothing when told no', async () => {
    const run = session({ now: NOW });
    await run('add', 'Priya Shah', '--company', 'Northwind');
    const before = content(run.db);
    const env = { FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' };
    const no = await runInPty(['add', 'Priya Shah', '--company', 'Northwind'], { env, steps: [['anyway?', `n${KEY.enter}`]] });
    expect(no.code, no.output).toBe(0);
    expect(no.output).toContain('Possible duplicate: #1 Priya Shah (Northwind), the same name at the same company.');
    expect(no.output).toContain('Nothing was added.');
    expect(content(run.db)).toBe(before);
    const yes = await runInPty(['add', 'Priya Shah', '--company', 'Northwind'], { env, steps: [['anyway?', `y${KEY.enter}`]] });
    expect(yes.output).toContain('Added #2 Priya Shah (Northwind).');
  });
});

describe('fu edit', () => {
  it('changes every field, source and note included, and clears them with ""', async () => {
    const run = session({ now: NOW });
    await run('add', 'Sam Okafor');
    expect((await run('edit', 'sam', '--source', 'referral', '--note', 'prefers email', '--phone', '555')).code).toBe(0);
    expect(await run.json('show', 'sam')).toMatchObject({ source: 'referral', note: 'prefers email', phone: '555' });
    await run('edit', 'sam', '--source', '', '--note', '');
    expect(await run.json('show', 'sam')).toMatchObject({ source: null, note: null });
  });
});
