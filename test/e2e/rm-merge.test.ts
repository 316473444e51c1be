/** `fu rm` and `fu merge`: a duplicate or a mistaken contact put right with one command, and taken back with fu undo. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';
import { content, derivedMismatches } from '../robustness/support.js';

const NOW = '2026-11-23T08:00:00Z';

function counts(db: string, contactId: number): { touches: number; commitments: number; openNextSteps: number } {
  const raw = new Database(db, { readonly: true });
  try {
    const n = (sql: string) => (raw.prepare(sql).get(contactId) as { n: number }).n;
    return {
      touches: n('SELECT count(*) AS n FROM touches WHERE contact_id = ?'),
      commitments: n('SELECT count(*) AS n FROM commitments WHERE contact_id = ?'),
      openNextSteps: n("SELECT count(*) AS n FROM commitments WHERE contact_id = ? AND kind = 'next-step' AND state = 'open'"),
    };
  } finally {
    raw.close();
  }
}

describe('fu rm', () => {
  it('removes a contact with its touches and commitments, with --yes, and fu undo brings all of it back', async () => {
    const run = session({ now: NOW });
    await run('demo');
    const before = content(run.db);
    const r = await run('rm', 'sam', '--yes');
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'Removed #2 Sam Okafor (Brightline) with 1 touch and 1 commitment. Take it back with: fu undo\n' });
    expect(counts(run.db, 2)).toEqual({ touches: 0, commitments: 0, openNextSteps: 0 });
    expect((await run('show', '2')).code).toBe(4);
    expect((await run('undo')).stdout).toBe('Undid: removing Sam Okafor; Sam is active, with no attempt unanswered.\n');
    expect(content(run.db)).toBe(before);
  });

  it('refuses without a terminal and without --yes (exit 2, naming --yes), removing nothing', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    const before = content(run.db);
    const r = await run('rm', 'dana');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fu: fu rm removes the contact with its whole history: add --yes to confirm when not interactive.\nFor example: fu rm dana --yes\n');
    expect(content(run.db)).toBe(before);
  });

  it('asks on a terminal, and removes only on yes', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes', '--company', 'Acme');
    const before = content(run.db);
    const env = { FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' };
    const no = await runInPty(['rm', 'dana'], { env, steps: [['Remove #1 Dana Reyes (Acme) with 0 touches and 0 commitments?', `n${KEY.enter}`]] });
    expect(no.code, no.output).toBe(0);
    expect(no.output).toContain('Nothing was changed.');
    expect(content(run.db)).toBe(before);
    const yes = await runInPty(['rm', 'dana'], { env, steps: [['Remove #1', `y${KEY.enter}`]] });
    expect(yes.output).toContain('Removed #1 Dana Reyes (Acme)');
    expect((await run('show', '1')).code).toBe(4);
  });

  it('reports what it removed in JSON, and an unknown contact is exit 4', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes', '--company', 'Acme');
    expect(await run.json('rm', 'dana', '--yes')).toEqual({ removed: { id: 1, name: 'Dana Reyes', company: 'Acme' }, touches: 0, commitments: 0 });
    expect((await run('rm', 'dana', '--yes')).code).toBe(4);
  });
});

describe('fu merge', () => {
  it('keeps every touch and commitment of both, one open next step (the later one), and a derived state equal to a recomputation', async () => {
    const run = session({ now: NOW });
    await run('demo');
    // A duplicate of Dana, met again, with a next step of its own (created later than Dana's).
    await run(
      'add',
      'Dana R',
      '--email',
      'dr@other.example',
      '--phone',
      '+1 555 0100',
      '--tag',
      'vip',
      '--met',
      'fair',
      '--next',
      'call back',
      '--at',
      'fri 10am',
    );
    const dup = (await run.json<{ id: number }[]>('list')).find((c) => (c as unknown as { name: string }).name === 'Dana R')!.id;
    await run(
      'log',
      String(dup),
      '--outcome',
      'connected',
      '--note',
      'second chat',
      '--next',
      'pricing',
      '--at',
      'mon 11am',
      '--promise',
      'send the deck',
      '--by',
      'tomorrow',
    );
    const [a, b] = [counts(run.db, 1), counts(run.db, dup)];
    const before = content(run.db);
    const r = await run('merge', '1', String(dup));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Merged #${dup} Dana R into #1 Dana Reyes: 2 touches and 3 commitments moved.\n`);
    expect(r.stdout).toContain('Filled from the duplicate: phone.\n');
    expect(r.stdout).toContain('Kept email "dana.reyes@acme-logistics.example" (the duplicate had "dr@other.example").\n');
    expect(r.stdout).toMatch(
      /Both had an open next step: kept the later one, c\d+ \(pricing, Mon 23 Nov 11:00\); replaced c1 \(demo to the finance team, Mon 23 Nov 15:00\)\./,
    );
    const after = counts(run.db, 1);
    expect(after.touches).toBe(a.touches + b.touches);
    expect(after.commitments).toBe(a.commitments + b.commitments);
    expect(after.openNextSteps).toBe(1);
    expect(counts(run.db, dup)).toEqual({ touches: 0, commitments: 0, openNextSteps: 0 });
    expect(derivedMismatches(run.db)).toEqual([]);
    const shown = await run.json<{ phone: string; tags: string[] }>('show', '1');
    expect(shown.phone).toBe('+1 555 0100');
    expect(shown.tags).toEqual(['saas', 'vip', 'warm']);
    // One command takes it back whole.
    expect((await run('undo')).stdout).toBe(
      'Undid: merging Dana R into Dana Reyes; Dana Reyes is active, with no attempt unanswered; Dana R is active, with no attempt unanswered.\n',
    );
    expect(content(run.db)).toBe(before);
  });

  it("keeps the duplicate's decisions: fu show lists them on the kept contact, fu stats still counts them, fu undo takes them back", async () => {
    const run = session({ now: NOW });
    await run('add', 'Bob Ray', '--company', 'Beta');
    await run('add', 'Bobby Ray', '--company', 'Beta');
    expect((await run('close', '2', '--lost', 'budget')).code).toBe(0);
    const before = content(run.db);
    expect((await run('merge', '1', '2')).code).toBe(0);
    const shown = await run.json<{ decisions: { kind: string; lostReason: string | null }[] }>('show', '1');
    expect(shown.decisions).toMatchObject([{ kind: 'lost', lostReason: 'budget' }]);
    const stats = await run.json<Record<string, unknown>>('stats');
    expect(JSON.stringify(stats)).toMatch(/"lost":1\b/);
    expect((await run('undo')).code).toBe(0);
    expect(content(run.db)).toBe(before);
  });

  it('words the undo of a merge with nothing moved as the merge was made: the duplicate into the kept contact', async () => {
    const run = session({ now: NOW });
    await run('add', 'Ann Lee');
    await run('add', 'Ann Lee2');
    expect((await run('merge', '1', '2')).code).toBe(0);
    expect((await run('undo')).stdout).toMatch(/^Undid: merging Ann Lee2 into Ann Lee;/);
  });

  it('reports the merge in JSON and refuses to merge a contact into itself', async () => {
    const run = session({ now: NOW });
    await run('add', 'Priya Shah', '--company', 'Northwind');
    await run('add', 'Priya Shah', '--email', 'priya@northwind.example', '--company', 'Northwind Health');
    const merged = await run.json<Record<string, unknown>>('merge', '1', '2');
    expect(merged).toMatchObject({
      duplicate: { id: 2, name: 'Priya Shah' },
      moved: { touches: 0, commitments: 0 },
      filled: { email: 'priya@northwind.example' },
      conflicts: [{ field: 'company', kept: 'Northwind', dropped: 'Northwind Health' }],
      replacedNextStep: null,
      contact: { id: 1, email: 'priya@northwind.example' },
    });
    const self = await run('merge', '1', 'priya');
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/are the same contact \(#1\)/);
  });
});
