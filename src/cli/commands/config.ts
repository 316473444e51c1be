import type { Command } from 'commander';
import { setConfig } from '../../app/config.js';
import { CONFIG_KEYS, configKeys, configValueOf } from '../../domain/config.js';
import { usageError } from '../../errors.js';
import type { Deps } from '../io.js';
import { outputMode, printJson, printTsv, renderTable } from '../output.js';
import { withExamples, type App } from '../command-kit.js';

export interface ConfigOptions {
  key?: string;
  value?: string;
  json?: boolean;
}

const unknownKey = (key: string) => usageError(`Unknown config key "${key}".`, `The keys are: ${configKeys().join(', ')}.`);

export async function runConfig(opts: ConfigOptions, deps: Deps): Promise<void> {
  const { io } = deps;
  if (opts.key !== undefined && !CONFIG_KEYS[opts.key]) throw unknownKey(opts.key);
  if (opts.key !== undefined && opts.value !== undefined) {
    const set = setConfig({ store: deps.store(), ownZone: deps.ownZone, now: deps.now }, opts.key, opts.value);
    if (!set.ok) throw usageError(`${set.message}.`, `See the settings with: fu config`);
    io.out(`${opts.key} = ${set.value}\n`);
    return;
  }
  const config = deps.config();
  const keys = opts.key !== undefined ? [opts.key] : configKeys();
  const mode = outputMode(io, opts.json);
  if (mode === 'json') {
    printJson(io, Object.fromEntries(keys.map((k) => [k, config[CONFIG_KEYS[k]!.field]])));
  } else if (opts.key !== undefined) {
    io.out(`${configValueOf(config, opts.key)}\n`);
  } else if (mode === 'tsv') {
    printTsv(
      io,
      keys.map((k) => [k, configValueOf(config, k)]),
    );
  } else {
    io.out(
      (await renderTable(
        io,
        [{ header: 'Key' }, { header: 'Value' }, { header: 'Meaning', flex: true, min: 20 }],
        keys.map((k) => [k, configValueOf(config, k), CONFIG_KEYS[k]!.describe]),
      )) + '\n',
    );
  }
}

export function register(program: Command, app: App): void {
  const cmd = program
    .command('config')
    .summary('read or set a setting')
    .description(`Read or set a setting. Keys: ${configKeys().join(', ')}.`)
    .argument('[key]', 'setting to read or set')
    .argument('[value]', 'new value')
    .option('--json', 'print JSON for scripts')
    .action((key: string | undefined, value: string | undefined, opts: { json?: boolean }, command: Command) =>
      runConfig({ key, value, json: opts.json }, app.deps(command)),
    );
  withExamples(cmd, ['fu config', 'fu config attempts.limit 2', 'fu config day.end 18:00', 'fu config zone America/New_York', 'fu config --json']);
}
