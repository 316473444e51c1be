/**
 * What the application layer needs from the outside world, as interfaces:
 * the SQLite store implements them today (src/store/), another backend can
 * tomorrow. Rows in and out as domain data. The daily reads filter by bounds
 * the domain computes (agendaDay, staleParams); fu stale's counts and ranked
 * reads write its categories' conditions in SQL too, and the domain decides
 * every row it shows again (verdictOf), so a backend must keep both in step
 * (test/app/stale-ranking.property.test.ts compares them).
 */
import type { AgendaDay, AgendaRows, ContactName } from '../domain/agenda.js';
import type { Appointment } from '../domain/clash.js';
import type { AgendaEntry } from '../domain/calendar.js';
import type { JournalEntry, WriteKind } from '../domain/journal.js';
import type { ImportedContact, KnownContact } from '../domain/contact-import.js';
import type { AttemptMark } from '../domain/derive.js';
import type { CommittedFacts, KeyedCategory, StaleContact, StaleKey, StaleParams } from '../domain/stale.js';
import type { StatsQuery, StatsRows } from '../domain/stats.js';
import type {
  Commitment,
  CommitmentMove,
  CopyInfo,
  Contact,
  ContactFields,
  ContactHistory,
  Decision,
  DatabaseFile,
  DerivedState,
  DispositionKind,
  Due,
  Instant,
  LocalDate,
  NewCommitment,
  NewTouch,
  Status,
  StoredCommitmentState,
  Touch,
} from '../domain/types.js';

export type { JournalEntry, JournalRow, WriteKind } from '../domain/journal.js';

export interface StorePort {
  /**
   * One all-or-nothing write, checked against what is committed (no other
   * writer in between), and journaled in the same transaction: the rows it
   * changes, before and after, so that it can be taken back.
   */
  transaction<T>(write: { kind: WriteKind; at: Instant }, fn: () => T): T;
  /** One consistent read: every query in `fn` sees the same committed state. */
  read<T>(fn: () => T): T;

  // The journal (fu undo).
  /** The latest writes not taken back, newest first, at most `limit`. */
  undoableWrites(limit: number): JournalEntry[];
  journalEntry(id: number): JournalEntry | undefined;
  /** The writes after `entryId`, not taken back, that changed a row it changed, oldest first. */
  laterWritesTouching(entryId: number): Omit<JournalEntry, 'rows'>[];
  /** A write transaction that is not journaled: taking a write back (fu undo walks back, it does not undo itself). */
  unjournaledTransaction<T>(fn: () => T): T;
  /** Puts every row a write changed back as it was, last change first, and marks the write undone (in an unjournaled transaction). */
  revert(entryId: number, at: Instant): void;

  insertContact(fields: ContactFields, now: Instant): number;
  updateContact(id: number, fields: Partial<ContactFields>, now: Instant): void;
  setStatus(id: number, status: Status, now: Instant): void;
  /** Removes a contact with its tags, touches, commitments and prepared points (each row journaled, children first). */
  deleteContact(id: number): void;
  /** Moves every touch, commitment and prepared point of `from` to `to` (a merge). */
  moveHistory(from: number, to: number): void;
  contact(id: number): Contact | undefined;
  /** The contact with this email, whatever its case (src/text-key.ts folds it). */
  contactByEmail(email: string): Contact | undefined;
  /** Contacts whose name or company equals `text`, whatever its case. */
  contactsNamed(text: string): Contact[];
  /** Contacts whose name or company has a word (after a space or a hyphen) that starts with `text`, whatever its case (at most `limit`). */
  contactsAtWordStart(text: string, limit: number): Contact[];
  /** Contacts whose name or company contains `text`, whatever its case (at most `limit`). */
  contactsContaining(text: string, limit: number): Contact[];
  /** Every contact's id, name and company. */
  contactNames(): { id: number; name: string; company: string | null }[];
  /**
   * The contacts a new one may duplicate (at least every one with a near name or the same company), not every contact:
   * those whose name starts like `name`, its key within `lengths` (UTF-16 code units), at no company when `company` is
   * given; and those at the same company.
   */
  duplicateCandidates(name: string, company: string | null, lengths: { min: number; max: number }): { id: number; name: string; company: string | null }[];
  contactCount(): number;
  listContacts(filter: { status: Status | 'all'; tag: string | null }): Contact[];
  /** Keeps the state derived from a contact's history on its row, for the daily reads. */
  saveDerived(id: number, derived: DerivedState, nextStepId: number | null): void;
  /**
   * Every contact that may have a due day (active or nurture) with its touches since its last
   * two-way touch, that one included: what deriveState needs to give its due days. Read in a
   * few passes over the tables, not per contact; use no other call of the store until done.
   */
  contactHistories(): Iterable<ContactHistory>;
  /** Sets the two due days of a contact (the rest of its derived state is kept). */
  saveDueDays(id: number, chaseDueOn: LocalDate | null, nurtureDueOn: LocalDate | null): void;

  tagsOf(contactId: number): string[];
  tagsByContact(): Map<number, string[]>;
  addTags(contactId: number, tags: string[]): void;
  removeTags(contactId: number, tags: string[]): void;

  /**
   * `step`: the next step the touch books, if any ('firm' with a time of day, 'soft' a date only), kept on it for the statistics.
   * `attemptNumber`: an unanswered attempt's mark, when the rules already counted it (saveAttemptMarks keeps every mark right).
   */
  insertTouch(touch: NewTouch, forcedRules: string[], now: Instant, step?: 'firm' | 'soft' | null, attemptNumber?: number | null): number;
  touch(id: number): Touch | undefined;
  /** Corrects a recorded touch (its direction follows its outcome). */
  updateTouch(id: number, changes: Partial<Pick<NewTouch, 'at' | 'channel' | 'outcome' | 'direction' | 'note'>>): void;
  deleteTouch(id: number): void;
  /** A contact's touches, oldest first. */
  touchesOf(contactId: number): Touch[];
  /** The rules overridden on each forced touch of a contact, comma-separated, by touch id. */
  forcedRulesOf(contactId: number): Map<number, string>;

  /** A disposition decided without a touch, at `now`. */
  insertDecision(contactId: number, kind: DispositionKind, lostReason: string | null, now: Instant): number;
  /** A contact's latest decision, or undefined. */
  lastDecisionOf(contactId: number): Decision | undefined;
  /** A contact's decisions, oldest first. */
  decisionsOf(contactId: number): Decision[];

  insertCommitment(commitment: NewCommitment, now: Instant): number;
  commitment(id: number): Commitment | undefined;
  openCommitmentsOf(contactId: number): Commitment[];
  commitmentsOf(contactId: number): Commitment[];
  /** Every open next step, by contact. */
  openNextSteps(): Map<number, Commitment>;
  /** When the open next steps with a time from `from` to before `to` start. */
  appointmentsBetween(from: Instant, to: Instant): Instant[];
  /** The same, with what each is and with whom. */
  appointmentDetailsBetween(from: Instant, to: Instant): Appointment[];
  closeCommitment(id: number, state: Exclude<StoredCommitmentState, 'open'>, at: Instant, byTouchId: number | null, late?: boolean): void;
  /** Reschedules an open commitment, keeping its old what and due in its history. */
  moveCommitment(id: number, what: string, due: Due, soft: boolean, now: Instant): void;
  historyByCommitment(contactId: number): Map<number, CommitmentMove[]>;

  configValues(): Map<string, string>;
  setConfigValue(key: string, value: string): void;

  /** Each unanswered attempt's number and whether it was answered, for a contact (kept for fu stats). */
  saveAttemptMarks(contactId: number, marks: AttemptMark[]): void;
  /** The commitments a touch created (what was agreed then). */
  commitmentsCreatedBy(touchId: number): Commitment[];
  /** Replaces the key points prepared for a contact's next touch. */
  setPendingPoints(contactId: number, points: string[], now: Instant): void;
  pendingPoints(contactId: number): string[];
  /** The prepared points go onto the touch that follows them. */
  keepPendingPoints(contactId: number, touchId: number): void;
  /** The points kept on each touch of a contact, by touch id. */
  pointsByTouch(contactId: number): Map<number, string[]>;

  /** What `fu today` decides a day from, read through the indexes. */
  agendaRows(day: AgendaDay): AgendaRows;
  /** The name and company of each of these contacts, by id. */
  namesOf(contactIds: readonly number[]): Map<number, ContactName>;
  /**
   * What the rows of the live contacts missed by now say of their open commitments (isMissed, with the bounds of
   * staleParams), in no order: a contact with more than one due passed comes once for each.
   */
  staleMissed(params: StaleParams): CommittedFacts[];
  /** How many live contacts have a soft next step not missed (those missed for a promise included). */
  staleSoftCount(params: StaleParams): number;
  /**
   * The live contacts with a soft next step not missed, by its day, then by id: read as they are taken, and the store
   * serves nothing else until the caller stops or has them all.
   */
  staleSoftRanked(params: StaleParams): Iterable<number>;
  /** How many live contacts neither missed nor soft are stale in a category after those two, decided by fu stale's rules in SQL. */
  staleCount(category: KeyedCategory, params: StaleParams): number;
  /**
   * The live contacts stale in a category after missed and soft if they are neither, each with the instant its rank
   * runs from, in rank order (time, then id): read as they are taken, and the store serves nothing else until the
   * caller stops or has them all.
   */
  staleRanked(category: KeyedCategory, params: StaleParams): Iterable<StaleKey>;
  /** The live contacts that may be stale, each with the open commitments that can decide its category: for the whole list. */
  staleCandidates(params: StaleParams): StaleContact[];
  /**
   * The stale contacts shown: those found missed or soft (`committed`) with every open commitment, the others (`keyed`,
   * found by staleRanked) with their open next step.
   */
  staleContacts(committed: readonly number[], keyed: readonly number[]): StaleContact[];
  /** The counts `fu stats` makes its figures from, read through the indexes. */
  statsRows(query: StatsQuery): StatsRows;

  // In and out in bulk (fu import, fu export, fu calendar, fu invite).
  /** Every contact as import matching sees it. */
  knownContacts(): KnownContact[];
  /** Inserts imported contacts with their tags, in order; returns their ids. */
  insertImported(contacts: readonly ImportedContact[], now: Instant, progress?: (done: number) => void): number[];
  /** Every row of each table, columns as stored (snake_case), in id order; a contact's tags joined by U+001F, a commitment's number of moves. */
  exportedContacts(): Record<string, unknown>[];
  exportedTouches(): Record<string, unknown>[];
  exportedCommitments(): Record<string, unknown>[];
  /** The reschedules (commitment_history). */
  exportedMoves(): Record<string, unknown>[];
  /** Every open commitment with its contact and number of moves, by due time. */
  openAgenda(): AgendaEntry[];
  /** One commitment with its contact and number of moves. */
  agendaEntry(commitmentId: number): AgendaEntry | undefined;
}

export type { CopyInfo, DatabaseFile } from '../domain/types.js';

/** A checked copy of a backup beside the database, ready to be put in its place. */
export interface PreparedRestore {
  tmp: string;
  info: CopyInfo;
}

/** The database as a whole: copies of it, and putting one back. */
export interface DatabaseFiles {
  /** Where the database is. */
  readonly path: string;
  /** Which of the database's files `file` is, however the path is spelled (a link, `..`): the database or a journal beside it; null when none. */
  databaseFileAt(file: string): DatabaseFile | null;
  /** A consistent copy to `target`, complete and checked before it gets its name. */
  backupTo(target: string, options: { overwrite: boolean }): Promise<CopyInfo>;
  /** Copies and checks a backup beside the database; nothing is replaced yet. */
  prepareRestore(source: string): PreparedRestore;
  /** Puts a prepared copy in place of the database; a damaged database is kept beside, and where is returned. */
  restore(prepared: PreparedRestore, source: string, now: Instant): { keptAs: string | null };
  /** Removes a prepared copy (restored or not). */
  discard(prepared: PreparedRestore): void;
}
