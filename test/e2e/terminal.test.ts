import { describe, expect, it } from 'vitest';
import { session, snapshot } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';

const NOW = '2026-11-23T08:00:00Z';
const ESC = '\u001b[';

async function demo() {
  const run = session({ now: NOW });
  expect((await run('demo')).code).toBe(0);
  return run;
}

const envFor = (run: ReturnType<typeof session>, extra: Record<string, string> = {}) => ({ FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, ...extra });

describe('on a real terminal', () => {
  it('colours fu today by default, so the colour tests below can fail', async () => {
    const run = await demo();
    const r = await runInPty(['today'], { env: envFor(run) });
    expect(r.code).toBe(0);
    expect(r.output).toContain(ESC);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }, []],
    ['TERM=dumb', { TERM: 'dumb' }, []],
    ['--no-color', {}, ['--no-color']],
  ])('prints no escape codes with %s', async (_name, env, flags) => {
    const run = await demo();
    for (const cmd of [['today'], ['stale'], ['list'], ['show', 'dana'], ['config']]) {
      const r = await runInPty([...cmd, ...flags], { env: envFor(run, env) });
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.output, cmd.join(' ')).not.toContain('\u001b');
    }
  });

  it('keeps every line of fu today within 80 columns, even with a 200-character next step (the longest a step takes)', async () => {
    const run = await demo();
    await run(
      'log',
      'felix',
      '--outcome',
      'connected',
      '--next',
      `walk through ${'the whole rollout plan and its many details '.repeat(7)}`.slice(0, 200),
      '--at',
      'today 4pm',
    );
    const r = await runInPty(['today'], { env: envFor(run, { NO_COLOR: '1' }), columns: 80 });
    const lines = r.output.split(/\r?\n/);
    expect(lines.some((l) => l.includes('Felix Wagner'))).toBe(true);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
  });
});

describe('interactive fu log', () => {
  it('asks for what is missing, re-asks the date until the next step is firm, and saves it', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes', '--company', 'Acme');
    const r = await runInPty(['log', 'dana'], {
      env: envFor(run, { NO_COLOR: '1' }),
      steps: [
        ['Channel', KEY.enter], // call, the default
        ['Outcome', KEY.enter], // connected, the first
        ['Note', `call me in two weeks${KEY.enter}`],
        ['What did you agree?', KEY.enter], // a next step
        ['Next step', `demo to the team${KEY.enter}`],
        ['When', `tuesday afternoon${KEY.enter}`], // no time: R2, a time or a soft date
        ['A time, or a soft date?', KEY.enter], // a time
        ['When', `${KEY.clearLine}tue 3pm${KEY.enter}`], // the answer given before is on the line
        ['promise', `n${KEY.enter}`],
        ['Did they say', `n${KEY.enter}`],
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('R1');
    expect(r.output).toContain('3 or 4pm?');
    expect(r.output).toContain('Next: demo to the team, Tue 24 Nov 15:00');
    const shown = await run.json<{ touches: { note: string }[]; nextStep: { what: string } }>('show', 'dana');
    expect(shown.touches).toEqual([expect.objectContaining({ note: 'call me in two weeks' })]);
    expect(shown.nextStep.what).toBe('demo to the team');
  });

  it('exits 130 on Ctrl-C at a prompt, with nothing saved', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    const before = await snapshot(run.db);
    const r = await runInPty(['log', 'dana'], { env: envFor(run, { NO_COLOR: '1' }), steps: [['Channel', KEY.ctrlC]] });
    expect(r.code).toBe(130);
    expect(r.output).toContain('nothing was saved');
    expect(await snapshot(run.db)).toBe(before);
  });

  it('never prompts with --no-input, even on a terminal', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    const r = await runInPty(['--no-input', 'log', 'dana'], { env: envFor(run, { NO_COLOR: '1' }) });
    expect(r.code).toBe(2);
    expect(r.output).toContain('--outcome is required when not interactive');
  });
});
