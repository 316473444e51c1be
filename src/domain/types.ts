/** Plain data shared by the domain, the store and the CLI. No behaviour here. */

/** A local calendar date in the user's time zone: `YYYY-MM-DD`. */
export type LocalDate = string;
/** An instant, always stored and passed as UTC ISO-8601: `2026-11-24T15:00:00.000Z`. */
export type Instant = string;
/** An instant as whole seconds since 1970-01-01T00:00:00Z, rounded down: what the store hands over where parsing thousands of Instants would cost. */
export type EpochSeconds = number;

export const STATUSES = ['active', 'nurture', 'won', 'lost'] as const;
export type Status = (typeof STATUSES)[number];

export const CHANNELS = ['call', 'email', 'meeting', 'text', 'linkedin', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = ['connected', 'replied', 'no-answer', 'voicemail', 'sent', 'auto-reply', 'no-show'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Direction = 'two-way' | 'inbound' | 'outbound';

export const DISPOSITIONS = ['won', 'lost', 'nurture', 'not-fit'] as const;
export type DispositionKind = (typeof DISPOSITIONS)[number];

/** When a commitment is due: an instant when a time of day was given, else a local date. */
export type Due = { at: Instant } | { date: LocalDate };

/** A next step (with them), a promise (mine to them), an expectation (theirs to me: binds no rule). */
export type CommitmentKind = 'next-step' | 'promise' | 'expectation';
/** Stored states. `missed` is stored for a no-show; otherwise it is derived at read time: an open commitment whose time has passed. */
export type StoredCommitmentState = 'open' | 'kept' | 'replaced' | 'cancelled' | 'missed';
export type CommitmentState = StoredCommitmentState;

export interface Commitment {
  id: number;
  contactId: number;
  kind: CommitmentKind;
  what: string;
  due: Due;
  soft: boolean;
  state: StoredCommitmentState;
  createdAt: Instant;
  closedAt: Instant | null;
  /** Kept after its due time (a promise done late). */
  late: boolean;
}

export interface Touch {
  id: number;
  contactId: number;
  at: Instant;
  channel: Channel;
  outcome: Outcome;
  note: string | null;
  /** Set on a nurture value touch: what useful thing it brought. */
  value: string | null;
  /** An auto-reply's return date: the next chase waits until then. */
  until: LocalDate | null;
  proposal: boolean;
  /** R4/R5 were overridden with --force for this touch. */
  forced: boolean;
  disposition: DispositionKind | null;
  lostReason: string | null;
  /** An unanswered attempt: outbound, no value, made while chasing (R4, docs/rules.md). */
  attempt: boolean;
}

export interface Config {
  attemptsLimit: 2 | 3;
  attemptsGapDays: number;
  nurtureEveryDays: number;
  nurtureNotFitDays: number;
  staleDays: number;
  staleDropDays: number;
  /** `HH:MM` */
  dayStart: string;
  /** `HH:MM`; a promise without a time is due then. */
  dayEnd: string;
  /** The days of the week worked (`mon-fri`), as parseWorkdays writes them: computed due days fall on them. */
  workdays: string;
  /** The IANA zone every day is counted in; empty: the user's own ($TZ, else the system's). */
  zone: string;
  /** The user's name, signing `fu draft` messages; empty when unset. */
  userName: string;
  /** The user's email: the organizer of the invitations fu writes; empty when unset. */
  userEmail: string;
  /** The user's company, introducing them in a first message; empty when unset. */
  userCompany: string;
  /** One line on what the user's company does for customers, for a first message; empty when unset. */
  userPitch: string;
}

export const DEFAULT_CONFIG: Config = {
  attemptsLimit: 3,
  attemptsGapDays: 3,
  nurtureEveryDays: 30,
  nurtureNotFitDays: 90,
  staleDays: 14,
  staleDropDays: 90,
  dayStart: '09:00',
  dayEnd: '17:00',
  workdays: 'mon-fri',
  zone: '',
  userName: '',
  userEmail: '',
  userCompany: '',
  userPitch: '',
};

/**
 * Per-contact state derived from the history, stored on the contact row in the
 * same transaction as every write so the daily queries are index lookups.
 */
export interface DerivedState {
  lastTouchAt: Instant | null;
  lastTwoWayAt: Instant | null;
  /** Unanswered attempts since the last two-way touch (or ever). */
  unanswered: number;
  lastAttemptAt: Instant | null;
  /** How many of the latest unanswered attempts in a row used the same channel. */
  sameChannelRun: number;
  lastAttemptChannel: Channel | null;
  /** The day the next chase of a running sequence is due, or null. */
  chaseDueOn: LocalDate | null;
  /** The day a nurture contact is due its next value touch, or null. */
  nurtureDueOn: LocalDate | null;
  /** Value touches since the last two-way touch. */
  valueUnanswered: number;
}

/** A disposition decided without a touch (docs/rules.md, closing out). */
export interface Decision {
  id: number;
  contactId: number;
  at: Instant;
  kind: DispositionKind;
  lostReason: string | null;
}

/** A contact with what its due days are derived from (deriveState), and the due days it has now. */
export interface ContactHistory {
  id: number;
  status: Status;
  touches: Touch[];
  nextStep: Commitment | null;
  lastDecision: Decision | null;
  chaseDueOn: LocalDate | null;
  nurtureDueOn: LocalDate | null;
}

/** What a contact is, as typed by the user. */
export interface ContactFields {
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
  note: string | null;
}

/** A stored contact: its fields, its status and the state derived from its history. */
export interface Contact extends ContactFields {
  id: number;
  status: Status;
  createdAt: Instant;
  updatedAt: Instant;
  derived: DerivedState;
  nextStepId: number | null;
}

/** A touch to store, with its direction (see directionOf). */
export type NewTouch = Omit<Touch, 'id'> & { direction: Direction };

export interface NewCommitment {
  contactId: number;
  kind: CommitmentKind;
  what: string;
  due: Due;
  soft: boolean;
  touchId: number | null;
}

/** One reschedule of a commitment: what it was before. */
export interface CommitmentMove {
  movedAt: Instant;
  oldWhat: string;
  oldDue: Due;
  oldSoft: boolean;
}

/** What a copy of the database (a backup) holds. */
export interface CopyInfo {
  contacts: number;
  touches: number;
  /** Schema version of the copy, after any upgrade. */
  version: number;
}

/** The database file itself, or one of the journals SQLite keeps beside it. */
export type DatabaseFile = 'database' | 'wal' | 'shm' | 'journal';
