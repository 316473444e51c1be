/** Checks on text typed by the user, shared by every command that takes it. */
import type { EmailTaken } from '../app/contacts.js';
import { isEmailAddress, TEXT_LIMITS } from '../domain/text.js';
import { usageError } from '../errors.js';
import { safe } from './output.js';

/**
 * A value that must hold something besides white space; stored as typed
 * (trimmed at the ends). At most `limit` characters: a one-line field unless
 * told (TEXT_LIMITS, docs/data-safety.md).
 */
export function requiredText(flag: string, value: string | undefined, limit: number = TEXT_LIMITS.line): string {
  const text = value?.trim() ?? '';
  if (!text) throw usageError(`${flag} cannot be empty.`);
  // Counted in characters as the user sees them, not UTF-16 units; only long texts are counted.
  if (text.length > limit) {
    const length = [...text].length;
    if (length > limit) throw usageError(`${flag} is too long (${length} characters): at most ${limit}.`);
  }
  return text;
}

/** An optional value: absent stays null, present must not be blank. */
export function optionalText(flag: string, value: string | undefined, limit: number = TEXT_LIMITS.line): string | null {
  return value === undefined ? null : requiredText(flag, value, limit);
}

export function checkEmail(value: string | null): string | null {
  if (value !== null && !isEmailAddress(value)) throw usageError(`"${value}" is not an email address.`);
  return value;
}

/** A second contact with the same email is refused (exit 2; docs/commands.md, fu add). */
export function emailTakenError(email: string, taken: EmailTaken): Error {
  return usageError(`The email ${email} already belongs to #${taken.holder.id} ${safe(taken.holder.name)}.`, `See it with: fu show ${taken.holder.id}`);
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];
