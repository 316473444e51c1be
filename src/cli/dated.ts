/**
 * `--promise WHAT` and `--expect WHAT`, each followed by its own `--by WHEN`:
 * shared by `fu log` and `fu add --met`. Each --by belongs to the --promise or
 * --expect just before it on the command line, so the three options are
 * collected into one list in the order they were typed.
 */
import { Option, type Command } from 'commander';
import type { When } from '../domain/when.js';
import { usageError } from '../errors.js';
import type { Deps } from './io.js';
import { requiredText } from './input.js';
import { safe } from './output.js';
import { whenAhead } from './when-input.js';

export type DatedKind = 'promise' | 'expectation';
/** A --promise or --expect with the --by typed after it, or a --by with nothing before it (kind null). */
export interface DatedItem {
  kind: DatedKind | null;
  what: string | null;
  by: string | null;
}

const FLAG: Record<DatedKind, string> = { promise: '--promise', expectation: '--expect' };

export function addDatedOptions(cmd: Command, scope = ''): Command {
  // One list per command line: commander calls the parsers in the order the options were typed.
  const items: DatedItem[] = [];
  const item = (kind: DatedKind) => (what: string) => {
    items.push({ kind, what, by: null });
    return items;
  };
  return cmd
    .addOption(new Option('--promise <what>', `${scope}something you owe them, with its --by right after (repeatable)`).argParser(item('promise')))
    .addOption(
      new Option('--expect <what>', `${scope}something they said they would do, with its --by right after (repeatable)`).argParser(item('expectation')),
    )
    .addOption(
      new Option('--by <when>', 'when the --promise or --expect just before it is due').argParser((by: string) => {
        const last = items.at(-1);
        if (last && last.kind !== null && last.by === null) last.by = by;
        else items.push({ kind: null, what: null, by });
        return items;
      }),
    );
}

/** The items of a parsed command line: the options above, else none. */
export function datedItems(opts: { promise?: DatedItem[]; expect?: DatedItem[]; by?: DatedItem[] }): DatedItem[] {
  return opts.promise ?? opts.expect ?? opts.by ?? [];
}

/** Exit 2 for a --promise or --expect without its --by, or a --by without one before it. */
export function checkPairs(items: DatedItem[]): void {
  for (const i of items) {
    if (i.kind === null) throw usageError(`--by "${safe(i.by)}" has no --promise or --expect just before it: each --by follows the one it dates.`);
    if (i.by === null)
      throw usageError(`${FLAG[i.kind]} "${safe(i.what)}" needs its own --by right after it.`, `e.g. ${FLAG[i.kind]} "${safe(i.what)}" --by "fri 5pm"`);
  }
}

/** The promises and expectations as the rules take them, their dates read. */
export async function readDated(
  items: DatedItem[],
  deps: Deps,
): Promise<{ promises: { what: string; by: When }[]; expectations: { what: string; by: When }[] }> {
  const out = { promises: [] as { what: string; by: When }[], expectations: [] as { what: string; by: When }[] };
  for (const i of items) {
    const entry = { what: requiredText(FLAG[i.kind!], i.what!), by: await whenAhead(deps, i.by!) };
    (i.kind === 'promise' ? out.promises : out.expectations).push(entry);
  }
  return out;
}
