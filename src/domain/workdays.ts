/**
 * Working days (docs/rules.md, "Working days"): the days of the week a seller
 * works, written `mon-fri`, `sun-thu` or `mon,tue,thu`. Due days fu computes
 * fall on them, and the spacing of attempts counts them.
 */
import { addDays, weekdayOf } from './time.js';
import type { LocalDate } from './types.js';

/** Which weekdays are worked, by `weekdayOf` (0 = Sunday .. 6 = Saturday). */
export type Workdays = readonly boolean[];

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FULL_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const dayNumber = (word: string): number | null => {
  const i = Math.max(DAY_NAMES.indexOf(word), FULL_NAMES.indexOf(word));
  return i >= 0 ? i : null;
};

/**
 * The days `text` names, and the text written the one way fu shows it (three-letter
 * names, lower case, no spaces); null when it names no day or something else.
 * A range runs forward through the week: `sun-thu` is Sunday to Thursday, `fri-mon` four days.
 */
export function parseWorkdays(text: string): { days: Workdays; text: string } | null {
  const days = Array<boolean>(7).fill(false);
  const parts: string[] = [];
  for (const item of text.toLowerCase().replace(/\s+/g, '').split(',')) {
    const m = /^([a-z]+)(?:-([a-z]+))?$/.exec(item);
    if (!m) return null;
    const from = dayNumber(m[1]!);
    const to = m[2] === undefined ? from : dayNumber(m[2]);
    if (from === null || to === null) return null;
    for (let d = from; ; d = (d + 1) % 7) {
      days[d] = true;
      if (d === to) break;
    }
    parts.push(m[2] === undefined ? DAY_NAMES[from]! : `${DAY_NAMES[from]}-${DAY_NAMES[to]}`);
  }
  return { days, text: parts.join(',') };
}

/** The working days of a valid setting (as the config keeps it); every day for anything else, so a date never runs away. */
export function workdaysOf(text: string): Workdays {
  return parseWorkdays(text)?.days ?? Array<boolean>(7).fill(true);
}

const isWorkday = (date: LocalDate, days: Workdays): boolean => days[weekdayOf(date)] === true;

/** `date` when it is a working day, else the next working day. */
export function nextWorkday(date: LocalDate, days: Workdays): LocalDate {
  let d = date;
  for (let i = 0; i < 7 && !isWorkday(d, days); i++) d = addDays(d, 1);
  return d;
}

/** The `n`th working day after `date` (Friday + 3 with mon-fri: Wednesday); never earlier than `date` + `n` calendar days. */
export function addWorkdays(date: LocalDate, n: number, days: Workdays): LocalDate {
  if (!days.includes(true)) return addDays(date, n);
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkday(d, days)) left--;
  }
  return d;
}

/** The latest day from which `n` working days reach no further than `later`: the last day an attempt may take before one on `later`. */
export function latestBefore(later: LocalDate, n: number, days: Workdays): LocalDate {
  if (!days.includes(true)) return addDays(later, -n);
  // The nth working day counting back from `later` itself; the day before it still has n working days ahead up to `later`.
  let d = later;
  for (let left = isWorkday(d, days) ? n - 1 : n; left > 0 || !isWorkday(d, days); ) {
    d = addDays(d, -1);
    if (isWorkday(d, days)) left--;
  }
  return addDays(d, -1);
}
