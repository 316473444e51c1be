/**
 * `fu check`: a lint for follow-up messages (why fu exists, docs/rules.md). Pure.
 *
 * The heuristics, kept simple on purpose:
 * - a weak phrase is one of WEAK_PHRASES, case-insensitive, any spacing;
 * - an ask is a sentence ending in a question mark (`??` counts once):
 *   none is "no ask", two or more is "more than one ask";
 * - more than 150 words is "too long" (a word is a run of non-blank characters).
 * A first line `Subject: ...` is checked for weak phrases only: a question in
 * the subject is not the ask, and it does not count as words.
 */

export type FindingKind = 'weak-phrase' | 'no-ask' | 'many-asks' | 'too-long';

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

const WEAK_PHRASES: readonly (readonly [phrase: string, suggestion: string])[] = [
  ['just checking in', 'Say why you are writing now: something relevant to them today.'],
  ['touching base', 'Say why you are writing now, then ask for one concrete next step.'],
  ['touch base', 'Name the concrete next step: "a 15-minute call on Tue at 15:00".'],
  ['circling back', 'Remind them of your history in one line ("When we spoke on Mon about X..."), then say why now.'],
  ['circle back', 'Name the concrete next step and its time instead.'],
  ['hope all is well', 'Open with your history together or the reason you are writing.'],
  ['hope this email finds you well', 'Open with your history together or the reason you are writing.'],
  ['feel free to reach out', 'End with one clear ask they can answer in a word.'],
  ['following up on my last email', 'Bring something new: a reason that matters to them today.'],
  ['just following up', 'Bring something new: a reason that matters to them today.'],
  ['any update?', 'Ask for one concrete step: "Would Tue at 15:00 or Wed at 10:00 suit you for 15 minutes?"'],
  ['any updates?', 'Ask for one concrete step: "Would Tue at 15:00 or Wed at 10:00 suit you for 15 minutes?"'],
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASES = WEAK_PHRASES.map(([phrase, suggestion]) => ({
  suggestion,
  re: new RegExp(`(?<![\\p{L}\\p{N}])${phrase.split(' ').map(escapeRegExp).join('\\s+')}${/\w$/.test(phrase) ? '(?![\\p{L}\\p{N}])' : ''}`, 'giu'),
}));

function position(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
}

export function checkMessage(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const { re, suggestion } of PHRASES) {
    for (const m of text.matchAll(re)) {
      findings.push({ kind: 'weak-phrase', phrase: m[0], ...position(text, m.index), suggestion });
    }
  }
  const subject = /^Subject:[^\n]*(\n|$)/i.exec(text);
  const bodyStart = subject ? subject[0].length : 0;
  const body = text.slice(bodyStart);

  const asks = [...body.matchAll(/\?+/g)];
  if (asks.length === 0) {
    const end = text.replace(/\s+$/, '').length;
    findings.push({
      kind: 'no-ask',
      phrase: '',
      ...position(text, end),
      suggestion: 'End with one clear question for the next step, e.g. "Would Tue 24 Nov at 15:00 or Wed 25 Nov at 10:00 suit you for 15 minutes?"',
    });
  } else if (asks.length > 1) {
    const second = asks[1]!;
    const startOfSentence = Math.max(body.lastIndexOf('.', second.index), body.lastIndexOf('!', second.index), body.lastIndexOf('?', second.index - 1), body.lastIndexOf('\n', second.index)) + 1;
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
