import { describe, expect, it } from 'vitest';
import { checkMessage, MAX_WORDS } from '../../src/domain/check.js';
import { WEAK_PHRASES } from '../../src/domain/weak-phrases.js';

// Monday 23 Nov 2026.
const TODAY = '2026-11-23';

describe('checkMessage', () => {
  it.each([
    [
      'a short message with history, reason and one ask',
      'Hi Dana,\n\nWe spoke on Thu about the pilot. Your team doubled this quarter.\n\nWould Tue at 15:00 or Wed at 10:00 suit you?\n\nBest,\nSam',
    ],
    ['a question in the subject line is not a second ask', 'Subject: Should I close your file?\nHi Lee,\n\nShould I close the file for now?\n\nSam'],
    ['"??" counts as one ask', 'Can we meet on Tue at 15:00??'],
    ['a phrase inside another word is not flagged', 'We are retouching base layers; can we talk Tue at 15:00?'],
  ])('finds nothing in %s', (_what, text) => {
    expect(checkMessage(text, TODAY)).toEqual([]);
  });

  it.each([
    ['Hi Dana, just checking in. Can we talk Tue?', 'weak-phrase', 'just checking in', 1, 10],
    ['Hi,\nJust touching base. Can we talk Tue?', 'weak-phrase', 'touching base', 2, 6],
    ['Hi,\n\nCircling  back on this. Can we talk Tue?', 'weak-phrase', 'Circling  back', 3, 1],
    ['Hope all is well! Can we talk Tue?', 'weak-phrase', 'Hope all is well', 1, 1],
    ['Can we talk Tue? Feel free to reach out.', 'weak-phrase', 'Feel free to reach out', 1, 18],
    ['Following up on my last email. Can we talk Tue?', 'weak-phrase', 'Following up on my last email', 1, 1],
    ['Hi Dana,\nany update?', 'weak-phrase', 'any update', 2, 1],
    ['Hi Dana, we met on Thu. Talk soon.', 'no-ask', '', 1, 35],
    ['Hi Dana. Can we talk Tue? Or is Wed better?', 'many-asks', 'Or is Wed better?', 1, 27],
  ])('flags %j', (text, kind, phrase, line, column) => {
    const findings = checkMessage(text, TODAY);
    expect(findings).toContainEqual(expect.objectContaining({ kind, phrase, line, column }));
    const f = findings.find((x) => x.kind === kind)!;
    expect(f.offset).toBe(
      text
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length +
        (line > 1 ? 1 : 0) +
        column -
        1,
    );
    expect(f.suggestion.length).toBeGreaterThan(10);
  });

  it(`flags a message over ${MAX_WORDS} words at the first word too many`, () => {
    const text = `${Array.from({ length: 160 }, (_, i) => `w${i}`).join(' ')} ok?`;
    const f = checkMessage(text, TODAY).find((x) => x.kind === 'too-long')!;
    expect(f.phrase).toBe('161 words');
    expect(text.slice(f.offset, f.offset + 4)).toBe('w150');
  });

  describe.each(WEAK_PHRASES.map((p) => [p.phrase, p]))('the weak phrase %j', (_phrase, { phrase, alone }) => {
    const capitalised = phrase.charAt(0).toUpperCase() + phrase.slice(1);
    const shouted = phrase.toUpperCase();
    const typographic = phrase.replace(/'/g, '\u2019');
    const spaced = phrase.replace(/ /g, '  \n');
    it.each([
      ['lower case, a full stop', `Hi Dana,\n\n${phrase}.\n\nCan we talk Tue?`],
      ['capitalised, no punctuation', `Hi Dana,\n\n${capitalised}\n\nCan we talk Tue?`],
      ['in capitals, an exclamation mark', `Hi Dana. ${shouted}! Can we talk Tue?`],
      ['typographic apostrophe and line breaks, a comma', `Hi Dana,\n\n${alone ? typographic : spaced.replace(/'/g, '\u2019')}, can we talk Tue?`],
    ])('is flagged: %s', (_how, text) => {
      const found = checkMessage(text, TODAY).filter((f) => f.kind === 'weak-phrase');
      expect(found).toHaveLength(1);
      expect(
        found[0]!.phrase
          .toLowerCase()
          .replace(/\s+/g, ' ')
          .replace(/\u2019/g, "'"),
      ).toBe(phrase);
    });
  });

  it.each([
    ['following up on the quote you asked for', 'Hi Dana, I am following up on the quote you asked for. Can we talk Tue?'],
    ['a word that contains a phrase', 'Our touch-based screens are out. Can we talk Tue?'],
  ])('does not flag %s', (_what, text) => {
    expect(checkMessage(text, TODAY)).toEqual([]);
  });

  it.each([['[WHY NOW: something relevant to them today]'], ['[YOUR NAME]'], ['[WHAT YOU SHARE: an article]']])(
    'flags the unfilled placeholder %s',
    (placeholder) => {
      const text = `Hi Dana,\n\n${placeholder}\n\nCan we talk Tue?`;
      expect(checkMessage(text, TODAY)).toEqual([expect.objectContaining({ kind: 'placeholder', phrase: placeholder, line: 3, column: 1 })]);
    },
  );

  it('does not count "Any updates?" as the message\'s ask', () => {
    const kinds = checkMessage('Hi Dana, any updates?', TODAY).map((f) => f.kind);
    expect(kinds).toEqual(['weak-phrase', 'no-ask']);
    expect(checkMessage('Any updates? Would Tue at 15:00 suit you?', TODAY).map((f) => f.kind)).toEqual(['weak-phrase']);
  });

  it('dates its example slots from today, skipping the weekend', () => {
    const onFriday = checkMessage('Hi Dana.', '2027-03-05').find((f) => f.kind === 'no-ask')!;
    expect(onFriday.suggestion).toContain('"Would Mon 8 Mar at 15:00 or Tue 9 Mar at 10:00 suit you for 15 minutes?"');
  });
});
