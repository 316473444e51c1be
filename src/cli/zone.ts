/**
 * The user's time zone ($TZ, else /etc/localtime), found without starting
 * Intl: `Intl.DateTimeFormat().resolvedOptions()` costs ~10 ms of ICU
 * start-up on every run, more than most commands take. The zone found is
 * registered as the process's own, so domain/time.ts reads its wall clock
 * with Date's local-time methods (the same ICU zone data). Anything unusual
 * falls back to asking Intl.
 */
import fs from 'node:fs';
import { setProcessZone } from '../domain/time.js';

const IANA = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

function zoneOfPath(file: string): string | null {
  const i = file.lastIndexOf('zoneinfo/');
  const name = i >= 0 ? file.slice(i + 'zoneinfo/'.length) : null;
  return name && IANA.test(name) ? name : null;
}

function cheapZone(env: NodeJS.ProcessEnv): string | null {
  const tz = env.TZ;
  if (tz !== undefined) {
    // glibc reads an empty TZ as UTC; ':' only says "a file name follows".
    if (tz === '') return 'UTC';
    const name = tz.startsWith(':') ? tz.slice(1) : tz;
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

/**
 * The IANA name of the zone `env` asks for. When `env` is the process's own,
 * the zone is registered as the process zone (Date's local-time methods read
 * it). Any other environment (a command run in-process by the tests) is only
 * read: its zone is not the one Date uses, so it must never be registered.
 */
export function userTimeZone(env: NodeJS.ProcessEnv, processEnv: boolean): string {
  const cheap = cheapZone(env);
  if (!processEnv) return cheap ?? zoneNamed(env.TZ);
  const tz = cheap ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  setProcessZone(tz);
  return tz;
}

/** What Intl makes of a TZ it was not started with: the zone, if Intl knows the name, else UTC, as Node does with an unknown TZ. */
function zoneNamed(tz: string | undefined): string {
  const name = tz?.startsWith(':') ? tz.slice(1) : tz;
  if (!name) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}
