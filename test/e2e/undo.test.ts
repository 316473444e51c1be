/** `fu undo`: every write can be taken back, the last first, in one transaction that re-derives the contacts' state. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { content, derivedMismatches } from '../robustness/support.js';

const NOW = '2026-11-26T10:00:00Z'; // a Thursday

describe('fu undo', () => {
  it('takes back a logged call and says where the contact stands again', async () => {
    const run = session({ now: '2026-11-20T10:00:00Z' });
    await run('add', 'Sam Okafor', '--company', 'Brightline');
    expect((await run('log', 'sam', '--outcome', 'no-answer')).code).toBe(0);
    const before = content(run.db);
    run.at(NOW);
    expect((await run('log', 'sam', '--outcome', 'no-answer')).code).toBe(0);
    const r = await run('undo');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Undid: call no-answer with Sam Okafor, Thu 26 Nov 10:00; Sam is back to attempt 1 of 3.\n');
    expect(content(run.db)).toBe(before);
    expect(derivedMismatches(run.db)).toEqual([]);
  });

  it.each([
    ['add', ['add', 'Lee Park', '--email', 'lee@park.example', '--tag', 'vip']],
    ['edit', ['edit', 'dana', '--company', 'Other', '--untag', 'hot']],
    ['next', ['next', 'dana', 'demo', '--at', 'tomorrow 10am']],
    ['done', ['done', 'c1']],
    ['cancel', ['cancel', 'c1']],
    ['config', ['config', 'attempts.gapDays', '5']],
    [
      'log with a next step and a promise',
      ['log', 'dana', '--outcome', 'connected', '--next', 'pricing call', '--at', 'fri 3pm', '--promise', 'send deck', '--by', 'tomorrow'],
    ],
    ['a disposition', ['log', 'dana', '--outcome', 'connected', '--won']],
    ['a decision without a touch (lost)', ['close', 'dana', '--lost', 'budget']],
    ['a decision without a touch (not a fit)', ['close', 'dana', '--not-fit']],
  ])('puts the database back exactly as it was before %s', async (_name, args) => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes', '--tag', 'hot', '--met', 'fair', '--next', 'call back', '--at', 'mon 10am');
    const before = content(run.db);
    expect((await run(...args)).code).toBe(0);
    expect(content(run.db)).not.toBe(before);
    const r = await run('undo');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Undid: /);
    expect(content(run.db)).toBe(before);
  });

  it('takes back the demo right after loading it: the book is empty again', async () => {
    const run = session({ now: NOW });
    expect((await run('list')).code).toBe(0);
    const before = content(run.db);
    expect((await run('demo')).code).toBe(0);
    const r = await run('undo');
    expect(r.code, r.stderr).toBe(0);
    expect(content(run.db)).toBe(before);
  });

  it('takes back a whole import: the contacts added and the ones it updated', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes', '--email', 'dana@acme.example');
    const before = content(run.db);
    const file = path.join(run.dir, 'leads.csv');
    fs.writeFileSync(
      file,
      'name,email,company\nDana Reyes,dana@acme.example,Acme\nLee Park,lee@park.example,Fabrikam\nSam Okafor,sam@bright.example,Brightline\n',
    );
    expect((await run('import', file)).code).toBe(0);
    expect((await run('undo', '--list')).stdout).toMatch(/^2\timport\t.*\tthe import of 2 new contacts and 1 updated\n/);
    expect((await run('undo')).stdout).toBe('Undid: the import of 2 new contacts and 1 updated.\n');
    expect(content(run.db)).toBe(before);
  });

  it('walks further back when repeated, and says when there is nothing left', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    const one = content(run.db);
    await run('log', 'dana', '--outcome', 'no-answer');
    await run('config', 'attempts.limit', '2');
    expect((await run('undo')).stdout).toBe('Undid: config attempts.limit = 2.\n');
    expect((await run('undo')).stdout).toMatch(/^Undid: call no-answer with Dana Reyes/);
    expect(content(run.db)).toBe(one);
    expect((await run('undo')).stdout).toBe('Undid: adding Dana Reyes.\n');
    const none = await run('undo');
    expect(none.code).toBe(3);
    expect(none.stderr).toBe('fu: There is nothing to undo.\nA restore is not undone by fu undo: a backup is the way back from a restore.\n');
  });

  it('lists the writes it can take back, newest first, and in JSON', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    await run('log', 'dana', '--outcome', 'no-answer');
    await run('list'); // a read is not a write
    await run('log', 'nobody', '--outcome', 'no-answer'); // refused: nothing written, nothing journaled
    expect((await run('undo', '--list')).stdout).toBe(
      '2\tlog\t2026-11-26T10:00:00.000Z\tcall no-answer with Dana Reyes, Thu 26 Nov 10:00\n1\tadd\t2026-11-26T10:00:00.000Z\tadding Dana Reyes\n',
    );
    const listed = await run.json<{ id: number; kind: string; description: string; contacts: { id: number; name: string }[] }[]>('undo', '--list');
    expect(listed.map((w) => [w.id, w.kind])).toEqual([
      [2, 'log'],
      [1, 'add'],
    ]);
    expect(listed[1]!.contacts).toEqual([{ id: 1, name: 'Dana Reyes' }]);
    const undone = await run.json<{ undone: { id: number; kind: string }; contacts: { id: number; unanswered: number }[] }>('undo');
    expect(undone).toMatchObject({ undone: { id: 2, kind: 'log' }, contacts: [{ id: 1, unanswered: 0 }] });
    expect((await run('undo', '--list')).stdout).toBe('1\tadd\t2026-11-26T10:00:00.000Z\tadding Dana Reyes\n');
  });

  it('refuses to take back a write that a later one built on (exit 3, naming it), and takes it back once that one is undone', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    await run('add', 'Sam Okafor');
    await run('log', 'dana', '--outcome', 'no-answer');
    const before = content(run.db);
    const r = await run('undo', 'w1');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'fu: Cannot undo w1 (adding Dana Reyes): later writes changed the same records: w3 (call no-answer with Dana Reyes, Thu 26 Nov 10:00).\nUndo those first (fu undo), or leave it.\n',
    );
    expect(content(run.db)).toBe(before);
    // Sam's write does not touch Dana's rows: it can be taken back out of order.
    expect((await run('undo', 'w2')).stdout).toBe('Undid: adding Sam Okafor.\n');
    expect((await run('undo', 'w2')).code).toBe(3);
    expect((await run('undo', 'w3')).code).toBe(0);
    expect((await run('undo', 'w1')).code).toBe(0);
    expect(await run.json<unknown[]>('list', '--status', 'all')).toEqual([]);
    expect(await run('undo', 'w99')).toMatchObject({ code: 4, stderr: expect.stringContaining('No write has the id w99 in the journal') });
    expect(await run('undo', '99')).toMatchObject({ code: 4, stderr: expect.stringContaining('is a contact id') });
    expect((await run('undo', 'x')).code).toBe(2);
  });
});
