import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';

// Monday 23 Nov 2026, 08:00 UTC.
const NOW = '2026-11-23T08:00:00Z';
const envFor = (run: ReturnType<typeof session>) => ({ FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' });

interface Shown {
  status: string;
  touches: { note: string | null }[];
  nextStep: { what: string; soft: boolean } | null;
  promises: { what: string }[];
}

async function withDana() {
  const run = session({ now: NOW });
  await run('add', 'Dana Reyes', '--company', 'Acme');
  return run;
}

/** The opening answers of an interactive connected call with a note. */
const CALL: [string, string][] = [
  ['Channel', KEY.enter],
  ['Outcome', KEY.enter],
  ['Note', `liked the pilot${KEY.enter}`],
];

describe('interactive fu log, each answer checked when it is given', () => {
  it('re-asks a promise due yesterday at its own prompt and keeps every earlier answer', async () => {
    const run = await withDana();
    const r = await runInPty(['log', 'dana'], {
      env: envFor(run),
      steps: [
        ...CALL,
        ['What did you agree?', KEY.enter],
        ['Next step', `demo to the team${KEY.enter}`],
        ['When', `tue 3pm${KEY.enter}`],
        ['Did you promise them something', `y${KEY.enter}`],
        ['What did you promise?', `send the case study${KEY.enter}`],
        ['By when', `yesterday${KEY.enter}`],
        ['which is', `${KEY.clearLine}tomorrow 5pm${KEY.enter}`],
        ['Another promise?', `n${KEY.enter}`],
        ['Did they say', `n${KEY.enter}`],
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('Promise c2: send the case study, by Tue 24 Nov 17:00.');
    const shown = await run.json<Shown>('show', 'dana');
    expect(shown.touches).toEqual([expect.objectContaining({ note: 'liked the pilot' })]);
    expect(shown.nextStep?.what).toBe('demo to the team');
  });

  it('re-asks what they said they would do by yesterday at its own prompt', async () => {
    const run = await withDana();
    const r = await runInPty(['log', 'dana', '--outcome', 'connected', '--next', 'decision call', '--at', 'fri 11am'], {
      env: envFor(run),
      steps: [
        ['Did you promise', KEY.enter],
        ['Did they say', `y${KEY.enter}`],
        ['What will they do', `review it with the team${KEY.enter}`],
        ['By when', `yesterday${KEY.enter}`],
        ['which is', `${KEY.clearLine}wed${KEY.enter}`],
        ['Anything else', KEY.enter],
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('Expected from them c2: review it with the team, by Wed 25 Nov 17:00.');
  });

  it('echoes the contact it found and never shows a flag name', async () => {
    const run = await withDana();
    const r = await runInPty(['log'], {
      env: envFor(run),
      steps: [
        ['Contact', `dana${KEY.enter}`],
        ...CALL,
        ['What did you agree?', KEY.enter],
        ['Next step', `demo${KEY.enter}`],
        ['When', `last monday 3pm${KEY.enter}`],
        ['in the past', `${KEY.clearLine}wed 10am${KEY.enter}`],
        ['promise', `n${KEY.enter}`],
        ['Did they say', `n${KEY.enter}`],
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('Dana Reyes, Acme, #1');
    expect(r.output).toContain('A conversation must end with a firm next step');
    expect(r.output).not.toMatch(/--[a-z]/);
  });

  it('offers a soft date when the day has no time, and keeps it soft when chosen', async () => {
    const run = await withDana();
    const r = await runInPty(['log', 'dana'], {
      env: envFor(run),
      steps: [
        ...CALL,
        ['What did you agree?', KEY.enter],
        ['Next step', `demo${KEY.enter}`],
        ['When', `thursday${KEY.enter}`],
        ['A time, or a soft date?', `${KEY.down}${KEY.enter}`],
        ['promise', `n${KEY.enter}`],
        ['Did they say', `n${KEY.enter}`],
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('or keep it as a soft date');
    expect((await run.json<Shown>('show', 'dana')).nextStep).toEqual(expect.objectContaining({ what: 'demo', soft: true }));
  });

  it('points out a vague next step once and keeps it when Enter is pressed again', async () => {
    const run = await withDana();
    const r = await runInPty(['log', 'dana'], {
      env: envFor(run),
      steps: [
        ...CALL,
        ['What did you agree?', KEY.enter],
        ['Next step', `touch base${KEY.enter}`],
        ['Press Enter again to keep it', KEY.enter],
        ['When', `tue 3pm${KEY.enter}`],
        ['promise', `n${KEY.enter}`],
        ['Did they say', `n${KEY.enter}`],
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('"touch base" is vague');
    expect((await run.json<Shown>('show', 'dana')).nextStep?.what).toBe('touch base');
  });

  it('does not ask about promises after Lost', async () => {
    const run = await withDana();
    const r = await runInPty(['log', 'dana'], {
      env: envFor(run),
      steps: [...CALL, ['What did you agree?', `${KEY.down}${KEY.down}${KEY.enter}`], ['Why was it lost?', `went with a competitor${KEY.enter}`]],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).not.toContain('promise');
    expect(r.output).not.toContain('Did they say');
    expect((await run.json<Shown>('show', 'dana')).status).toBe('lost');
  });

  it('asks to record a chase that comes too soon anyway, instead of refusing after the answers', async () => {
    const run = await withDana();
    await run('log', 'dana', '--outcome', 'no-answer');
    const r = await runInPty(['log', 'dana'], {
      env: envFor(run),
      steps: [
        ['Channel', KEY.enter],
        ['Outcome', `${KEY.down}${KEY.down}${KEY.enter}`], // no-answer
        ['Note', KEY.enter],
        ['Record it anyway?', `y${KEY.enter}`],
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('space attempts');
    expect((await run.json<Shown>('show', 'dana')).touches).toHaveLength(2);
  });
});

describe('interactive fu add --met', () => {
  it('asks for the next step agreed at the event instead of refusing', async () => {
    const run = session({ now: NOW });
    const r = await runInPty(['add', '--met', 'Retail Expo'], {
      env: envFor(run),
      steps: [
        ['Name', `Lee Park${KEY.enter}`],
        ['What did you agree?', KEY.enter],
        ['Next step', `15-minute intro call${KEY.enter}`],
        ['When', `thu 11am${KEY.enter}`],
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('A contact met at Retail Expo needs a next step booked before you leave');
    expect(r.output).toContain('Next: 15-minute intro call, Thu 26 Nov 11:00');
  });
});
