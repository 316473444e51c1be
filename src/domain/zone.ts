/**
 * A time zone as a value: the domain asks it for the offset from UTC at an
 * instant and derives every wall-clock reading from that. Callers build it
 * once and pass it in; nothing here reads the process's zone.
 */

export interface Zone {
  /** The IANA name (`Europe/Paris`, `UTC`). */
  readonly name: string;
  /** The offset from UTC at the instant `ms`, in milliseconds (east positive). */
  offsetMs(ms: number): number;
}

const known = new Map<string, Zone>();

/**
 * The zone named `name`, answered by Intl. Its formatter is made on first use:
 * starting Intl costs ~10 ms, which a command that never asks the time skips.
 * Remembered by name (zones are immutable values).
 */
export function zoneOf(name: string): Zone {
  let zone = known.get(name);
  if (!zone) {
    zone = intlZone(name);
    known.set(name, zone);
  }
  return zone;
}

function intlZone(name: string): Zone {
  let formatter: Intl.DateTimeFormat | undefined;
  return {
    name,
    offsetMs(ms) {
      formatter ??= new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      const out: Record<string, number> = {};
      for (const p of formatter.formatToParts(new Date(ms))) {
        if (p.type !== 'literal') out[p.type] = Number(p.value);
      }
      // The wall clock read as if it were UTC, minus the instant (to the second the formatter shows).
      const asUtc = Date.UTC(out.year!, out.month! - 1, out.day!, out.hour! % 24, out.minute!, out.second!);
      return asUtc - Math.floor(ms / 1000) * 1000;
    },
  };
}

/** The zone database's own spelling of `name` (`america/new_york` is `America/New_York`); null for a name it does not know. */
export function canonicalZoneName(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone days are counted in: the configured one (by name; empty when none), else the user's own. */
export function dayZone(configured: string, own: Zone): Zone {
  return configured === '' || configured === own.name ? own : zoneOf(configured);
}
