/**
 * The agenda of one local day (`fu today`, docs/commands.md). Pure: the store hands over the
 * candidate rows it read through the indexes; this decides which section each
 * belongs to, the order, and the words.
 *
 * Sections, for the agenda date D, judged at `now`:
 * - appointments: open next steps whose local day is D; timed ones by time,
 *   then soft (date-only) ones. A next step is missed only once its day ends (R3),
 *   so one earlier today that has not been logged yet is still here.
 * - overdue: open commitments due on a day before D that are missed at `now`
 *   (isMissed), oldest first. For D in the future, what is not late yet is not
 *   shown: it is due on another day.
 * - promises: open promises due on D, by due time; past it, marked late.
 * - expected: open expectations (what they said they would do) due on D, and
 *   those due before that have passed, marked late: the reason to call. Their
 *   contact's appointment or chase row carries that reason as its hint.
 * - chases: active contacts whose chase day is D or earlier (a chase does not
 *   expire: it stays due until made), oldest first.
 * - nurture: nurture contacts whose value touch is due on D or earlier.
 */
import { isMissed } from './commitments.js';
import { VALUE_TOUCHES_TO_DROP } from './stale.js';
import { plural } from './text.js';
import { addDays, dueInstant, formatDay, localDateOf, startOfDay } from './time.js';
import type { Commitment, Config, DerivedState, Due, Instant, LocalDate, Status } from './types.js';
import type { Zone } from './zone.js';

export interface AgendaContact {
  id: number;
  status: Status;
  derived: DerivedState;
}

/** What the agenda needs of a commitment. */
export type AgendaCommitment = Pick<Commitment, 'id' | 'contactId' | 'kind' | 'what' | 'due' | 'soft' | 'state'>;

/** Who a row is about, read for the rows shown only. */
export interface ContactName {
  name: string;
  company: string | null;
}

export type SectionName = 'appointments' | 'overdue' | 'promises' | 'expected' | 'chases' | 'nurture';
export const SECTIONS: readonly SectionName[] = ['appointments', 'overdue', 'promises', 'expected', 'chases', 'nurture'];

export interface AgendaRow {
  /** The id the next command needs: the commitment's (fu done/cancel), or the contact's. */
  id: number;
  idKind: 'commitment' | 'contact';
  kind: 'next-step' | 'promise' | 'expectation' | 'chase' | 'nurture';
  contactId: number;
  what: string;
  due: Due;
  soft: boolean;
  /** Missed at `now`; a chase or a nurture touch: due before today. */
  late: boolean;
  attempt: { number: number; limit: number; breakUp: boolean } | null;
  /** R5: a suggestion to switch channel; or what they were to do by a day now passed; or null. */
  hint: string | null;
  why: string;
}

export interface Agenda {
  date: LocalDate;
  /** The first `limit` rows of each section (all with limit 0), in order. */
  sections: Record<SectionName, AgendaRow[]>;
  /** How many rows each section holds, shown or not. */
  counts: Record<SectionName, number>;
  /** The first day after `date` with anything due, for the empty-day line. */
  nextDate: LocalDate | null;
}

/** The agenda day as the store's queries take it: the day, and the first instant of the next one. */
export interface AgendaDay {
  date: LocalDate;
  end: Instant;
}

export function agendaDay(date: LocalDate, zone: Zone): AgendaDay {
  return { date, end: startOfDay(addDays(date, 1), zone) };
}

/** The first of each kind of thing due after the agenda day, as stored. */
export interface NextDue {
  dueAt: Instant | null;
  dueDate: LocalDate | null;
  chase: LocalDate | null;
  nurture: LocalDate | null;
}

/** What the store reads for an agenda day. */
export interface AgendaRows {
  commitments: AgendaCommitment[];
  contacts: AgendaContact[];
  next: NextDue;
}

/** The first local day after the agenda day with anything due, or null. */
export function nextDueDate(next: NextDue, zone: Zone): LocalDate | null {
  const days = [next.dueAt && localDateOf(next.dueAt, zone), next.dueDate, next.chase, next.nurture].filter((d): d is string => Boolean(d));
  return days.length ? days.sort()[0]! : null;
}

export interface AgendaInput {
  date: LocalDate;
  now: Instant;
  zone: Zone;
  config: Config;
  /** Open commitments due on or before `date` (more is harmless: filtered here). */
  commitments: AgendaCommitment[];
  /** Contacts with a chase or nurture day on or before `date`. */
  contacts: AgendaContact[];
  nextDate: LocalDate | null;
  /** Rows per section to build, 0 for all: the others are only counted. */
  limit: number;
}

function commitmentRow(c: AgendaCommitment, late: boolean, why: string, hint: string | null): AgendaRow {
  return { id: c.id, idKind: 'commitment', kind: c.kind, contactId: c.contactId, what: c.what, due: c.due, soft: c.soft, late, attempt: null, hint, why };
}

export function buildAgenda(input: AgendaInput): Agenda {
  const { date, now, zone, config, limit } = input;
  const today = localDateOf(now, zone);
  const sections: Record<SectionName, AgendaRow[]> = { appointments: [], overdue: [], promises: [], expected: [], chases: [], nurture: [] };
  const counts: Record<SectionName, number> = { appointments: 0, overdue: 0, promises: 0, expected: 0, chases: 0, nurture: 0 };
  // Only the rows shown are built (a thousand are due at 100k contacts, 25 a section shown): the rest are counted.
  const room = (rows: readonly AgendaRow[]) => limit === 0 || rows.length < limit;
  // The oldest passed expectation of each contact: the reason to call them.
  const passed = new Map<number, string>();
  // Each due read once (Date.parse and the local day are most of a row's cost, for a thousand at 100k contacts):
  // its instant as the sort key, a date-only due at day.end as a date-only promise falls due then; and its local day.
  const open: { c: AgendaCommitment; key: number; day: LocalDate }[] = [];
  for (const c of input.commitments) {
    if (c.state !== 'open') continue;
    const key = Date.parse(dueInstant(c.due, config.dayEnd, zone));
    open.push({ c, key, day: 'at' in c.due ? localDateOf(key, zone) : c.due.date });
  }
  open.sort((a, b) => a.key - b.key || a.c.id - b.c.id);
  // Timed appointments by time, then the date-only ones (they have no time): kept apart, joined at the end.
  const softSteps: AgendaRow[] = [];
  for (const { c, day } of open) {
    const late = isMissed(c, now, today, config, zone, day);
    if (c.kind === 'expectation') {
      if (day > date || (day < date && !late)) continue;
      const ask = `they were to ${c.what} by ${formatDay(day, today)}: ask where it landed`;
      if (late && !passed.has(c.contactId)) passed.set(c.contactId, ask);
      counts.expected++;
      if (room(sections.expected)) sections.expected.push(commitmentRow(c, late, late ? 'passed' : 'expected from them', late ? ask : null));
    } else if (day < date) {
      // A soft step that passed is not overdue: it was no commitment, and its chase is listed instead (R3).
      if (late && !c.soft) {
        counts.overdue++;
        if (room(sections.overdue))
          sections.overdue.push(commitmentRow(c, late, c.kind === 'next-step' ? 'next step missed: reschedule or cancel' : 'promise not kept yet', null));
      }
    } else if (day === date) {
      if (c.kind === 'next-step') {
        counts.appointments++;
        const rows = 'date' in c.due ? softSteps : sections.appointments;
        if (room(rows)) rows.push(commitmentRow(c, late, c.soft ? 'next step, soft: agree a time' : 'next step', null));
      } else {
        counts.promises++;
        if (room(sections.promises)) sections.promises.push(commitmentRow(c, late, late ? 'promise, past due' : 'promise', null));
      }
    }
  }
  sections.appointments.push(...(limit === 0 ? softSteps : softSteps.slice(0, limit - sections.appointments.length)));

  const L = config.attemptsLimit;
  // Oldest first; YYYY-MM-DD compares as text (localeCompare would start ICU's collator, ~10 ms, for nothing).
  const byDay = (a: LocalDate, b: LocalDate, ia: number, ib: number) => (a < b ? -1 : a > b ? 1 : ia - ib);
  const chases = input.contacts
    .filter((c) => c.status === 'active' && c.derived.chaseDueOn !== null && c.derived.chaseDueOn <= date)
    .sort((a, b) => byDay(a.derived.chaseDueOn!, b.derived.chaseDueOn!, a.id, b.id));
  // One verdict per contact: a nurture contact that stale lists to drop (value touches
  // that never got an answer) is not due yet another one.
  const nurture = input.contacts
    .filter(
      (c) => c.status === 'nurture' && c.derived.nurtureDueOn !== null && c.derived.nurtureDueOn <= date && c.derived.valueUnanswered < VALUE_TOUCHES_TO_DROP,
    )
    .sort((a, b) => byDay(a.derived.nurtureDueOn!, b.derived.nurtureDueOn!, a.id, b.id));
  counts.chases = chases.length;
  counts.nurture = nurture.length;
  for (const c of limit === 0 ? chases : chases.slice(0, limit)) {
    const d = c.derived;
    const chaseDueOn = d.chaseDueOn!;
    const number = d.unanswered + 1;
    const breakUp = number >= L;
    const last = d.lastAttemptAt ? `last: ${d.lastAttemptChannel} ${formatDay(localDateOf(d.lastAttemptAt, zone), today)}` : '';
    // Written out, not spread from shared fields: a spread is several times slower to build.
    sections.chases.push({
      id: c.id,
      idKind: 'contact',
      contactId: c.id,
      soft: false,
      kind: 'chase',
      late: chaseDueOn < today,
      what: breakUp ? 'break-up message' : 'chase',
      due: { date: chaseDueOn },
      attempt: { number, limit: L, breakUp },
      // As fu log says it (R5): after two unanswered attempts on one channel, while a chase remains.
      hint:
        d.sameChannelRun >= 2 && d.lastAttemptChannel
          ? `${d.sameChannelRun} unanswered by ${d.lastAttemptChannel} in a row: try another channel or a mutual introduction`
          : null,
      why: `attempt ${number} of ${L}${last ? `; ${last}` : ''}`,
    });
  }
  for (const c of limit === 0 ? nurture : nurture.slice(0, limit)) {
    const d = c.derived;
    const nurtureDueOn = d.nurtureDueOn!;
    const lastTouch = d.lastTouchAt ? `last touch ${formatDay(localDateOf(d.lastTouchAt, zone), today)}` : 'never touched';
    sections.nurture.push({
      id: c.id,
      idKind: 'contact',
      contactId: c.id,
      soft: false,
      kind: 'nurture',
      late: nurtureDueOn < today,
      what: 'value touch',
      due: { date: nurtureDueOn },
      attempt: null,
      hint: null,
      why: `nurture, ${lastTouch}${d.valueUnanswered > 0 ? `, ${plural(d.valueUnanswered, 'value touch', 'value touches')} unanswered` : ''}`,
    });
  }
  for (const r of [...sections.appointments, ...sections.chases]) r.hint ??= passed.get(r.contactId) ?? null;

  return { date, sections, counts, nextDate: input.nextDate };
}

/** The contacts the rows shown are about, each once: whose names to read. */
export function agendaContactIds(agenda: Agenda): number[] {
  return [...new Set(SECTIONS.flatMap((s) => agenda.sections[s].map((r) => r.contactId)))];
}

export function agendaIsEmpty(agenda: Agenda): boolean {
  return SECTIONS.every((s) => agenda.counts[s] === 0);
}
