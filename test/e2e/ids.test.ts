/**
 * Ids that cannot be confused (Ids, docs/rules.md): one visible form per kind, so no
 * screen shows one token for two kinds of thing, and an id of the wrong kind is refused.
 */
import { describe, expect, it } from 'vitest';
import { session, snapshot, type Session } from '../helpers.js';
import { runInPty } from '../pty.js';

// Mon 23 Nov 2026, 09:00 UTC: the demo's day. In the demo, contact 5 is Ana Costa and commitment 5 a promise to Priya Nair.
const NOW = '2026-11-23T09:00:00Z';

async function demo(): Promise<Session> {
  const run = session({ now: NOW });
  expect((await run('demo')).code).toBe(0);
  return run;
}

/** What an 80-column terminal shows. */
async function screen(run: Session, args: string[]): Promise<string> {
  const r = await runInPty(args, { env: { FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' }, columns: 80 });
  expect(r.code, r.output).toBe(0);
  return r.output.replace(/\r\n/g, '\n');
}

type Kind = 'contact' | 'commitment' | 'touch';

/** Sections of fu today whose ID column holds a commitment; the others (chases, nurture) hold a contact. */
const COMMITMENT_SECTIONS = /^(Appointments|Overdue|Promises due|Expected from them) \(/;
const CONTACT_COMMANDS = /\$ fu (?:prep|draft|log|next|close|show|edit) (#?\d+)\b/g;
const COMMITMENT_COMMANDS = /\$ fu (?:done|cancel) (\S+)/g;
/** The words a screen puts before a commitment's or a touch's id. */
const COMMITMENT_WORDS = /(?:[Pp]romise|[Nn]ext step|next-step|expectation|Expected from them|You owe|They owe|Confirm) +$/;
const TOUCH_WORDS = /touch +$/;
const TOKEN = /#\d+|\b[ctw]\d+\b/g;

/**
 * Every id token on a screen, grouped by the kind of thing the screen means by it
 * (read as a seller reads it: the section or column it is in, the word before it,
 * the command it is given to). A token the reading cannot place fails the test, so
 * no id slips by unchecked. A bare contact id in a command counts as its `#` form.
 */
function tokensByKind(text: string): Record<Kind, Set<string>> {
  const found: Record<Kind, Set<string>> = { contact: new Set(), commitment: new Set(), touch: new Set() };
  let idColumnKind: Kind = 'contact';
  let inTable = false;
  for (const line of text.split('\n')) {
    const heading = /^[A-Z][\w -]*(?::[^(]*)? \(\d+\)$/.exec(line);
    if (heading) idColumnKind = COMMITMENT_SECTIONS.test(line) ? 'commitment' : 'contact';
    if (/^ID +Contact/.test(line)) inTable = true;
    else if (line === '') inTable = false;
    const commands = new Map<number, Kind>();
    for (const m of line.matchAll(CONTACT_COMMANDS)) {
      found.contact.add(m[1]!.startsWith('#') ? m[1]! : `#${m[1]}`);
      commands.set(m.index + m[0].length - m[1]!.length, 'contact');
    }
    for (const m of line.matchAll(COMMITMENT_COMMANDS)) {
      found.commitment.add(m[1]!);
      commands.set(m.index + m[0].length - m[1]!.length, 'commitment');
    }
    for (const m of line.matchAll(TOKEN)) {
      if (commands.has(m.index)) continue;
      const before = line.slice(0, m.index);
      let kind: Kind | null = null;
      if (m.index === 0 && inTable) kind = idColumnKind;
      else if (m.index === 0 && / · /.test(line))
        kind = 'contact'; // the header of fu show and fu prep: "#1 Dana Reyes · Acme"
      else if (TOUCH_WORDS.test(before)) kind = 'touch';
      else if (COMMITMENT_WORDS.test(before)) kind = 'commitment';
      if (kind === null) throw new Error(`cannot tell what ${m[0]} means in: ${line}`);
      found[kind].add(m[0]);
    }
  }
  return found;
}

function expectDisjoint(text: string): void {
  const found = tokensByKind(text);
  const kinds = Object.keys(found) as Kind[];
  for (const a of kinds)
    for (const b of kinds) {
      if (a >= b) continue;
      const both = [...found[a]].filter((t) => found[b].has(t));
      expect(both, `shown both as ${a} and as ${b}:\n${text}`).toEqual([]);
    }
  expect(found.contact.size + found.commitment.size + found.touch.size).toBeGreaterThan(0);
}

describe('no screen shows one token for two kinds of thing', () => {
  it("the demo's fu today shows promise 5 as c5 and Ana Costa as #5", async () => {
    const run = await demo();
    const out = await screen(run, ['today']);
    expectDisjoint(out);
    expect(out).toMatch(/^c5 +Priya Nair/m);
    expect(out).toMatch(/^#5 +Ana Costa/m);
  });

  it("the demo's fu stale names a missed promise c2 beside contact #2", async () => {
    const run = await demo();
    const out = await screen(run, ['stale']);
    expectDisjoint(out);
    expect(out).toContain('$ fu done c2');
  });

  it("the demo's fu show and fu prep tell the contact, its commitments and its touches apart", async () => {
    const run = await demo();
    for (const args of [
      ['show', '1'],
      ['prep', '1'],
      ['show', '9'],
      ['prep', '3'],
    ])
      expectDisjoint(await screen(run, args));
  });

  it("piped, fu today's id column says which kind each row's id is", async () => {
    const run = await demo();
    const rows = (await run('today')).stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const ids = rows.map(([section, id, contact]) => `${section} ${id} ${contact}`);
    expect(ids).toContain('promises c5 Priya Nair');
    expect(ids).toContain('chases #5 Ana Costa');
  });
});

describe('an id of the wrong kind is refused, saying what it is', () => {
  it('fu done 5 with contact 5 is exit 4 naming the contact, and closes nothing', async () => {
    const run = await demo();
    const before = await snapshot(run.db);
    const r = await run('done', '5');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('#5 is the contact Ana Costa, not a commitment.');
    expect(r.stderr).toContain('c12');
    expect(await snapshot(run.db)).toBe(before);
  });

  it('fu done c5 closes the promise to Priya Nair', async () => {
    const run = await demo();
    const r = await run('done', 'c5');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Done c5 \(promise for Priya Nair\): send the clinic case study/);
    const priya = await run.json<{ commitments: { handle: string; state: string }[] }>('show', 'priya');
    expect(priya.commitments.find((c) => c.handle === 'c5')?.state).toBe('kept');
  });

  it('a commitment id given as CONTACT is exit 4 saying whose commitment it is', async () => {
    const run = await demo();
    const r = await run('show', 'c5');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('c5 is a promise to Priya Nair ("send the clinic case study"), not a contact.');
  });

  it('fu touch rm and fu touch edit take a touch id and refuse a contact or a commitment id, saying what it is', async () => {
    const run = await demo();
    const before = await snapshot(run.db);
    const asContact = await run('touch', 'rm', '5');
    expect(asContact.code).toBe(4);
    expect(asContact.stderr).toMatch(/^fu: #5 is the contact [^,]+, not a touch\./);
    const asPromise = await run('touch', 'edit', 'c5', '--note', 'x');
    expect(asPromise.code).toBe(4);
    expect(asPromise.stderr).toContain('c5 is a promise to Priya Nair ("send the clinic case study"), not a touch.');
    expect((await run('touch', 'rm', 'c5')).code).toBe(4);
    expect(await snapshot(run.db)).toBe(before);
    const r = await run('touch', 'rm', 't1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Removed touch t1 of Dana Reyes/);
  });

  it('fu undo takes a write id from fu undo --list and refuses a commitment id', async () => {
    const run = await demo();
    await run('done', 'c5');
    const refused = await run('undo', 'c5');
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('c5 is a promise to Priya Nair');
    const [latest] = await run.json<{ handle: string }[]>('undo', '--list');
    expect(latest!.handle).toMatch(/^w\d+$/);
    const r = await run('undo', latest!.handle);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('done of promise c5 for Priya Nair');
  });

  it('fu invite --cancel takes a commitment id, and a contact id there is exit 4 naming the contact', async () => {
    const run = await demo();
    await run('config', 'user.email', 'me@example.com');
    const r = await run('invite', 'dana', '--cancel', '5');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('#5 is the contact Ana Costa, not a commitment.');
  });

  it('a number no contact has, where a commitment is expected, is exit 4 saying it would be a contact id', async () => {
    const run = await demo();
    const r = await run('cancel', '99');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('#99 is a contact id (no contact has it), not a commitment id.');
  });

  it('a text that is no id is exit 2; the letter is read in either case', async () => {
    const run = await demo();
    expect((await run('done', 'x5')).code).toBe(2);
    expect((await run('done', 'C5')).code).toBe(0);
  });
});

describe('--json keeps the numeric ids and adds the handle shown on screen', () => {
  it('fu today: c5 for the promise, #5 for the chase of Ana Costa', async () => {
    const run = await demo();
    type Row = { id: number; idKind: string; handle: string; contact: string };
    const today = await run.json<{ promises: Row[]; chases: Row[] }>('today');
    expect(today.promises.find((r) => r.contact === 'Priya Nair')).toMatchObject({ id: 5, idKind: 'commitment', handle: 'c5' });
    expect(today.chases.find((r) => r.contact === 'Ana Costa')).toMatchObject({ id: 5, idKind: 'contact', handle: '#5' });
  });

  it("fu show: each commitment's and touch's handle", async () => {
    const run = await demo();
    const dana = await run.json<{ touches: { id: number; handle: string }[]; commitments: { id: number; handle: string }[] }>('show', '1');
    for (const t of dana.touches) expect(t.handle).toBe(`t${t.id}`);
    for (const c of dana.commitments) expect(c.handle).toBe(`c${c.id}`);
    expect(dana.commitments.length).toBeGreaterThan(0);
  });
});
