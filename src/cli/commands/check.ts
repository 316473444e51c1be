import type { Command } from 'commander';
import { checkMessage, MAX_WORDS, type FindingKind } from '../../domain/check.js';
import { plural } from '../../domain/text.js';
import { localDateOf } from '../../domain/time.js';
import { Exit, FuError, usageError } from '../../errors.js';
import type { Deps } from '../io.js';
import { paint, printJson, safe } from '../output.js';
import { withExamples, type App } from '../command-kit.js';

export interface CheckOptions {
  text: string;
  json?: boolean;
}

const LABEL: Record<FindingKind, string> = {
  'weak-phrase': 'weak phrase',
  placeholder: 'unfilled placeholder',
  'no-ask': 'no ask',
  'many-asks': 'more than one ask',
  'too-long': `over ${MAX_WORDS} words`,
};

export async function runCheck(opts: CheckOptions, deps: Deps): Promise<void> {
  const { io } = deps;
  let text = opts.text;
  if (text === '-') {
    text = await io.stdin();
  }
  if (!text.trim()) throw usageError('The message is empty.', 'Give the message as an argument, or - to read it from standard input.');
  const findings = checkMessage(text, localDateOf(deps.now, deps.zone));
  if (opts.json) {
    printJson(io, { clean: findings.length === 0, findings });
  } else if (findings.length === 0) {
    io.out('No findings: one ask, no weak phrase, short enough.\n');
  } else {
    const c = paint(io);
    io.out(
      findings
        .map(
          (f) =>
            `${f.line}:${f.column}  ${c.yellow(LABEL[f.kind])}${f.kind === 'too-long' ? ` (${f.phrase})` : f.phrase ? ` "${safe(f.phrase)}"` : ''}\n      ${safe(f.suggestion)}`,
        )
        .join('\n') + '\n',
    );
  }
  if (findings.length > 0) throw new FuError(Exit.rule, `${plural(findings.length, 'finding')}.`);
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('check')
    .summary('lint a follow-up message: weak phrases, placeholders, one ask, length')
    .description(
      `Lint a follow-up message: flags the phrases that get emails ignored ("just checking in", "touching base", "circling back"...), ` +
        'the placeholders a draft leaves to fill in ([WHY NOW: ...]), ' +
        `a missing ask and more than one ask (an ask is a sentence ending in "?", but not "Any updates?"; a first "Subject:" line is not counted), and more than ${MAX_WORDS} words. ` +
        'Each finding has its line:column and a better alternative. Exit 0 when clean, 3 when something is found.',
    )
    .argument('<text>', 'the message, or - to read it from standard input')
    .option('--json', 'print the findings as JSON')
    .action((text: string, opts: Omit<CheckOptions, 'text'>, command: Command) => runCheck({ ...opts, text }, app.deps(command)));
  withExamples(cmd, [
    'fu check "Hi Dana, just checking in. Any update?"',
    'fu draft dana --reason "their new Lyon warehouse" | fu check -',
    'pbpaste | fu check -',
  ]);
}
