/**
 * The phrases `fu check` flags, each with what to write instead: the phrases that
 * get follow-up messages ignored (docs/rules.md). Data only; matching is in check.ts.
 *
 * - `phrase`: lower case, words separated by single spaces; an apostrophe also
 *   matches the typographic one. Matched case-insensitively, any spacing, whole words.
 * - `alone`: flagged only when it is the whole sentence ("Following up." but not
 *   "following up on the quote you asked for").
 * - `notAnAsk`: a question that asks for nothing concrete; its question mark does
 *   not count as the message's ask.
 * - `{day1}` and `{day2}` in a suggestion are the next two working days.
 */
export interface WeakPhrase {
  phrase: string;
  suggestion: string;
  alone?: boolean;
  notAnAsk?: boolean;
}

const ONE_STEP = 'Ask for one concrete step: "Would {day1} at 15:00 or {day2} at 10:00 suit you for 15 minutes?"';
const WHY_NOW = 'Say why you are writing now: something relevant to them today.';
const OPEN_WITH_HISTORY = 'Open with your history together or the reason you are writing.';
const SOMETHING_NEW = 'Bring something new: a reason that matters to them today.';
const ONE_CLEAR_ASK = 'End with one clear ask they can answer in a word.';

export const WEAK_PHRASES: readonly WeakPhrase[] = [
  { phrase: 'just checking in', suggestion: WHY_NOW },
  { phrase: 'touching base', suggestion: 'Say why you are writing now, then ask for one concrete next step.' },
  { phrase: 'touch base', suggestion: 'Name the concrete next step: "a 15-minute call on {day1} at 15:00".' },
  { phrase: 'circling back', suggestion: 'Remind them of your history in one line ("When we spoke on Mon about X..."), then say why now.' },
  { phrase: 'circle back', suggestion: 'Name the concrete next step and its time instead.' },
  { phrase: 'hope all is well', suggestion: OPEN_WITH_HISTORY },
  { phrase: 'hope this email finds you well', suggestion: OPEN_WITH_HISTORY },
  { phrase: "hope you're doing well", suggestion: OPEN_WITH_HISTORY },
  { phrase: 'hope you are doing well', suggestion: OPEN_WITH_HISTORY },
  { phrase: 'feel free to reach out', suggestion: ONE_CLEAR_ASK },
  { phrase: 'let me know your thoughts', suggestion: ONE_STEP },
  { phrase: 'let me know if you have any questions', suggestion: ONE_CLEAR_ASK },
  { phrase: 'following up on my last email', suggestion: SOMETHING_NEW },
  { phrase: 'just following up', suggestion: SOMETHING_NEW },
  { phrase: 'following up', suggestion: SOMETHING_NEW, alone: true },
  { phrase: 'just wanted to', suggestion: 'Say it directly: what you are writing about and why it matters to them now.' },
  { phrase: "i know you're busy", suggestion: 'Respect their time by being brief instead: history in one line, one reason, one ask.' },
  { phrase: 'i know you are busy', suggestion: 'Respect their time by being brief instead: history in one line, one reason, one ask.' },
  { phrase: 'sorry to bother you', suggestion: 'Do not apologise for writing: give them a reason that makes the message worth reading.' },
  { phrase: 'any update', suggestion: ONE_STEP, notAnAsk: true },
  { phrase: 'any updates', suggestion: ONE_STEP, notAnAsk: true },
];
