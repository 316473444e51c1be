/** The interactive fu log asks for what they said they would do, as it asks for promises. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { KEY, runInPty } from '../pty.js';

const NOW = '2026-11-23T09:00:00Z';

describe('fu log in a terminal', () => {
  it('asks "Did they say they would do something by a date?" after a conversation, and records the answer', async () => {
    const run = session({ now: NOW });
    await run('add', 'Dana Reyes');
    const r = await runInPty(['log', 'dana', '--outcome', 'connected', '--next', 'decision call', '--at', 'fri 11am'], {
      env: { FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' },
      steps: [
        ['Did you promise', KEY.enter],
        ['Did they say they would do something by a date?', `y${KEY.enter}`],
        ['What will they do', `review it with the team${KEY.enter}`],
        ['By when', `wed${KEY.enter}`],
        ['Anything else they said they would do?', KEY.enter], // asked once, then this
      ],
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('Expected from them c2: review it with the team, by Wed 25 Nov 17:00.');
    const shown = await run.json<{ commitments: { kind: string; what: string; dueDate: string }[] }>('show', 'dana');
    expect(shown.commitments.find((c) => c.kind === 'expectation')).toMatchObject({ what: 'review it with the team', dueDate: '2026-11-25' });
  });
});
