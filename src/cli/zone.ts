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

/** The IANA name of the user's zone, registered as the process's own. */
export function userTimeZone(env: NodeJS.ProcessEnv): string {
  const cheap = cheapZone(env);
  const tz = cheap ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  setProcessZone(tz);
  return tz;
}
