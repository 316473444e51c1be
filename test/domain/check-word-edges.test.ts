import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/domain/check.js';

const TODAY = '2026-11-23';
const weakPhrases = (text: string) => checkMessage(text, TODAY).filter((f) => f.kind === 'weak-phrase');

describe('a weak phrase is flagged only as words of its own', () => {
  it.each([
    ['a letter of another script just before it', 'Éjust checking in. Can we talk Tue?'],
    ['a letter outside the Basic Multilingual Plane just before it', '\u{1D400}just checking in. Can we talk Tue?'],
    ['a letter outside the Basic Multilingual Plane just after it', 'Just checking in\u{1D400}. Can we talk Tue?'],
    ['a digit just after it', 'Just checking in2. Can we talk Tue?'],
  ])('not with %s', (_what, text) => {
    expect(weakPhrases(text)).toEqual([]);
  });

  it.each([
    ['an emoji just before it', '\u{1F642}just checking in. Can we talk Tue?', 'just checking in'],
    ['a match inside a word, then the same words on their own', 'Many updates since; any update? Can we talk Tue?', 'any update'],
    ['any case, and a curly apostrophe', 'HOPE YOU\u2019RE DOING WELL. Can we talk Tue?', 'HOPE YOU\u2019RE DOING WELL'],
  ])('with %s', (_what, text, first) => {
    expect(weakPhrases(text)[0]?.phrase).toBe(first);
  });
});
