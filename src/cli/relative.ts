/** Relative times ("in 2h", "3 days late"): only on a terminal; pipes get ISO times. */
import { plural } from '../domain/text.js';
import { daysBetween, formatDue, localDateOf } from '../domain/time.js';
import type { Due, Instant, LocalDate } from '../domain/types.js';
import type { Zone } from '../domain/zone.js';

export function relativeDays(date: LocalDate, today: LocalDate): string {
  const d = daysBetween(today, date);
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d === -1) return 'yesterday';
  return d > 0 ? `in ${d} days` : `${-d} days ago`;
}

/** Within a day: hours and minutes; beyond: calendar days in the user's zone. */
export function relativeTime(at: Instant, now: Instant, zone: Zone): string {
  const minutes = Math.round((Date.parse(at) - Date.parse(now)) / 60_000);
  const abs = Math.abs(minutes);
  if (abs < 60) return minutes >= 0 ? `in ${abs}m` : `${abs}m ago`;
  if (abs < 24 * 60 && localDateOf(at, zone) === localDateOf(now, zone)) {
    const h = Math.round(abs / 60);
    return minutes >= 0 ? `in ${h}h` : `${h}h ago`;
  }
  return relativeDays(localDateOf(at, zone), localDateOf(now, zone));
}

/** How late something is: "2h late", "3 days late". */
export function lateness(dueAt: Instant, now: Instant, zone: Zone): string {
  const minutes = Math.max(0, Math.round((Date.parse(now) - Date.parse(dueAt)) / 60_000));
  if (minutes < 60) return `${minutes}m late`;
  const days = daysBetween(localDateOf(dueAt, zone), localDateOf(now, zone));
  if (days === 0) return `${Math.round(minutes / 60)}h late`;
  return `${plural(days, 'day')} late`;
}

/**
 * A next step's day as a confirmation prints it, "today, " first when it is today: a
 * weekday that turns out to be today (tue 4pm at 15:40 on a Tuesday) is easy to misread as next week's.
 */
export function confirmedDue(due: Due, zone: Zone, today: LocalDate): string {
  const day = 'at' in due ? localDateOf(due.at, zone) : due.date;
  return `${day === today ? 'today, ' : ''}${formatDue(due, zone, today)}`;
}
