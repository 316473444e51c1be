// Placeholder: the WHEN parser is being written (see tests in test/domain/when.test.ts).
import type { Instant, LocalDate } from './types.js';

/** A parsed WHEN: an instant when a time of day was given, else a local date. */
export type When =
  | { hasTime: true; at: Instant; date: LocalDate }
  | { hasTime: false; date: LocalDate; partOfDay?: 'morning' | 'afternoon' | 'evening' };
