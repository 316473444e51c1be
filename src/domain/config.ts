/** The user-settable keys (`fu config KEY VALUE`), their validation and defaults. */
import { isEmailAddress, UNSAFE_CHAR } from './text.js';
import { parseTimeOfDay } from './time.js';
import { DEFAULT_CONFIG, type Config } from './types.js';
import { parseWorkdays } from './workdays.js';
import { canonicalZoneName } from './zone.js';

type Check = { ok: true; value: string } | { ok: false; message: string };

interface KeySpec {
  field: keyof Config;
  describe: string;
  check(value: string): Check;
}

const positiveInteger = (value: string): Check =>
  /^\d+$/.test(value) && Number(value) > 0 && Number(value) <= 3650
    ? { ok: true, value: String(Number(value)) }
    : { ok: false, message: `must be a whole number of days from 1 to 3650, not "${value}"` };

const timeOfDay = (value: string): Check => {
  const t = parseTimeOfDay(value);
  return t
    ? { ok: true, value: `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` }
    : { ok: false, message: `must be a time HH:MM from 00:00 to 23:59, not "${value}"` };
};

/** A free text (a name): one line, printable, at most 100 characters. */
const personName = (value: string): Check =>
  value.length > 0 && value.length <= 100 && !UNSAFE_CHAR.test(value)
    ? { ok: true, value }
    : { ok: false, message: `must be a name on one line, 1 to 100 characters, not "${value}"` };

/** A sentence on one line, printable, at most 200 characters. */
const oneLine = (value: string): Check =>
  value.length > 0 && value.length <= 200 && !UNSAFE_CHAR.test(value)
    ? { ok: true, value }
    : { ok: false, message: `must be one line of 1 to 200 characters, not "${value}"` };

/** An email address, as fu requires of a contact's, on one line. */
const emailAddress = (value: string): Check =>
  value.length <= 254 && isEmailAddress(value) && !UNSAFE_CHAR.test(value)
    ? { ok: true, value }
    : { ok: false, message: `must be an email address, not "${value}"` };

const workdays = (value: string): Check => {
  const parsed = parseWorkdays(value);
  return parsed ? { ok: true, value: parsed.text } : { ok: false, message: `must name the days worked, as mon-fri, sun-thu or mon,tue,thu, not "${value}"` };
};

/** A zone the zone database knows, under its own name; empty to count days in the user's own zone again. */
const zoneName = (value: string): Check => {
  if (value === '') return { ok: true, value };
  const name = canonicalZoneName(value);
  return name ? { ok: true, value: name } : { ok: false, message: `must be a time zone name such as America/New_York, not "${value}"` };
};

/** Looked up by what the user typed: a null-prototype object, so `constructor` or `__proto__` is no key. */
export const CONFIG_KEYS: Readonly<Record<string, KeySpec>> = Object.assign(Object.create(null) as Record<string, KeySpec>, {
  'attempts.limit': {
    field: 'attemptsLimit',
    describe: 'unanswered attempts in a sequence, the last one being the break-up (2 or 3)',
    check: (v: string) => (v === '2' || v === '3' ? { ok: true, value: v } : { ok: false, message: `must be 2 or 3, not "${v}"` }),
  },
  'attempts.gapDays': { field: 'attemptsGapDays', describe: 'working days between two unanswered attempts', check: positiveInteger },
  'nurture.everyDays': { field: 'nurtureEveryDays', describe: 'days between value touches to a nurture contact', check: positiveInteger },
  'nurture.notFitDays': { field: 'nurtureNotFitDays', describe: 'days until the first check-in with a not-fit contact', check: positiveInteger },
  'stale.days': { field: 'staleDays', describe: 'days of silence before a dropped warm prospect is listed to re-engage', check: positiveInteger },
  'stale.dropDays': {
    field: 'staleDropDays',
    describe: 'days without a two-way touch before an unanswered sequence is listed to drop',
    check: positiveInteger,
  },
  'day.start': { field: 'dayStart', describe: 'start of the working day (HH:MM)', check: timeOfDay },
  'day.end': { field: 'dayEnd', describe: 'end of the working day (HH:MM); promises without a time are due then', check: timeOfDay },
  'day.workdays': {
    field: 'workdays',
    describe: 'the days worked (mon-fri, sun-thu, mon,tue,thu): a computed due day on another day moves to the next one worked',
    check: workdays,
  },
  zone: { field: 'zone', describe: "the time zone days are counted in (America/New_York); empty: $TZ, else the system's", check: zoneName },
  'user.name': { field: 'userName', describe: 'your name, signing the drafted messages', check: personName },
  'user.email': { field: 'userEmail', describe: 'your email, the organizer of the invitations', check: emailAddress },
  'user.company': { field: 'userCompany', describe: 'your company, introducing you in a first message', check: personName },
  'user.pitch': { field: 'userPitch', describe: 'one line on what you do for customers, for a first message', check: oneLine },
});

/** Times of day stay `HH:MM` strings (they compare as text), the name a string; everything else is a number. */
const typed = (spec: KeySpec, value: string): string | number => (typeof DEFAULT_CONFIG[spec.field] === 'string' ? value : Number(value));

export const configKeys = (): string[] => Object.keys(CONFIG_KEYS);

/** Validates one `fu config KEY VALUE` against the rest of the configuration. */
export function checkConfigValue(key: string, value: string, current: Config): Check {
  const spec = CONFIG_KEYS[key];
  if (!spec) return { ok: false, message: `unknown key "${key}"` };
  const checked = spec.check(value.trim());
  if (!checked.ok) return { ok: false, message: `${key} ${checked.message}` };
  const next = { ...current, [spec.field]: typed(spec, checked.value) };
  if (next.dayStart >= next.dayEnd) return { ok: false, message: `day.start (${next.dayStart}) must be before day.end (${next.dayEnd})` };
  return checked;
}

/** The effective configuration: stored values over the defaults. Unknown stored keys are ignored. */
export function configFrom(stored: Map<string, string>): Config {
  const config: Config = { ...DEFAULT_CONFIG };
  for (const [key, spec] of Object.entries(CONFIG_KEYS)) {
    const raw = stored.get(key);
    if (raw === undefined) continue;
    const checked = spec.check(raw);
    if (!checked.ok) continue;
    (config as unknown as Record<string, string | number>)[spec.field] = typed(spec, checked.value);
  }
  return config;
}

/** A config value as the user sees it. */
export function configValueOf(config: Config, key: string): string {
  return String(config[CONFIG_KEYS[key]!.field]);
}
