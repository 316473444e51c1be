/** The one fold fu compares names, companies and emails by (src/text-key.ts), and the typo distances built on it. */
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/domain/similar.js';
import { foldCase, textKey, wordStarts } from '../../src/text-key.js';

describe('foldCase', () => {
  it.each([
    ['ÉMILE', 'émile'],
    ['E\u0301MILE', 'émile'],
    ['ØRSTED', 'ørsted'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['Ǆemal', 'ǆemal'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldCase(text)).toBe(folded);
  });

  it('leaves the Turkish letters to the Unicode default: İ keeps its dot, ı stays dotless', () => {
    expect(foldCase('İ')).toBe('i\u0307');
    expect(foldCase('ı')).toBe('ı');
    expect(foldCase('I')).toBe('i');
  });
});

describe('textKey', () => {
  it('trims and collapses white space before folding', () => {
    expect(textKey('  Émile \t Zola ')).toBe('émile zola');
  });
});

describe('wordStarts', () => {
  it.each([
    ['lena novak', ['lena novak', 'novak']],
    ['marie-claire roux', ['marie-claire roux', 'claire roux', 'roux']],
    ['a - b', ['a - b', 'b']],
    ['-x', ['-x', 'x']],
    ['solo', ['solo']],
  ])('gives the rest of %s from each word on', (key, starts) => {
    expect(wordStarts(key)).toEqual(starts);
  });
});

describe('typo distances', () => {
  it('count no edit between Straße and STRASSE', () => {
    expect(editDistance('STRASSE', 'Straße')).toBe(0);
  });

  it('rank a name written with ß first for the same name typed with ss', () => {
    const names = [
      { id: 1, name: 'Anna Strasser', company: null },
      { id: 2, name: 'Anna Straße', company: null },
    ];
    expect(closest('anna strasse', names).map((c) => c.id)).toEqual([2, 1]);
  });
});
