/**
 * The questions that close a conversation when fu is used interactively (`fu log`,
 * `fu add --met`): the next step, a disposition, promises. Each answer is checked
 * against the rules as it is given and only that question is asked again, keeping
 * what was typed; the rules' texts are worded for prompts, never with flags.
 */
import { checkNextStep, checkPromise, vagueWarning, type NextStepInput, type TouchInput } from '../domain/rules.js';
import type { DispositionKind } from '../domain/types.js';
import type { When } from '../domain/when.js';
import type { Deps } from './io.js';
import { promptText, type Wording } from './messages.js';
import { paint, safe } from './output.js';
import { whenAhead } from './when-input.js';

export interface Agreement {
  next: NextStepInput | null;
  soft: boolean;
  disposition: TouchInput['disposition'];
}

/** The command's clock and settings, to word a refusal. */
export const wording = (deps: Deps): Wording => ({ now: deps.now, zone: deps.zone, config: deps.config() });

/** Says why a question is asked (again), with the rule's id. */
export function explain(deps: Deps, rule: string, text: string): void {
  deps.io.err(`${paint(deps.io).yellow(rule)} ${safe(text)}\n`);
}

/** "What did you agree?": a next step (asked until it is firm or kept soft by choice) or a disposition. */
export async function askAgreement(deps: Deps, previous: NextStepInput | null): Promise<Agreement> {
  const choice = await deps.prompter.select<'next' | DispositionKind>('What did you agree?', [
    { name: 'A next step with a date and a time', value: 'next' },
    { name: 'Won', value: 'won' },
    { name: 'Lost', value: 'lost' },
    { name: 'Nurture: not now, keep in touch with value', value: 'nurture' },
    { name: 'Not a fit: check in a few months from now', value: 'not-fit' },
  ]);
  if (choice === 'next') return { ...(await askNextStep(deps, previous?.what)), disposition: null };
  const reason =
    choice === 'lost' ? (await deps.prompter.input('Why was it lost?', { validate: (t) => (t.trim() ? true : 'A short reason helps later.') })).trim() : null;
  return { next: null, soft: false, disposition: { kind: choice, reason } };
}

/** What the next step is (a vague wording is pointed out once: Enter again keeps it), then when. */
export async function askNextStep(deps: Deps, previousWhat?: string): Promise<{ next: NextStepInput; soft: boolean }> {
  let warned: string | null = null;
  const what = (
    await deps.prompter.input('Next step (what you will do together)', {
      prefill: previousWhat !== undefined ? safe(previousWhat) : undefined,
      validate: (text) => {
        const t = text.trim();
        if (!t) return 'Say what it is.';
        const vague = vagueWarning(t);
        if (vague && warned !== t) {
          warned = t;
          return `${vague.message} Press Enter again to keep it.`;
        }
        return true;
      },
    })
  ).trim();
  return askStepWhen(deps, what);
}

/** When the next step is: re-asked while it cannot be read or is past; a day without a time offers a soft date. */
export async function askStepWhen(deps: Deps, what: string, previous?: string): Promise<{ next: NextStepInput; soft: boolean }> {
  let typed = previous;
  for (;;) {
    let parsed: When | undefined;
    typed = await deps.prompter.input('When (e.g. tue 3pm, tomorrow 10:30)', {
      prefill: typed,
      validate: async (text) => {
        try {
          parsed = await whenAhead(deps, text);
        } catch (err) {
          return safe((err as Error).message);
        }
        const v = checkNextStep({ what, when: parsed }, true, deps.now, deps.zone);
        return v ? safe(promptText(v, wording(deps))) : true;
      },
    });
    const next = { what, when: parsed! };
    const v = checkNextStep(next, false, deps.now, deps.zone);
    if (!v) return { next, soft: false };
    explain(deps, v.rule, promptText(v, wording(deps)));
    const keep = await deps.prompter.select<'time' | 'soft'>('A time, or a soft date?', [
      { name: 'Add the time agreed', value: 'time' },
      { name: 'Keep it as a soft date: no time agreed yet', value: 'soft' },
    ]);
    if (keep === 'soft') return { next, soft: true };
  }
}

type Dated = 'promise' | 'expectation';

/** When a promise (or what they said they would do) is due: re-asked while it cannot be read or is already past. */
export async function askDueBy(deps: Deps, what: string, kind: Dated = 'promise'): Promise<When> {
  let parsed: When | undefined;
  await deps.prompter.input(kind === 'promise' ? 'By when (e.g. tomorrow 5pm)' : 'By when (e.g. next monday)', {
    validate: async (text) => {
      try {
        parsed = await whenAhead(deps, text);
      } catch (err) {
        return safe((err as Error).message);
      }
      const v = checkPromise({ what, by: parsed }, deps.now, deps.config(), deps.zone, kind);
      return v ? safe(promptText(v, wording(deps))) : true;
    },
  });
  return parsed!;
}

const DATED_QUESTIONS: Record<Dated, { first: string; again: string; what: string }> = {
  promise: { first: 'Did you promise them something (answers, a quote)?', again: 'Another promise?', what: 'What did you promise?' },
  expectation: {
    first: 'Did they say they would do something by a date?',
    again: 'Anything else they said they would do?',
    what: 'What will they do (e.g. review it with the team)?',
  },
};

/** "Did you promise them something?" (or "Did they say they would do something by a date?") once, then "Another ...?" after each. */
export async function askDated(deps: Deps, kind: Dated): Promise<{ what: string; by: When }[]> {
  const q = DATED_QUESTIONS[kind];
  const items: { what: string; by: When }[] = [];
  let question = q.first;
  while (await deps.prompter.confirm(question, false)) {
    const what = (await deps.prompter.input(q.what, { validate: (t) => (t.trim() ? true : 'Say what.') })).trim();
    items.push({ what, by: await askDueBy(deps, what, kind) });
    question = q.again;
  }
  return items;
}
