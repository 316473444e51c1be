/** The commander program: global options, one module per command, shared plumbing. */
import { Command, Help, type Option } from 'commander';
import layout from '../../bin/layout.cjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFrom } from '../domain/config.js';
import type { Config } from '../domain/types.js';
import { busyTimeoutFrom, listMigrations, openDatabase, resolveDbPath, type Db } from '../store/db.js';
import { Store } from '../store/store.js';
import { FuError } from '../errors.js';
import { currentTime } from './clock.js';
import type { Deps, IO } from './io.js';
import { inquirerPrompter } from './prompter.js';
import { COMMANDS } from './commands/index.js';
import { withExamples, type App } from './command-kit.js';
import { zoneInUse } from './zone.js';
import type { Zone } from '../domain/zone.js';

/** What the entry needs to tell a database failure from a bug: program.ts is the one CLI module that knows the store. */
export { asDatabaseError, describe, isDatabaseFault, type Db } from '../store/db.js';

export interface Environment {
  io: IO;
  env: NodeJS.ProcessEnv;
  zone: Zone;
  /** Asked only when stdout is a terminal: prompts need both. */
  stdinIsTTY(): boolean;
  systemNow: () => number;
}

interface GlobalOptions {
  db?: string;
  input: boolean;
}

/** fu's config folder: $XDG_CONFIG_HOME/fu (when absolute, as the XDG spec says), else ~/.config/fu. */
export function configDirOf(env: NodeJS.ProcessEnv): string {
  if (env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)) return path.join(env.XDG_CONFIG_HOME, 'fu');
  return path.join(env.HOME || os.homedir(), '.config', 'fu');
}

/**
 * The command named on the command line, if any: the first word that is not
 * an option (nor the value of --db, the one global option that takes one).
 * None when help is asked before it (`fu --help today` lists every command).
 */
export function commandName(argv: string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--' || arg === '-h' || arg === '--help') return undefined;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The commands to register for `argv`: the one being run; none for `fu --version`;
 * with no known command (`fu --help`, a typo that wants suggestions) every one, in order.
 */
export function commandsFor(argv: string[]): typeof COMMANDS {
  const name = commandName(argv);
  const wanted = COMMANDS.filter(([n]) => n === name);
  if (wanted.length > 0) return wanted;
  const args = argv.slice(2);
  const versionOnly = args.some((a) => a === '-V' || a === '--version') && !args.some((a) => a === '-h' || a === '--help');
  return versionOnly ? [] : COMMANDS;
}

/** Registers the commands `argv` needs (commandsFor), importing only their modules. */
async function loadCommands(program: Command, app: App, argv: string[]): Promise<void> {
  const modules = await Promise.all(commandsFor(argv).map(([, load]) => load()));
  for (const m of modules) m.register(program, app);
}

/**
 * An option's help line, as commander writes it, except that a repeatable option's
 * empty starting list is not shown: "(default: [])" tells the user nothing.
 */
function describeOption(this: Help, option: Option): string {
  const empty = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
  return Help.prototype.optionDescription.call(this, empty ? Object.assign(Object.create(option) as Option, { defaultValue: undefined }) : option);
}

export async function buildProgram(environment: Environment, argv: string[] = []): Promise<{ program: Command; close(): void; database(): Db | undefined }> {
  const { io, env, zone } = environment;
  let store: Store | undefined;
  let config: Config | undefined;
  const { version } = JSON.parse(fs.readFileSync(layout.packageJson, 'utf8')) as { version: string };

  const program = new Command('fu')
    .description('Follow-up tracker for people who sell: every conversation ends with a firm next step.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--db <path>', 'database file (default: $FU_DB, else $XDG_DATA_HOME/fu/fu.db, else ~/.local/share/fu/fu.db)')
    .option('--no-color', 'no colour (also NO_COLOR=1 or TERM=dumb)')
    .option('--no-input', 'never prompt; missing input is an error')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => {} })
    .configureHelp({ optionDescription: describeOption })
    .addHelpCommand(false);

  const app: App = {
    deps(cmd) {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const dbPath = () => resolveDbPath(globals.db, env);
      const openStore = () => (store ??= new Store(openDatabase(dbPath(), listMigrations(), { busyTimeoutMs: busyTimeoutFrom(env) })));
      // FU_NOW without an offset is read in the user's own zone: the clock never waits for the database.
      const now = currentTime(env.FU_NOW, zone, environment.systemNow);
      let dayZone: Zone | undefined;
      /**
       * The zone the database names, if it can be read: a command that needs no database (fu check) still
       * runs when it is missing, unset or damaged; one that needs it meets the same error when it opens it.
       */
      const configuredZone = (): string => {
        if (store === undefined && !fs.existsSync(dbPath())) return '';
        try {
          return deps.config().zone;
        } catch (err) {
          if (err instanceof FuError) return ''; // a database fu cannot use: the command that opens it says why
          throw err;
        }
      };
      const deps: Deps = {
        io,
        ownZone: zone,
        // Asked on first use: the configured zone is in the database, which a command that never counts days
        // does not open (and a database not made yet has no configured zone).
        get zone() {
          dayZone ??= zoneInUse(configuredZone(), zone, env, io);
          return dayZone;
        },
        now,
        prompter: inquirerPrompter(io.stdoutIsTTY && globals.input !== false && environment.stdinIsTTY()),
        configDir: () => configDirOf(env),
        store: openStore,
        files: async () => (await import('../store/files.js')).databaseFiles(dbPath(), openStore),
        config() {
          config ??= configFrom(this.store().configValues());
          return config;
        },
      };
      return deps;
    },
  };

  await loadCommands(program, app, argv);
  program.addHelpText(
    'after',
    '\nOutput: a table on a terminal. Piped, tab-separated rows, one record a line, a value escaped\n' +
      'so it stays on its line: a backslash as \\\\, a tab \\t, a newline \\n, other control\n' +
      'characters \\xNN or \\uNNNN. --json gives the exact text, for scripts.',
  );
  withExamples(program, [
    'fu demo && fu today',
    'fu add "Dana Reyes" --company Acme --email dana@acme.com',
    'fu log dana --outcome connected --next "demo to the team" --at "tue 3pm"',
    'fu stale',
  ]);
  return { program, close: () => store?.close(), database: () => store?.db };
}
