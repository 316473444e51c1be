/** `fu touch edit` and `fu touch rm`: a mistyped note or a touch logged twice put right, the contact's state derived again. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { content, derivedMismatches } from '../robustness/support.js';

const NOW = '2026-11-23T10:00:00Z'; // a Monday

describe('touch ids', () => {
  it('are shown by fu log and in fu show’s timeline', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes', '--company', 'Acme');
    expect((await run('log', 'dana', '--outcome', 'no-answer')).stdout).toBe(
      'Logged call no-answer with Dana Reyes (Acme), Mon 23 Nov 10:00 (touch t1).\nAttempt 1 of 3: next chase due Thu 26 Nov.\n',
    );
    expect((await run('show', 'dana')).stdout).toContain('  Mon 23 Nov 10:00  touch t1 call no-answer\n');
  });
});

describe('fu touch rm', () => {
  it('removes a touch logged twice, derives the state again, and fu undo brings it back', async () => {
    const run = session({ now: '2026-11-20T10:00:00Z' });
    await run('add', 'Sam Okafor');
    await run('log', 'sam', '--outcome', 'no-answer');
    const once = content(run.db);
    await run('log', 'sam', '--outcome', 'no-answer', '--force'); // the same call, logged twice
    run.at(NOW);
    const r = await run('touch', 'rm', 't2');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      'Removed touch t2 of Sam Okafor: call no-answer, Fri 20 Nov 10:00.\nSam Okafor now: 1 unanswered attempt of 3; next chase due Wed 25 Nov; active.\nTake it back with: fu undo\n',
    );
    const after = JSON.parse(content(run.db)) as Record<string, unknown[]>;
    expect(after.touches).toHaveLength(1);
    expect(derivedMismatches(run.db)).toEqual([]);
    const shown = await run.json<{ unansweredAttempts: number }>('show', 'sam');
    expect(shown.unansweredAttempts).toBe(1);
    await run('undo');
    await run('touch', 'rm', 't2');
    expect(JSON.parse(content(run.db)).contacts).toEqual(JSON.parse(once).contacts);
  });

  it('names a touch that does not exist (exit 4) and a malformed id (exit 2)', async () => {
    const run = session({ now: NOW });
    expect((await run('touch', 'rm', 't7')).code).toBe(4);
    expect((await run('touch', 'rm', 'seven')).code).toBe(2);
  });
});

describe('fu touch edit', () => {
  it('corrects a note, and an outcome, with the state derived from the corrected history', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    await run('log', 'dana', '--outcome', 'no-answer', '--note', 'lft a mesage');
    const r = await run('touch', 'edit', 't1', '--note', 'left a message', '--outcome', 'voicemail', '--via', 'text');
    expect(r.stdout).toBe(
      'Corrected touch t1 of Dana Reyes: call no-answer, Mon 23 Nov 10:00: lft a mesage -> text voicemail, Mon 23 Nov 10:00: left a message.\nDana Reyes now: 1 unanswered attempt of 3; next chase due Thu 26 Nov; active.\nTake it back with: fu undo\n',
    );
    // An unanswered call that was in fact a conversation: no attempt counts any more.
    const json = await run.json<{
      before: { outcome: string };
      touch: { outcome: string };
      contact: { unansweredAttempts: number; chaseDueOn: string | null };
    }>('touch', 'edit', 't1', '--outcome', 'connected');
    expect(json.before.outcome).toBe('voicemail');
    expect(json.touch).toMatchObject({ outcome: 'connected' });
    expect(json.contact).toMatchObject({ unansweredAttempts: 0, chaseDueOn: null });
    expect(derivedMismatches(run.db)).toEqual([]);
  });

  it('allows a correction that leaves the history past a rule, and prints the new state', async () => {
    const run = session({ now: '2026-11-10T10:00:00Z' });
    await run('add', 'Sam Okafor');
    await run('log', 'sam', '--outcome', 'connected', '--next', 'call', '--at', 'tomorrow 10am');
    for (const day of ['2026-11-12', '2026-11-17', '2026-11-20']) {
      run.at(`${day}T10:00:00Z`);
      expect((await run('log', 'sam', '--outcome', 'no-answer')).code).toBe(0);
    }
    run.at(NOW);
    // The second call was in fact the day after the first: closer than the spacing R5 asks, corrected all the same.
    const r = await run('touch', 'edit', 't3', '--at', '2026-11-13 10:00');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Corrected touch t3 of Sam Okafor: call no-answer, Tue 17 Nov 10:00 -> call no-answer, Fri 13 Nov 10:00.\n');
    expect(r.stdout).toContain('Sam Okafor now: 3 unanswered attempts of 3; no chase due; nurture.\n');
    expect(derivedMismatches(run.db)).toEqual([]);
  });

  it('moves a touch in time, never into the future, and asks for something to change', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    await run('log', 'dana', '--outcome', 'no-answer');
    expect((await run('touch', 'edit', 't1', '--at', 'fri 4pm')).stdout).toMatch(
      /^Corrected touch t1 of Dana Reyes: call no-answer, Mon 23 Nov 10:00 -> call no-answer, Fri 20 Nov 16:00\.\nDana Reyes now: 1 unanswered attempt of 3; next chase due Wed 25 Nov; active\./,
    );
    const before = content(run.db);
    const future = await run('touch', 'edit', 't1', '--at', 'tomorrow 10am');
    expect(future).toMatchObject({ code: 2, stderr: 'fu: --at "tomorrow 10am" is in the future: log a touch once it has happened.\n' });
    expect((await run('touch', 'edit', 't1')).code).toBe(2);
    expect(content(run.db)).toBe(before);
  });
});
