/** Terminal tables and piped rows: widths as a terminal draws them, cuts between graphemes, escapes that can be undone. */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { measureFor, printTsv, renderTable, truncate } from '../../src/cli/output.js';

/** Width as fu measures it, string-width loaded when the text needs it. */
const displayWidth = async (text: string) => (await measureFor([text]))(text);
const cut = async (text: string, width: number) => truncate(text, width, await measureFor([text]));

const graphemesOf = (text: string) => [...new Intl.Segmenter().segment(text)].map((s) => s.segment);

/** Where each cell of a table line starts, in terminal columns. */
function cellStarts(line: string, cells: string[]): number[] {
  let from = 0;
  return cells.map((cell) => {
    const at = line.indexOf(cell, from);
    expect(at, `"${cell}" in "${line}"`).toBeGreaterThanOrEqual(0);
    from = at + cell.length;
    return stringWidth(line.slice(0, at));
  });
}

describe('a table on a terminal', () => {
  const rows = [
    ['#1', '👩🏽‍💻 Dana Reyes', 'Acme', 'demo'],
    ['#2', '山田太郎', '株式会社テスト', 'call back'],
    ['#3', 'Zoë Ångström', 'Café Münster', 'send the deck'],
    ['#4', '김민준', '🚀 Rocket', 'renewal'],
  ];
  const columns = [{ header: 'ID' }, { header: 'Contact' }, { header: 'Company' }, { header: 'What' }];

  it('lines up every column when names hold emoji sequences and CJK characters', async () => {
    const lines = (await renderTable(bufferIO({ columns: 120 }), columns, rows)).split('\n');
    const starts = cellStarts(
      lines[0]!,
      columns.map((c) => c.header),
    );
    for (const [i, row] of rows.entries()) expect(cellStarts(lines[i + 1]!, row)).toEqual(starts);
  });

  it('counts 👩🏽‍💻 as the two columns a terminal gives it, a CJK character as two, é as one', async () => {
    expect(await displayWidth('👩🏽‍💻')).toBe(2);
    expect(await displayWidth('山田')).toBe(4);
    expect(await displayWidth('Zoë')).toBe(3);
    expect(await displayWidth('e\u0301')).toBe(1);
  });

  it('measures Latin text the way string-width does, code point by code point', async () => {
    for (let cp = 0x20; cp <= 0x2ff; cp++) {
      const ch = String.fromCodePoint(cp);
      expect(await displayWidth(ch), `U+${cp.toString(16)}`).toBe(stringWidth(ch));
    }
  });

  it('still fits the terminal when wide names are cut, and every line lines up', async () => {
    const narrow = [{ header: 'ID' }, { header: 'Contact', flex: true, min: 4 }, { header: 'Company', flex: true, min: 4 }, { header: 'What' }];
    const lines = (await renderTable(bufferIO({ columns: 40 }), narrow, rows)).split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(39);
    const what = (line: string) => stringWidth(line.slice(0, line.lastIndexOf('  ') + 2));
    expect(new Set(lines.map(what)).size).toBe(1);
  });
});

describe('truncate', () => {
  /** Graphemes of several code points: emoji sequences, flags, a letter with its accent, Hangul jamo. */
  const tricky = fc.constantFrom('👩🏽‍💻', '👍🏽', '🇫🇷', '1️⃣', 'e\u0301', '\u1100\u1161\u11a8', '山', 'a', ' ');

  it('never cuts an emoji sequence or a letter from its accent', async () => {
    expect(await cut('👩🏽‍💻👩🏽‍💻👩🏽‍💻', 4)).toBe('👩🏽‍💻…');
    expect(await cut('👩🏽‍💻👩🏽‍💻👩🏽‍💻', 3)).toBe('👩🏽‍💻…');
    expect(await cut('Ame\u0301lie Poulain', 5)).toBe('Ame\u0301l…');
    expect(await cut('山田太郎', 6)).toBe('山田…');
    expect(await cut('Zoë Ångström', 5)).toBe('Zoë …');
  });

  it('keeps whole graphemes and fits the width, whatever the text', async () => {
    const measure = await measureFor(['山']);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join('')),
        fc.integer({ min: 1, max: 40 }),
        (text, width) => {
          const cut = truncate(text, width, measure);
          if (cut === text) {
            expect(measure(text)).toBeLessThanOrEqual(width);
            return;
          }
          expect(cut.endsWith('…')).toBe(true);
          expect(measure(cut)).toBeLessThanOrEqual(width);
          const kept = graphemesOf(cut.slice(0, -1));
          expect(kept).toEqual(graphemesOf(text).slice(0, kept.length));
        },
      ),
    );
  });
});

describe('tab-separated rows', () => {
  const tsv = (...values: string[]) => {
    const io = bufferIO();
    printTsv(io, [values]);
    return io.stdout.join('');
  };
  /** Reads a field back: each escape stands for one character. */
  const readBack = (field: string) =>
    field.replace(/\\(\\|t|n|r|x[0-9a-f]{2}|u[0-9a-f]{4})/g, (_, e: string) =>
      e === '\\' ? '\\' : e === 't' ? '\t' : e === 'n' ? '\n' : e === 'r' ? '\r' : String.fromCharCode(Number.parseInt(e.slice(1), 16)),
    );

  it('writes a typed backslash-n and a newline differently', () => {
    expect(tsv('C:\\new', 'C:\nnew')).toBe('C:\\\\new\tC:\\nnew\n');
    expect(tsv('a\\tb')).not.toBe(tsv('a\tb'));
  });

  it('keeps every value on its line and in its column, and gives it back exactly', () => {
    const unit = fc.constantFrom('\\', 'n', 't', 'x', 'u', '1', 'b', ' ', '\n', '\t', '\r', '\x1b', '\x07', '\u2028', '\u202e', 'é', '👩🏽‍💻');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 12 }), { minLength: 1, maxLength: 4 }), (values) => {
        const out = tsv(...values);
        expect(out.indexOf('\n')).toBe(out.length - 1);
        expect(out.slice(0, -1).split('\t').map(readBack)).toEqual(values);
      }),
    );
  });
});
