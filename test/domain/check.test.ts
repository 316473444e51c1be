import { describe, expect, it } from 'vitest';
import { checkMessage, MAX_WORDS } from '../../src/domain/check.js';

describe('checkMessage', () => {
  it.each([
    ['a short message with history, reason and one ask', 'Hi Dana,\n\nWe spoke on Thu about the pilot. Your team doubled this quarter.\n\nWould Tue at 15:00 or Wed at 10:00 suit you?\n\nBest,\nSam'],
    ['a question in the subject line is not a second ask', 'Subject: Should I close your file?\nHi Lee,\n\nShould I close the file for now?\n\nSam'],
    ['"??" counts as one ask', 'Can we meet on Tue at 15:00??'],
    ['a phrase inside another word is not flagged', 'We are retouching base layers; can we talk Tue at 15:00?'],
  ])('finds nothing in %s', (_what, text) => {
    expect(checkMessage(text)).toEqual([]);
  });

  it.each([
    ['Hi Dana, just checking in. Can we talk Tue?', 'weak-phrase', 'just checking in', 1, 10],
    ['Hi,\nJust touching base. Can we talk Tue?', 'weak-phrase', 'touching base', 2, 6],
    ['Hi,\n\nCircling  back on this. Can we talk Tue?', 'weak-phrase', 'Circling  back', 3, 1],
    ['Hope all is well! Can we talk Tue?', 'weak-phrase', 'Hope all is well', 1, 1],
    ['Can we talk Tue? Feel free to reach out.', 'weak-phrase', 'Feel free to reach out', 1, 18],
    ['Following up on my last email. Can we talk Tue?', 'weak-phrase', 'Following up on my last email', 1, 1],
    ['Hi Dana,\nany update?', 'weak-phrase', 'any update?', 2, 1],
    ['Hi Dana, we met on Thu. Talk soon.', 'no-ask', '', 1, 35],
    ['Hi Dana. Can we talk Tue? Or is Wed better?', 'many-asks', 'Or is Wed better?', 1, 27],
  ])('flags %j', (text, kind, phrase, line, column) => {
    const findings = checkMessage(text);
    expect(findings).toContainEqual(expect.objectContaining({ kind, phrase, line, column }));
    const f = findings.find((x) => x.kind === kind)!;
    expect(f.offset).toBe(text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0) + column - 1);
    expect(f.suggestion.length).toBeGreaterThan(10);
  });

  it(`flags a message over ${MAX_WORDS} words at the first word too many`, () => {
    const text = `${Array.from({ length: 160 }, (_, i) => `w${i}`).join(' ')} ok?`;
    const f = checkMessage(text).find((x) => x.kind === 'too-long')!;
    expect(f.phrase).toBe('161 words');
    expect(text.slice(f.offset, f.offset + 4)).toBe('w150');
  });
});
