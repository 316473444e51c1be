/** On the demo, every section of fu prep dana and of fu stats has something to show, as a user reads them on a terminal. */
import { describe, expect, it } from 'vitest';
import { session } from '../helpers.js';
import { runInPty } from '../pty.js';

// Mon 23 Nov 2026: the demo is dated around the day it is loaded.
const NOW = '2026-11-23T08:00:00Z';

/** What a terminal shows, without colour, as blocks of lines split at the blank lines: a heading, then its body. */
async function sections(args: string[]): Promise<Map<string, string[]>> {
  const run = session({ now: NOW });
  expect((await run('demo')).code).toBe(0);
  const r = await runInPty(args, { env: { FU_DB: run.db, FU_NOW: NOW, TZ: 'UTC', HOME: run.dir, NO_COLOR: '1' }, columns: 100 });
  expect(r.code, r.output).toBe(0);
  const blocks = r.output.replace(/\r\n/g, '\n').trimEnd().split('\n\n');
  return new Map(blocks.map((b) => b.split('\n')).map(([heading, ...body]) => [heading!, body]));
}

/** The last number of a line: "given up after 2 attempts  1" gives 1. */
const lastNumber = (line: string) => Number(line.match(/(\d+)\D*$/)?.[1]);

describe('fu demo, read on a terminal', () => {
  it('gives every section of fu prep dana its lines, none of them a placeholder for something missing', async () => {
    const brief = await sections(['prep', 'dana']);
    // A field is its label padded to 11 columns after two spaces of indent, then its text.
    const labels = (heading: string) => brief.get(heading)?.map((l) => l.slice(2, 13).trim());
    expect(labels('Story so far')).toEqual(['First touch', 'Last talked', 'Since then']);
    expect(labels('Open both ways')).toEqual(['You owe', 'They owe', 'Next step']);
    expect(labels('Last time')).toEqual(['Said', 'Agreed', 'Proposal']);
    expect(brief.get('Key points for this call')).toHaveLength(2);
    expect(labels('The close')).toEqual(['Open with', 'Confirm', 'Then', 'Not ready']);
    const text = [...brief.values()].flat().join('\n');
    for (const placeholder of ['none yet', 'never', 'nothing open', 'no conversation yet', 'nothing dated', '(no note)']) {
      expect(text).not.toContain(placeholder);
    }
  });

  it('gives every figure of fu stats something counted, the lost reasons and the weekly chart', async () => {
    const stats = await sections(['stats']);
    const sequences = stats.get('Sequences of attempts, by how they ended')!;
    expect(sequences).toHaveLength(6);
    for (const line of sequences) expect(lastNumber(line), line).toBeGreaterThan(0);
    const replies = stats.get('Replies to your attempts')!;
    expect(replies.filter((l) => l.trim().startsWith('by ')).length).toBeGreaterThan(1);
    expect(replies.filter((l) => l.trim().startsWith('to attempt ')).length).toBe(3);
    // Each rate has attempts to count from, and each attempt number got a reply.
    for (const line of replies) expect(Number(line.match(/ of (\d+)/)?.[1]), line).toBeGreaterThan(0);
    for (const line of replies.filter((l) => l.trim().startsWith('to attempt '))) expect(Number(line.match(/ (\d+) of/)?.[1]), line).toBeGreaterThan(0);
    const [conversations, ...figured] = [...stats.entries()].find(([heading]) => heading.startsWith('Conversations'))!.flat() as string[];
    for (const line of [conversations!, ...figured.filter((l) => !l.startsWith('    '))]) {
      // A zero, or "none" standing for no overrides at all.
      expect(line, line).not.toMatch(/\b0\b|none$/);
    }
    expect(figured.filter((l) => l.startsWith('    ')).length).toBeGreaterThan(1);
    const weeks = stats.get('Touches per week')!;
    expect(weeks.filter((l) => Number(l.match(/^ {2}\d+ \w+ +(\d+)/)?.[1]) > 0).length).toBeGreaterThan(4);
  });
});
