/**
 * The user's time zone ($TZ, else /etc/localtime), found without starting
 * Intl: `Intl.DateTimeFormat().resolvedOptions()` costs ~10 ms of ICU
 * start-up on every run, more than most commands take. Being the process's
 * own zone, its offsets are read with Date's local-time methods (the same ICU
 * zone data, without Intl). Anything unusual falls back to asking Intl.
 */
import fs from 'node:fs';
import { canonicalZoneName, dayZone, zoneOf, type Zone } from '../domain/zone.js';
import type { IO } from './io.js';
import { printWarnings } from './output.js';

const IANA = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

function zoneOfPath(file: string): string | null {
  const i = file.lastIndexOf('zoneinfo/');
  const name = i >= 0 ? file.slice(i + 'zoneinfo/'.length) : null;
  return name && IANA.test(name) ? name : null;
}

/** TZ without the leading ':' that only says "a file name follows". */
const tzName = (tz: string) => (tz.startsWith(':') ? tz.slice(1) : tz);

function cheapZone(env: NodeJS.ProcessEnv): string | null {
  const tz = env.TZ;
  if (tz !== undefined) {
    // glibc reads an empty TZ as UTC.
    if (tz === '') return 'UTC';
    const name = tzName(tz);
    if (name.startsWith('/')) return zoneOfPath(name);
    // Only names that exist in the zone database: a POSIX rule string or a typo is Intl's business.
    return IANA.test(name) && fs.existsSync(`/usr/share/zoneinfo/${name}`) ? name : null;
  }
  try {
    return zoneOfPath(fs.readlinkSync('/etc/localtime'));
  } catch {
    return null;
  }
}

const MS_PER_DAY = 86_400_000;

/**
 * `name`, which must be the zone this process runs in (Date's local time):
 * its offsets come from Date, one lookup per UTC day without a change of
 * offset, not per call.
 */
export function processZone(name: string): Zone {
  /** Offsets by UTC day, for the days without a change of offset (null: one that day). */
  const dayOffsets = new Map<number, number | null>();
  return {
    name,
    offsetMs(ms) {
      const day = Math.floor(ms / MS_PER_DAY);
      let off = dayOffsets.get(day);
      if (off === undefined) {
        const first = new Date(day * MS_PER_DAY).getTimezoneOffset();
        const last = new Date((day + 1) * MS_PER_DAY - 1).getTimezoneOffset();
        off = first === last ? Math.round(-first * 60_000) : null;
        dayOffsets.set(day, off);
      }
      return off ?? Math.round(-new Date(ms).getTimezoneOffset() * 60_000);
    },
  };
}

/**
 * The zone `env` asks for. When `env` is this process's own, it is the zone
 * Date's local time uses, read through Date. Any other environment (a command
 * line run in-process by the tests, with its own TZ) names a zone Date does not
 * use: Intl answers for it.
 */
export function userZone(env: NodeJS.ProcessEnv, processEnv: boolean): Zone {
  const cheap = cheapZone(env);
  if (!processEnv) return zoneOf(cheap ?? zoneNamed(env.TZ));
  return processZone(cheap ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'));
}

/** What Intl makes of a TZ it was not started with: the zone, if Intl knows the name, else UTC, as Node does with an unknown TZ. */
function zoneNamed(tz: string | undefined): string {
  return (tz && canonicalZoneName(tzName(tz))) || 'UTC';
}

/**
 * The zone a command counts days in: the configured zone, else `own` (the one TZ names).
 * A TZ that names no zone (a typo, a trailing space, a POSIX rule such as `<+14>-14`) is
 * read as UTC, as Node reads it, and said once: a silent UTC moves every due day.
 */
export function zoneInUse(configured: string, own: Zone, env: NodeJS.ProcessEnv, io: IO): Zone {
  if (configured === '' && unknownTz(env)) {
    printWarnings(io, [
      { rule: null, message: `TZ "${env.TZ}" is not a time zone fu knows: days are counted in ${own.name}. Set one with: fu config zone America/New_York` },
    ]);
  }
  return dayZone(configured, own);
}

/** TZ is set to something that names no zone (empty is UTC, as glibc reads it). */
function unknownTz(env: NodeJS.ProcessEnv): boolean {
  const tz = env.TZ;
  if (tz === undefined || tz === '') return false;
  return cheapZone(env) === null && canonicalZoneName(tzName(tz)) === null;
}
