import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { runInPty } from '../pty.js';

// Mon 23 Nov 2026, 09:00 UTC: the demo's day.
const NOW = '2026-11-23T09:00:00Z';

async function demo() {
  const run = session({ now: NOW });
  expect((await run('demo')).code).toBe(0);
  return run;
}

/** What an 80-column terminal shows, lines without their carriage returns. */
async function screen(run: ReturnType<typeof session>, args: string[], now = NOW): Promise<string> {
  const r = await runInPty(args, { env: { FU_DB: run.db, FU_NOW: now, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' }, columns: 80 });
  expect(r.code, r.output).toBe(0);
  return r.output.replace(/\r\n/g, '\n');
}

const fits = (text: string) => {
  for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
};

describe('screens at 80 columns', () => {
  it('fu today gives the break-up command and the channel hint lines of their own, never cut', async () => {
    const run = await demo();
    const out = await screen(run, ['today']);
    fits(out);
    expect(out).toContain('\n    $ fu draft 4 --breakup\n');
    expect(out).toContain('\n    2 unanswered by call in a row: try another channel or a mutual introduction\n');
    await expect(out).toMatchFileSnapshot('golden/today-80.txt');
  });

  it('fu list shows what the next step is, the date in a column of its own', async () => {
    const run = await demo();
    const out = await screen(run, ['list']);
    fits(out);
    expect(out).toMatch(/#1 +Dana Reyes +Acme Logistics +active +demo to the fin… +Mon 23 Nov 15:00\n/);
    await expect(out).toMatchFileSnapshot('golden/list-80.txt');
  });

  it('fu stale wraps the why between words, so "write it with fu draft 9" is whole, and says replied after a written reply', async () => {
    const run = await demo();
    const out = await screen(run, ['stale']);
    fits(out);
    expect(out).toContain('    replied Sat 24 Oct, then 1 unanswered attempt; silent 20 days; write it\n    with fu draft 9\n');
    await expect(out).toMatchFileSnapshot('golden/stale-80.txt');
  });

  it('fu show wraps at words, the timeline continuing under its text', async () => {
    const run = await demo();
    await run(
      'log',
      'chloe',
      '--via',
      'email',
      '--outcome',
      'replied',
      '--note',
      'asked us to come back once their two warehouses in Lyon and Marseille have merged their planning teams',
    );
    const chloe = await screen(run, ['show', 'chloe'], '2026-12-10T09:00:00Z');
    fits(chloe);
    expect(chloe).toMatch(
      /\n {2}Mon 23 Nov 09:00 {2}touch t\d+ email replied: asked us to come back once their\n {20}two warehouses in Lyon and Marseille have merged their\n {20}planning teams\n/,
    );
    await expect(chloe).toMatchFileSnapshot('golden/show-80.txt');
  });

  it('fu show says how many days late a chase is, and piped it ends no line with a space', async () => {
    const run = await demo();
    const piped = await run('show', 'chloe');
    expect(piped.stdout).toContain('Next chase due Fri 6 Nov, 17 days late.\n');
    expect(piped.stdout).not.toMatch(/ \n/);
  });
});

describe('--help', () => {
  it.each(['add', 'log', 'edit', 'import'])('fu %s --help shows no empty list as a default', async (command) => {
    const run = session({ now: NOW });
    const r = await run(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(repeat/);
    expect(r.stdout).not.toContain('(default: [])');
  });
});
