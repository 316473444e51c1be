#!/usr/bin/env node
/**
 * The second half of `npm run build`: the CLI compiled by tsc (dist/cli/main.js
 * and everything it imports, commander included) bundled into one file,
 * dist/bundle/fu.cjs, which bin/fu.cjs runs with V8's code cache
 * (dist/bundle/fu.cache, made here by running the main commands once in this
 * process). One file instead of forty modules, and compiled code read from
 * the cache instead of compiled again: together they halve what fu adds to
 * Node's start-up (see docs/performance.md).
 *
 * Left out, loaded from node_modules only when used: better-sqlite3's native
 * addon (its JavaScript is in) and the libraries of import, export, calendar
 * and invite. Command modules stay lazy inside the bundle: a command's code
 * is initialised only when that command runs.
 *
 * chrono-node's English parser (for the dates in words fu does not read
 * itself) and @inquirer/prompts are each bundled on their own, a file beside
 * the bundle (dist/bundle/chrono.cjs, prompts.cjs) that it requires on first
 * use. Measured, as CPU time (user + system) over 20-40 alternating runs on
 * the demo database, `fu today` / `fu today --on "dec 3 2pm"`:
 *   - chrono-node from node_modules: 37 / 101 ms;
 *   - inside fu.cjs and its code cache: 40 / 70 ms (fu.cjs 480 kB instead of
 *     355 kB, its cache 443 kB instead of 314 kB, read and deserialised by
 *     every `fu today`, which never parses a date in words);
 *   - in a file of its own: 38 / 75-80 ms; with a code cache of its own too,
 *     no faster; minified, no faster.
 * And `fu log` on a terminal to its first prompt: prompts from node_modules
 * 95-98 ms, in a file of their own 72-75 ms. A file of its own, then: the
 * first date in words and the first prompt cost 20-25 ms less, and the
 * commands that need neither pay nothing for them.
 *
 * Where the package's files are (migrations/, templates/, package.json, the
 * bundle and its cache) is bin/layout.cjs's to say, inlined in the bundle too.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import layout from '../bin/layout.cjs';
import { loadFu } from '../bin/load.cjs';

/**
 * commander requires node:child_process at load time, only to run external
 * subcommands, which fu has none of; that module costs ~2 ms to load. It is
 * required on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'fu-lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'fu-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * fu always tells chalk its colour level (NO_COLOR, TERM=dumb, --no-color and
 * the terminal are decided in main.ts), so chalk's own detection, which loads
 * node:tty and node:os and reads the environment at start-up, is replaced by
 * a module that detects nothing.
 */
const noColorDetection = {
  name: 'no-color-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'fu-no-detection' }));
    b.onLoad({ filter: /.*/, namespace: 'fu-no-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/**
 * Libraries bundled on their own, each a file beside the bundle that it requires on first use.
 * Of @inquirer/prompts only the three kinds fu asks (src/cli/prompter.ts): the whole package
 * (editor, search, expand... and the editor's temporary-file libraries) made prompts.cjs 815 kB,
 * these three 108 kB, and requiring it 28 ms of CPU instead of 13.
 */
const promptsDir = path.dirname(fileURLToPath(import.meta.resolve('@inquirer/prompts')));
const BESIDE = {
  'chrono-node/en': { file: 'chrono.cjs', entryPoints: [fileURLToPath(import.meta.resolve('chrono-node/en'))] },
  '@inquirer/prompts': {
    file: 'prompts.cjs',
    // Resolved from @inquirer/prompts' own folder: these are its dependencies, not fu's.
    stdin: {
      contents: ['input', 'select', 'confirm'].map((kind) => `export { default as ${kind} } from '@inquirer/${kind}';`).join('\n'),
      resolveDir: promptsDir,
      loader: 'js',
    },
  },
};

const besideBundle = {
  name: 'beside-bundle',
  setup(b) {
    b.onResolve({ filter: /^(chrono-node\/en|@inquirer\/prompts)$/ }, (args) => ({ path: `./${BESIDE[args.path].file}`, external: true }));
  },
};

for (const { file, ...entry } of Object.values(BESIDE)) {
  await build({
    ...entry,
    outfile: path.join(path.dirname(layout.bundle), file),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

await build({
  entryPoints: [layout.compiledMain],
  outfile: layout.bundle,
  bundle: true,
  platform: 'node',
  // CommonJS: V8's code cache is available to scripts (node:vm), not to ES modules, in Node 20.
  format: 'cjs',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled; its addon is loaded by path (connect() in
  // store/db.ts), so the bindings package that would look for it is never called.
  // The import/export and calendar libraries: only their commands load them (CommonJS builds too).
  external: ['bindings', 'csv-parse', 'csv-stringify', 'ical-generator', 'ical.js', '@date-fns/tz'],
  // createRequire(import.meta.url) (for Node's built-in modules) gets the bundle's own URL.
  define: { 'import.meta.url': '__fuBundleUrl' },
  // import() becomes require(): a function read from V8's code cache loses the vm
  // script's dynamic import callback in Node 20; the files beside it are CommonJS.
  supported: { 'dynamic-import': false },
  banner: { js: "var __fuBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyChildProcess, noColorDetection, besideBundle],
  legalComments: 'none',
  // Composed with tsc's maps: FU_DEBUG=1 stacks name src/ files and lines (bin/load.cjs). The sources
  // themselves are not in the package, so the map holds only their names.
  sourcemap: 'linked',
  sourcesContent: false,
  charset: 'ascii', // bin/load.cjs reads it as latin1
  logLevel: 'warning',
});

/**
 * The code cache holds what V8 compiled while the daily commands ran once, on
 * a scratch database filled by `fu demo` (in another process, so that its code
 * stays out of the cache), piped and on a (pretended) terminal.
 * The daily commands include what a seller types after a call (dates in words
 * fu reads itself, a draft, a check): without them those compiled on every
 * run, for a cache 40 kB smaller (438 kB instead of 478).
 * The other commands (demo, config, backup, --help...) compile when they run:
 * a bigger cache would cost every run more to read than they would save.
 */
async function warmCache() {
  const fu = loadFu({ useCache: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fu-build-'));
  const set = { FU_DB: path.join(dir, 'fu.db'), FU_NOW: '2026-11-23T09:00:00Z', NO_COLOR: '' };
  const saved = { env: Object.fromEntries(Object.keys(set).map((k) => [k, process.env[k]])), exitCode: process.exitCode };
  Object.assign(process.env, set);
  // A silent IO, on a (pretended) terminal or not: main() takes it instead of the process's.
  let tty = false;
  const io = () => ({ out() {}, err() {}, stdoutIsTTY: tty, columns: 80, color: tty, stdin: async () => '' });
  const run = (...args) => fu.exports.main(['node', 'fu', ...args], io());
  try {
    // fu runs its compiled code here (the bundle is newer than its cache until saveCache below).
    const demo = spawnSync(process.execPath, [path.join(layout.root, 'bin', 'fu.cjs'), 'demo'], { env: process.env, encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`fu demo failed while warming the code cache: ${demo.stderr}`);
    const db = new Database(process.env.FU_DB, { readonly: true });
    const chase = db.prepare('SELECT id FROM contacts WHERE chase_due_on IS NOT NULL ORDER BY chase_due_on LIMIT 1').pluck().get();
    const promise = db.prepare("SELECT id FROM commitments WHERE state = 'open' AND kind = 'promise' LIMIT 1").pluck().get();
    db.close();
    for (const terminal of [false, true]) {
      tty = terminal;
      await run('today');
      await run('stale');
      await run('show', '1');
    }
    tty = false;
    await run('today', '--json');
    await run('stale', '--json');
    await run('show', '1', '--json');
    if (chase) await run('log', String(chase), '--via', 'email', '--outcome', 'sent');
    await run('log', '2', '--outcome', 'connected', '--next', 'demo', '--at', '2026-12-01 10:00');
    // Dates in words that fu reads itself (chrono.cjs is not in this cache: it is a file of its own).
    await run('log', '4', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm', '--promise', 'send pricing', '--by', 'tomorrow 5pm');
    await run('next', '5', 'review', '--at', 'in 2 weeks 10am');
    await run('draft', '6');
    await run('check', 'Hi Dana,\n\nJust checking in. Could we talk on Tue at 15:00?\n\nSam');
    await run('add', 'Warm Up', '--company', 'Cache Co', '--email', 'warm@up.example');
    await run('next', '3', 'review', '--at', '2026-12-02 10:00');
    if (promise) await run('done', String(promise));
  } finally {
    for (const [k, v] of Object.entries(saved.env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.exitCode = saved.exitCode;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fu.saveCache();
}
await warmCache();
