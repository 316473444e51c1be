/**
 * `fu check`: a lint for follow-up messages (why fu exists, docs/rules.md). Pure.
 *
 * The heuristics, kept simple on purpose:
 * - a weak phrase is one of WEAK_PHRASES (weak-phrases.ts), case-insensitive, any spacing;
 * - a placeholder left by a draft (`[WHY NOW: ...]`) is a finding until it is filled in;
 * - an ask is a sentence ending in a question mark (`??` counts once):
 *   none is "no ask", two or more is "more than one ask"; a question that asks for
 *   nothing concrete ("Any updates?") is not an ask;
 * - more than 150 words is "too long" (a word is a run of non-blank characters).
 * A first line `Subject: ...` is checked for weak phrases only: a question in
 * the subject is not the ask, and it does not count as words.
 */

import { addDays, formatDay, weekdayOf } from './time.js';
import type { LocalDate } from './types.js';
import { WEAK_PHRASES } from './weak-phrases.js';

export type FindingKind = 'weak-phrase' | 'placeholder' | 'no-ask' | 'many-asks' | 'too-long';

interface Finding {
  kind: FindingKind;
  /** The text found (the phrase, the second ask's sentence, the word count). */
  phrase: string;
  /** 1-based line and column, and the 0-based offset in the text. */
  line: number;
  column: number;
  offset: number;
  suggestion: string;
}

export const MAX_WORDS = 150;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsPattern = (phrase: string) =>
  phrase
    .split(' ')
    .map((w) => escapeRegExp(w).replace(/'/g, "['\u2019]"))
    .join('\\s+');
// Not Unicode-mode patterns: 21 of them with \p{L} classes took 15-20 ms to compile on every fu check. The
// phrases are ASCII, so plain case-insensitive matching finds the same text; the "not inside a word" test of the
// others is done on the characters around each match (isWordEdge).
const PHRASES = WEAK_PHRASES.map(({ phrase, suggestion, alone, notAnAsk }) => ({
  suggestion,
  notAnAsk: Boolean(notAnAsk),
  alone: Boolean(alone),
  re: alone
    ? // The whole sentence or clause: it starts the text, a paragraph or a clause, and ends at a stop, a comma, a paragraph or the text's end.
      new RegExp(`(?<=^|[.!?,;:]\\s+|\\n[ \\t]*\\n\\s*)${wordsPattern(phrase)}(?=\\s*[.!?,;:]|[ \\t]*\\n[ \\t]*\\n|\\s*$)`, 'gi')
    : new RegExp(wordsPattern(phrase), 'gi'),
}));

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;

/** Whether text[start, end) is not part of a longer word: no letter or digit (any script) just before or after it. */
const isWordEdge = (text: string, start: number, end: number) =>
  // Two UTF-16 units each side: a character outside the BMP is a surrogate pair.
  !LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && !LETTER_OR_DIGIT_AFTER.test(text.slice(end, end + 2));

/** The matches of a phrase's pattern, each retried one character later when it lies inside a word. */
function* phraseMatches(text: string, pattern: RegExp, alone: boolean): Generator<RegExpExecArray> {
  const re = new RegExp(pattern); // its own lastIndex; V8 reuses the compiled pattern
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (alone || isWordEdge(text, m.index, m.index + m[0].length)) yield m;
    else re.lastIndex = m.index + 1;
  }
}

/** A placeholder a draft leaves to fill in: `[WHY NOW: ...]`, `[YOUR NAME]`. */
const PLACEHOLDER = /\[[A-Z][A-Z ]*[A-Z](?::[^\]\n]*)?\]/g;

function position(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
}

/** The next two working days after `today`, for the example slots of the suggestions. */
function exampleDays(today: LocalDate): [string, string] {
  const days: string[] = [];
  for (let d = addDays(today, 1); days.length < 2; d = addDays(d, 1)) {
    if (weekdayOf(d) !== 0 && weekdayOf(d) !== 6) days.push(formatDay(d, today));
  }
  return [days[0]!, days[1]!];
}

/** Checks a message; `today` dates the example slots in the suggestions. */
export function checkMessage(text: string, today: LocalDate): Finding[] {
  const [day1, day2] = exampleDays(today);
  const withDays = (s: string) => s.replace(/\{day1\}/g, day1).replace(/\{day2\}/g, day2);
  const findings: Finding[] = [];
  // The question marks that close a question asking for nothing concrete.
  const emptyAsks = new Set<number>();
  for (const { re, suggestion, notAnAsk, alone } of PHRASES) {
    for (const m of phraseMatches(text, re, alone)) {
      findings.push({ kind: 'weak-phrase', phrase: m[0], ...position(text, m.index), suggestion: withDays(suggestion) });
      const mark = notAnAsk ? /^\s*\?/.exec(text.slice(m.index + m[0].length)) : null;
      if (mark) emptyAsks.add(m.index + m[0].length + mark[0].length - 1);
    }
  }
  for (const m of text.matchAll(PLACEHOLDER)) {
    findings.push({ kind: 'placeholder', phrase: m[0], ...position(text, m.index), suggestion: 'Fill in the placeholder, or take it out.' });
  }
  const subject = /^Subject:[^\n]*(\n|$)/i.exec(text);
  const bodyStart = subject ? subject[0].length : 0;
  const body = text.slice(bodyStart);

  const asks = [...body.matchAll(/\?+/g)].filter((m) => !emptyAsks.has(bodyStart + m.index));
  if (asks.length === 0) {
    const end = text.replace(/\s+$/, '').length;
    findings.push({
      kind: 'no-ask',
      phrase: '',
      ...position(text, end),
      suggestion: withDays('End with one clear question for the next step, e.g. "Would {day1} at 15:00 or {day2} at 10:00 suit you for 15 minutes?"'),
    });
  } else if (asks.length > 1) {
    const second = asks[1]!;
    const startOfSentence =
      Math.max(
        body.lastIndexOf('.', second.index),
        body.lastIndexOf('!', second.index),
        body.lastIndexOf('?', second.index - 1),
        body.lastIndexOf('\n', second.index),
      ) + 1;
    const lead = body.slice(startOfSentence).length - body.slice(startOfSentence).trimStart().length;
    const from = startOfSentence + lead;
    findings.push({
      kind: 'many-asks',
      phrase: body.slice(from, second.index + second[0].length),
      ...position(text, bodyStart + from),
      suggestion: `Keep one ask: this message asks ${asks.length} questions. Keep the one that moves to the next step.`,
    });
  }

  const words = [...body.matchAll(/\S+/g)];
  if (words.length > MAX_WORDS) {
    findings.push({
      kind: 'too-long',
      phrase: `${words.length} words`,
      ...position(text, bodyStart + words[MAX_WORDS]!.index),
      suggestion: `Cut it to ${MAX_WORDS} words or fewer (about 120 is better): one line of history, one reason, one ask.`,
    });
  }
  return findings.sort((a, b) => a.offset - b.offset);
}
