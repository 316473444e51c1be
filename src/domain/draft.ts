/**
 * `fu draft`: the next message for a contact, in the three-part formula
 * (why fu exists, docs/rules.md): (A) who you are and your history together, from the
 * log; (B) why you are writing now, from --reason; (C) one clear ask. Pure:
 * the CLI reads the template file and the store, and passes them in.
 */
import { isMissed } from './commitments.js';
import { addDays, dueDate, formatDay, instantAt, localDateOf, localTimeOf, parseTimeOfDay, weekdayOf } from './time.js';
import type { Channel, Commitment, Config, Instant, LocalDate, Touch } from './types.js';
import type { Zone } from './zone.js';

export type DraftKind = 'follow-up' | 'breakup' | 'nurture';

/** The placeholders a template may use, and what each becomes. */
export const PLACEHOLDERS = {
  firstName: 'the first word of the contact name',
  name: 'the contact name',
  company: 'the company, else the contact name',
  history: 'part A: who you are (in a first message), when and how you last spoke, what was discussed, sent and promised',
  reason: 'part B: the reason given, as a sentence, else a [WHY NOW: ...] placeholder',
  ask: 'part C: the ask given, else the default ask (two concrete slots for a follow-up)',
  signature: '"Best," and config user.name ([YOUR NAME] when unset)',
  yourName: 'config user.name ([YOUR NAME] when unset)',
} as const;
type Placeholder = keyof typeof PLACEHOLDERS;

export const WHY_NOW = '[WHY NOW: something relevant to them today, e.g. a news item or a new offering that meets their need]';
export const WHAT_YOU_SHARE = '[WHAT YOU SHARE: something genuinely useful to them, e.g. an article, a benchmark, an invitation]';
export const YOUR_NAME = '[YOUR NAME]';

/** An appointment is assumed to last this long when slots avoid it. */
const APPOINTMENT_MINUTES = 30;

export interface DraftInput {
  kind: DraftKind;
  /** `source`: how the contact came to you; a clause of three words or more ("Lea suggested I write") introduces a first message. */
  contact: { name: string; company: string | null; source: string | null };
  /** This contact's touches and commitments, any order. */
  touches: Touch[];
  commitments: Commitment[];
  /** When the user's own appointments start (the open next steps with a time, of every contact), in the days slots are looked for (SLOT_SEARCH_DAYS). */
  appointments: Instant[];
  config: Config;
  now: Instant;
  zone: Zone;
  reason: string | null;
  ask: string | null;
  /** How many slots the default follow-up ask offers. */
  slots: number;
  /** The template text: first line `Subject: ...`, then the body. */
  template: string;
}

interface Draft {
  subject: string;
  body: string;
  /** The instants offered by the ask (empty when --ask or not a follow-up). */
  slots: Instant[];
  /** The bracketed placeholders left in the message, for the user to fill in. */
  todo: string[];
  /** The last conversation's note, left out of part A because it is not a topic (see topicOf). */
  leftOutNote: History['leftOut'];
}

/** A template's problem (no Subject line, an unknown placeholder), or null when it is usable. */
export function templateProblem(template: string): string | null {
  const first = template.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (!/^Subject:/i.test(first)) return 'its first line must be "Subject: ..."';
  for (const m of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    // Own keys only: `{{constructor}}` is no placeholder.
    if (!Object.hasOwn(PLACEHOLDERS, m[1]!)) return `it has an unknown placeholder {{${m[1]}}}`;
  }
  return null;
}

/** Fills `{{name}}`s; a part left empty takes its paragraph with it. The template must be usable (see templateProblem). */
export function renderTemplate(template: string, values: Record<Placeholder, string>): { subject: string; body: string } {
  const filled = template
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, k: string) => values[k as Placeholder]);
  const [first = '', ...rest] = filled.split('\n');
  const body = rest
    .join('\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/[ \t]+$/gm, ''))
    .filter((p) => p.trim() !== '')
    .join('\n\n');
  return { subject: first.replace(/^Subject:\s*/i, '').trim(), body: body.replace(/^\n+/, '').replace(/\s+$/, '') + '\n' };
}

const VIA: Record<Channel, string> = {
  call: 'on the phone',
  meeting: 'in person',
  email: 'by email',
  text: 'by text',
  linkedin: 'on LinkedIn',
  other: '',
};
const TRIED: Record<Channel, string> = {
  call: 'called',
  meeting: 'tried to meet you',
  email: 'wrote',
  text: 'sent a text',
  linkedin: 'wrote on LinkedIn',
  other: 'tried to reach you',
};

/** A note as part of a sentence: first letter kept, final punctuation dropped, long notes cut at 20 words. */
function clause(text: string): string {
  const words = text.trim().replace(/\s+/g, ' ').split(' ');
  const cut = words.length > 20 ? `${words.slice(0, 20).join(' ')}…` : words.join(' ');
  return cut.replace(/[.!;:,]+$/, '');
}

/** Text as a sentence: capital first letter, final `end` (a full stop, or a question mark for an ask). */
function sentence(text: string, end = '.'): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return '';
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  // A link at the end keeps no full stop: it would break the link when clicked.
  return /[.!?…]$/.test(s) || /\w+:\/\/\S+$/.test(s) ? s : `${s}${end}`;
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const byTime = (a: { at: Instant }, b: { at: Instant }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/**
 * A note that reads as the topic of a conversation ("the pilot for the sales
 * team"), as it would follow "We spoke ... about": one clause (no full stop
 * but a final one, no semicolon, question or exclamation mark) that does not open like a sentence
 * (a capitalised ordinary word: "Liked the idea"). Notes written as private
 * observations are not put in the prospect's mouth; null for them.
 */
export function topicOf(note: string | null): string | null {
  const text = note?.trim().replace(/\s+/g, ' ') ?? '';
  if (!text || /[.;!?]/.test(text.replace(/\.$/, '')) || /^\p{Lu}\p{Ll}/u.test(text)) return null;
  // A clause that opens with a verb or a pronoun is a report of what was said, not a topic: "liked the pilot, asked for a case study".
  if (text.split(/,|\band\b|\bbut\b/).some((part) => NOT_A_TOPIC.test(part.trim()))) return null;
  return clause(text);
}

/** The first word of a clause that is not a topic: a past tense, a verb of saying or wanting, a pronoun. */
const NOT_A_TOPIC =
  /^(?:\p{Ll}+[^e\s]ed|\p{Ll}*ied|said|says|told|sent|thinks?|thought|likes?|wants?|needs|will|would|should|could|can|may|might|must|is|are|was|were|has|have|had|does|did|I|we|they|he|she|you|it|call|send|ask|get|come|go|see)\b/u;

/** Verbs a promise or an expectation starts with ("send the case study"), and their past tense. */
const PAST: Record<string, string> = {
  send: 'sent',
  share: 'shared',
  email: 'emailed',
  forward: 'forwarded',
  get: 'got',
  prepare: 'prepared',
  write: 'wrote',
  find: 'found',
  check: 'checked',
  confirm: 'confirmed',
  ask: 'asked',
  call: 'called',
  introduce: 'introduced',
  book: 'booked',
  set: 'set',
  make: 'made',
  put: 'put',
  draft: 'drafted',
  update: 'updated',
  review: 'reviewed',
  schedule: 'scheduled',
  arrange: 'arranged',
  follow: 'followed',
  look: 'looked',
  run: 'ran',
  build: 'built',
  quote: 'quoted',
  price: 'priced',
  invite: 'invited',
  connect: 'connected',
  dig: 'dug',
  decide: 'decided',
  discuss: 'discussed',
  talk: 'talked',
  sign: 'signed',
  approve: 'approved',
  test: 'tested',
  try: 'tried',
  read: 'read',
};

/** A promise as a verb phrase, split into its verb (lower case) and the rest; null when it does not open with a known verb. */
function promiseVerb(what: string): { verb: string; rest: string } | null {
  const text = clause(what);
  const m = /^(\p{L}+)(.*)$/u.exec(text);
  if (!m) return null;
  const verb = m[1]!.toLowerCase();
  return Object.hasOwn(PAST, verb) ? { verb, rest: m[2]! } : null;
}

/** A kept promise after "As promised, I": "sent the case study"; a topic ("pricing for 40 seats") is "took care of" it; anything else is left out. */
function promiseDone(what: string): string | null {
  const v = promiseVerb(what);
  if (v) return `${PAST[v.verb]}${v.rest}`;
  const topic = topicOf(what);
  return topic ? `took care of ${topic}` : null;
}

/** An open promise after "As promised, I will": "send the case study"; a topic is "get you" it; anything else is left out. */
function promiseOwed(what: string): string | null {
  const v = promiseVerb(what);
  if (v) return `${v.verb}${v.rest}`;
  const topic = topicOf(what);
  return topic ? `get you ${topic}` : null;
}

/**
 * Who you are, for a first message (no conversation yet): your name and company,
 * how the contact came to you when the source reads as a clause ("Lea suggested I
 * write", "we met at the Retail Expo": three words or more), and your one-line pitch.
 */
function introduction(input: Pick<DraftInput, 'config' | 'contact'>): string[] {
  const { userName, userCompany, userPitch } = input.config;
  const source = input.contact.source?.trim() ?? '';
  return [
    userCompany.trim() ? `I'm ${userName.trim() || YOUR_NAME} from ${userCompany.trim()}.` : '',
    source.split(/\s+/).length >= 3 ? sentence(clause(source)) : '',
    userPitch.trim() ? sentence(clause(userPitch)) : '',
  ].filter(Boolean);
}

interface History {
  /** Part A, in sentences ('' with no history). */
  text: string;
  /** The last conversation's note when it was left out (not a topic), for the user to weave in. */
  leftOut: { at: Instant; note: string } | null;
}

/** Part A: the last conversation, what was sent since, the attempts since, the open promises. */
function historyOf(input: Pick<DraftInput, 'touches' | 'commitments' | 'config' | 'now' | 'zone' | 'kind' | 'contact'>): History {
  const { zone, now } = input;
  const today = localDateOf(now, zone);
  const day = (at: Instant) => formatDay(localDateOf(at, zone), today);
  const touches = [...input.touches].filter((t) => t.at <= now).sort(byTime);
  const lastTwoWay = touches.filter((t) => t.outcome === 'connected' || t.outcome === 'replied').at(-1);
  const parts: string[] = [];
  let leftOut: History['leftOut'] = null;
  if (lastTwoWay) {
    const topic = topicOf(lastTwoWay.note);
    if (lastTwoWay.note?.trim() && topic === null) leftOut = { at: lastTwoWay.at, note: lastTwoWay.note.trim() };
    const about = topic ? ` about ${topic}` : '';
    const via = VIA[lastTwoWay.channel];
    if (lastTwoWay.outcome === 'replied') parts.push(`Thank you for your reply on ${day(lastTwoWay.at)}${about}.`);
    else if (lastTwoWay.channel === 'meeting') parts.push(`It was good to meet on ${day(lastTwoWay.at)}${about ? ` and talk${about}` : ''}.`);
    else parts.push(`We spoke ${via ? `${via} ` : ''}on ${day(lastTwoWay.at)}${about}.`);
  } else parts.push(...introduction(input));
  const since = touches.filter((t) => !lastTwoWay || t.at > lastTwoWay.at);
  // An auto-reply's return date came from their inbox, not from them: it is never quoted.
  const away = since.filter((t) => t.outcome === 'auto-reply' && t.until !== null).at(-1);
  if (away) {
    if (away.until! <= today) parts.unshift('Welcome back.');
    else parts.push('I know you are away at the moment, so there is no rush.');
  }
  const proposal = touches.filter((t) => t.proposal).at(-1);
  if (proposal && (!lastTwoWay || proposal.at >= lastTwoWay.at)) parts.push(`I sent you our proposal on ${day(proposal.at)}.`);
  const values = since.filter((t) => t.value && t.outcome !== 'auto-reply');
  const lastValue = values.at(-1);
  if (lastValue && input.kind === 'nurture') parts.push(`Last time I shared ${clause(lastValue.value!)}.`);
  const unanswered = since.filter((t) => !t.proposal && !t.value && ['no-answer', 'voicemail', 'sent'].includes(t.outcome));
  if (unanswered.length > 0 && input.kind !== 'nurture') {
    const channels = [...new Set(unanswered.map((t) => t.channel))];
    const how = channels.length === 1 ? `I ${TRIED[channels[0]!]}` : 'I tried to reach you';
    parts.push(`${how} on ${list(unanswered.map((t) => day(t.at)))}${input.kind === 'follow-up' ? ', and I know how full a week can get' : ''}.`);
  }
  const kept = input.commitments
    .filter((c) => c.kind === 'promise' && c.state === 'kept' && (!lastTwoWay || (c.closedAt ?? '') > lastTwoWay.at))
    .flatMap((c) => promiseDone(c.what) ?? []);
  if (kept.length) parts.push(`As promised, I ${list(kept)}.`);
  // A promise already missed is owed without its date: a deadline that has passed is no promise to repeat.
  const by = (c: Commitment) => (isMissed(c, now, today, input.config, zone) ? '' : ` by ${formatDay(dueDate(c.due, zone), today)}`);
  const owed = input.commitments
    .filter((c) => c.kind === 'promise' && c.state === 'open')
    .flatMap((c) => {
      const owing = promiseOwed(c.what);
      return owing ? [`${owing}${by(c)}`] : [];
    });
  if (owed.length) parts.push(`As promised, I will ${list(owed)}.`);
  return { text: parts.join(' '), leftOut };
}

const minutesOf = (time: string) => {
  const t = parseTimeOfDay(time)!;
  return t.hour * 60 + t.minute;
};
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** How many days after today free slots are looked for. */
export const SLOT_SEARCH_DAYS = 60;

/**
 * `count` slots, one a working day (Mon-Fri) from the next working day on,
 * inside day.start..day.end (a 30-minute appointment ends by day.end), on the
 * half hour, none overlapping an appointment (assumed 30 minutes). Even days
 * prefer 15:00, odd days 10:00 (the nearest free time to it), so the prospect
 * gets an afternoon and a morning to choose from.
 */
export function proposeSlots(count: number, appointments: Instant[], config: Config, now: Instant, zone: Zone): Instant[] {
  const busy = Float64Array.from(appointments, (at) => Date.parse(at)).sort();
  const length = APPOINTMENT_MINUTES * 60_000;
  // Sorted, so one binary search per slot tells whether an appointment overlaps it (thousands of them at 100k contacts).
  const overlaps = (ms: number) => {
    let lo = 0;
    let hi = busy.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (busy[mid]! <= ms - length) lo = mid + 1;
      else hi = mid;
    }
    return lo < busy.length && busy[lo]! < ms + length;
  };
  const start = minutesOf(config.dayStart);
  const end = minutesOf(config.dayEnd) - APPOINTMENT_MINUTES;
  const grid: number[] = [];
  for (let m = Math.ceil(start / 30) * 30; m <= end; m += 30) grid.push(m);
  if (grid.length === 0 && start <= end) grid.push(start);
  const slots: Instant[] = [];
  let date: LocalDate = localDateOf(now, zone);
  for (let tries = 0; slots.length < count && tries < SLOT_SEARCH_DAYS; tries++) {
    date = addDays(date, 1);
    const wd = weekdayOf(date);
    if (wd === 0 || wd === 6) continue;
    const target = slots.length % 2 === 0 ? 15 * 60 : 10 * 60;
    const ordered = [...grid].sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b);
    for (const m of ordered) {
      const at = instantAt(date, hhmm(m), zone);
      const ms = Date.parse(at);
      if (ms <= Date.parse(now)) continue;
      if (overlaps(ms)) continue;
      slots.push(at);
      break;
    }
  }
  return slots;
}

/** "Tue 24 Nov at 15:00". */
function formatSlot(at: Instant, zone: Zone, now: Instant): string {
  return `${formatDay(localDateOf(at, zone), localDateOf(now, zone))} at ${localTimeOf(at, zone)}`;
}

/**
 * Part B without a reason given: what they said they would do by a day now past,
 * the oldest first ("You were going to review it with your team by Mon 23 Nov: I'd
 * like to hear where it landed."); null when nothing they were to do has passed.
 */
function passedExpectation(input: Pick<DraftInput, 'commitments' | 'config' | 'now' | 'zone'>): string | null {
  const { now, zone, config } = input;
  const today = localDateOf(now, zone);
  const passed = input.commitments
    .filter((c) => c.kind === 'expectation' && c.state === 'open' && isMissed(c, now, today, config, zone))
    .sort((a, b) => (dueDate(a.due, zone) < dueDate(b.due, zone) ? -1 : 1));
  for (const c of passed) {
    const by = formatDay(dueDate(c.due, zone), today);
    const v = promiseVerb(c.what);
    if (v) return `You were going to ${v.verb}${v.rest} by ${by}: I'd like to hear where it landed.`;
    const topic = topicOf(c.what);
    if (topic) return `You were going to come back on ${topic} by ${by}: I'd like to hear where it landed.`;
  }
  return null;
}

/** The open next step with a time still ahead, the soonest: the ask confirms it instead of offering slots. */
function bookedStep(commitments: readonly Commitment[], now: Instant): Commitment | undefined {
  return commitments
    .filter((c) => c.kind === 'next-step' && c.state === 'open' && 'at' in c.due && c.due.at > now)
    .sort((a, b) => byTime(a.due as { at: Instant }, b.due as { at: Instant }))[0];
}

/** Whether a draft's ask offers free slots (so needs the user's appointments): a follow-up without an ask of its own and no step booked ahead. */
export function offersSlots(kind: DraftKind, ask: string | null, commitments: readonly Commitment[], now: Instant): boolean {
  return kind === 'follow-up' && !ask?.trim() && bookedStep(commitments, now) === undefined;
}

export function buildDraft(input: DraftInput): Draft {
  const { kind, config, zone, now } = input;
  const firstName = input.contact.name.trim().split(/\s+/)[0]!;
  const yourName = config.userName.trim() || YOUR_NAME;
  let slots: Instant[] = [];

  const reason = input.reason?.trim()
    ? sentence(input.reason)
    : kind === 'breakup'
      ? ''
      : kind === 'nurture'
        ? WHAT_YOU_SHARE
        : (passedExpectation(input) ?? WHY_NOW);

  let ask: string;
  if (input.ask?.trim()) {
    ask = sentence(input.ask, '?');
  } else if (kind === 'breakup') {
    ask = 'Should I close the file for now? A one-word reply is plenty, and if the timing changes later, my door is open.';
  } else if (kind === 'nurture') {
    ask = 'Would that be useful to you?';
  } else {
    // The same test as offersSlots: the draft offers slots only when no step is booked ahead.
    const next = bookedStep(input.commitments, now);
    if (next && 'at' in next.due) {
      ask = `Are we still on for ${formatSlot(next.due.at, zone, now)} (${clause(next.what)})?`;
    } else {
      slots = proposeSlots(input.slots, input.appointments, config, now, zone);
      const proposalOut = input.touches.some((t) => t.proposal);
      const what = proposalOut ? 'for 15 minutes to go through the proposal together' : 'for 15 minutes';
      ask = `Would ${list(slots.map((s) => formatSlot(s, zone, now))).replace(/ and ([^,]*)$/, ' or $1')} suit you ${what}?`;
    }
  }

  const history = historyOf(input);
  const values: Record<Placeholder, string> = {
    firstName,
    name: input.contact.name.trim(),
    company: input.contact.company?.trim() || input.contact.name.trim(),
    history: history.text,
    reason,
    ask,
    signature: `Best,\n${yourName}`,
    yourName,
  };
  const { subject, body } = renderTemplate(input.template, values);
  // What is left to fill in is what the message holds: a template may use neither the reason nor the signature.
  const todo = [WHY_NOW, WHAT_YOU_SHARE, YOUR_NAME].filter((p) => subject.includes(p) || body.includes(p));
  return { subject, body, slots, todo, leftOutNote: history.leftOut };
}
