/**
 * The words of the rules' refusals and of the suggested next commands: the
 * domain decides (a rule id, a reason code, the facts); here they become the
 * sentences, with the flags and commands that act on them.
 */
import { commitmentHandle } from '../domain/ids.js';
import type { DatabaseFile } from '../app/ports.js';
import type { AgendaRow } from '../domain/agenda.js';
import type { Appointment } from '../domain/clash.js';
import type { RuleViolation, Warning } from '../domain/rules.js';
import type { StaleAction, StaleRow } from '../domain/stale.js';
import { plural } from '../domain/text.js';
import { formatDay, formatDue, localDateOf } from '../domain/time.js';
import type { Config, Instant, LocalDate } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';
import { ruleError, type FuError } from '../errors.js';

export interface Wording {
  now: Instant;
  zone: Zone;
  config: Pick<Config, 'dayEnd'>;
}

const TIME_SUGGESTION = { morning: '10 or 11am?', afternoon: '3 or 4pm?', evening: '6 or 7pm?', none: '10am or 3pm?' };
const ASK_SMALLER = 'Not ready? Ask for a smaller concrete step, such as a 15-minute call.';
const FORCE_HINT = 'Add --force to record it anyway.';

/** A refusal in words: the message (without the rule id) and its hint. */
export function violationText(v: RuleViolation, w: Wording): { message: string; hint?: string } {
  const today = localDateOf(w.now, w.zone);
  switch (v.reason) {
    case 'no-next-step':
      return {
        message:
          v.data.metAt !== null
            ? `A contact met at ${v.data.metAt} needs a next step booked before you leave: ask for a meeting with a date and a time (--next WHAT --at WHEN). ${ASK_SMALLER}`
            : `A conversation must end with a firm next step: ask for a dated appointment with a time (--next WHAT --at WHEN). ${ASK_SMALLER}`,
        hint: 'Or close it out with a disposition: --won, --lost REASON, --nurture or --not-fit.',
      };
    case 'step-in-past':
      return {
        message: `${formatDue(v.data.due, w.zone, today)} is in the past: a next step must be ahead.`,
        hint: 'Agree a date and a time that are still ahead with them.',
      };
    case 'step-without-time':
      return {
        message: `"${formatDay(v.data.date, today)}" has no time of day: agree a time with them (${TIME_SUGGESTION[v.data.partOfDay ?? 'none']}), or add --soft to keep it as a soft date.`,
      };
    case 'promise-in-past': {
      const due = v.data.due;
      const shown = 'at' in due ? formatDue(due, w.zone, today) : `${formatDay(due.date, today)} ${w.config.dayEnd}`;
      return { message: `The promise "${v.data.what}" would be due ${shown}, which is in the past: promise a time that is still ahead.` };
    }
    case 'no-show-without-step':
      return {
        message: 'There is no booked next step for them to miss: a no-show is for an appointment they did not turn up to.',
        hint: 'Log the attempt that went unanswered instead, with --outcome no-answer.',
      };
    case 'expectation-in-past': {
      const due = v.data.due;
      const shown = 'at' in due ? formatDue(due, w.zone, today) : `${formatDay(due.date, today)} ${w.config.dayEnd}`;
      return { message: `What they will do ("${v.data.what}") would be due ${shown}, which is in the past: record the date still ahead that they gave.` };
    }
    case 'proposal-without-review':
      return { message: 'Before sending a proposal, book the time to review it together: --next "review the proposal together" --at "thu 10am".' };
    case 'attempt-limit':
    case 'nurture':
      return {
        message:
          v.reason === 'attempt-limit'
            ? `Already ${v.data.count} unanswered attempts without a reply (the limit is ${v.data.limit}): the break-up was sent, so stop chasing.`
            : 'This contact is in nurture: it gets something useful every few weeks, not a chase.',
        hint: 'Send something useful instead with --value "...", or add --force to chase anyway.',
      };
    case 'too-soon':
      return {
        message: `The last attempt was ${formatDay(v.data.last, today)}; space attempts ${plural(v.data.gapDays, 'working day')} apart: the next one is due ${formatDay(v.data.due, today)}.`,
        hint: FORCE_HINT,
      };
    case 'backfill-over-limit':
      return {
        message: `With this one, the sequence would hold ${v.data.count} unanswered attempts (the limit is ${v.data.limit}).`,
        hint: 'Add --force to record it anyway.',
      };
    case 'too-close-to-later':
      return {
        message: `A later attempt was ${formatDay(v.data.later, today)}; space attempts ${plural(v.data.gapDays, 'working day')} apart: this one must be ${formatDay(v.data.latest, today)} or earlier.`,
        hint: FORCE_HINT,
      };
    case 'away':
      return { message: `They are away until ${formatDay(v.data.until, today)}: the next attempt is due then.`, hint: FORCE_HINT };
  }
}

/**
 * A refusal worded for someone answering questions: no flags, and where a
 * choice fixes it, the choice as the question offers it.
 */
export function promptText(v: RuleViolation, w: Wording): string {
  const today = localDateOf(w.now, w.zone);
  switch (v.reason) {
    case 'no-next-step':
      return v.data.metAt !== null
        ? `A contact met at ${v.data.metAt} needs a next step booked before you leave: a meeting with a date and a time, or close it out (won, lost, nurture, not a fit). ${ASK_SMALLER}`
        : `A conversation must end with a firm next step: a dated appointment with a time, or close it out (won, lost, nurture, not a fit). ${ASK_SMALLER}`;
    case 'step-without-time':
      return `"${formatDay(v.data.date, today)}" has no time of day: agree a time with them (${TIME_SUGGESTION[v.data.partOfDay ?? 'none']}), or keep it as a soft date.`;
    case 'proposal-without-review':
      return 'Before sending a proposal, book the time to review it together: a next step with a date and a time.';
    default:
      return violationText(v, w).message;
  }
}

/** The refusal as the error fu exits with (exit 3, the rule named first). */
export function refusal(v: RuleViolation, w: Wording): FuError {
  const { message, hint } = violationText(v, w);
  return ruleError(v.rule, message, hint);
}

/**
 * Quotes an argument for a POSIX shell so the suggested command can be pasted
 * as is: double quotes read best, single quotes when the text has characters
 * that double quotes would expand.
 */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  if (!/["$`\\!]/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command that takes a stale contact's next action. Bare ids: `#12` would start a shell comment when pasted. */
export function staleCommand(a: StaleAction): string {
  switch (a.kind) {
    case 'keep-promise':
      return `fu done ${commitmentHandle(a.commitmentId)}`;
    case 'book-step': {
      const at = a.day === null ? 'WHEN' : `"${a.day} HH:MM"`;
      // A step starting with a dash would be read as an option: it comes after `--`, which ends them, so the command pastes and runs.
      if (a.what?.startsWith('-')) return `fu next ${a.contactId} --at ${at} -- ${shellQuote(a.what)}`;
      return `fu next ${a.contactId} ${a.what === null ? 'WHAT' : shellQuote(a.what)} --at ${at}`;
    }
    case 're-engage':
      return `fu log ${a.contactId} --via ${a.channel} --outcome sent`;
    case 'first-touch':
      return `fu log ${a.contactId} --via email --outcome sent`;
    case 'drop':
      return `fu close ${a.contactId} --lost "no response"`;
  }
}

/** A stale row's facts, with the way to write the message when one is to be written. */
export function staleWhy(r: StaleRow): string {
  return r.action.kind === 're-engage' ? `${r.why}; write it with fu draft ${r.action.contactId}` : r.why;
}

/**
 * The command to run before acting on an agenda row, or null: the break-up's
 * draft; the brief before the call for an appointment, a chase or a passed expectation.
 */
export function agendaCommand(r: AgendaRow): string | null {
  if (r.attempt?.breakUp) return `fu draft ${r.contactId} --breakup`;
  const call = (r.kind === 'next-step' && !r.late) || r.kind === 'chase' || (r.kind === 'expectation' && r.late);
  return call ? `fu prep ${r.contactId}` : null;
}

/** Why an agenda row is due, for scripts (JSON and piped): led by the command to run, if any. */
export function agendaWhy(r: AgendaRow): string {
  const command = agendaCommand(r);
  return command ? `${command}; ${r.why}` : r.why;
}

/** One of the database's own files, as a refusal names it ("... is the database's own write-ahead log"). */
export function databaseFileWords(file: DatabaseFile): string {
  switch (file) {
    case 'database':
      return 'the database itself';
    case 'wal':
      return "the database's own write-ahead log";
    case 'shm':
      return "the database's own shared-memory index";
    case 'journal':
      return "the database's own rollback journal";
  }
}

/** Double booking (docs/rules.md): one warning naming every appointment a new step lands on, or none. */
/** How many clashes a warning names before it counts the rest. */
const CLASHES_NAMED = 3;

export function clashWarnings(clashes: readonly Appointment[], zone: Zone, today: LocalDate): Warning[] {
  if (clashes.length === 0) return [];
  const names = clashes
    .slice(0, CLASHES_NAMED)
    .map((a) => `${a.what} with ${a.contact}${a.company ? ` (${a.company})` : ''}, ${formatDue({ at: a.at }, zone, today)}`);
  // A busy book can hold dozens of steps near one time: the warning stays one readable line.
  const more = clashes.length - names.length;
  return [{ rule: null, message: `Clashes with: ${names.join('; ')}${more > 0 ? `; and ${more} more` : ''}` }];
}
