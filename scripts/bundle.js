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
 * is initialised only when that command runs. The commands not run every day
 * are in a file of their own beside it (fu.rare.cjs, below).
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
import { fileURLToPath, pathToFileURL } from 'node:url';
import layout from '../bin/layout.cjs';
import { DAILY } from './warm-cache.js';

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

/** Whether an import is made by fu's own compiled code (not by a library). */
const fromFu = (args) => args.importer.startsWith(path.dirname(path.dirname(layout.compiledMain)));

/**
 * chalk builds all its styles when it loads (~0.7 ms at every start), and fu
 * uses it only to paint: on a terminal, or a warning or an error. Its Chalk
 * is required on first use instead, so output piped without a warning never
 * loads it.
 */
const lazyChalk = {
  name: 'lazy-chalk',
  setup(b) {
    b.onResolve({ filter: /^chalk$/ }, (args) =>
      args.namespace === 'file' && fromFu(args) ? { path: 'chalk', namespace: 'fu-lazy-chalk', pluginData: args.resolveDir } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'fu-lazy-chalk' }, (args) => ({
      contents: "let chalk;\nexport function Chalk(options) {\n  chalk ??= require('chalk');\n  return new chalk.Chalk(options);\n}",
      loader: 'js',
      resolveDir: args.pluginData,
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
 * Node's `module` costs ~0.35 ms to load (it loads the ES module loader and
 * source maps with it); fu's modules import it only for createRequire, to
 * require Node's built-in modules and better-sqlite3's addon. In the bundle,
 * which is given a require of its own (bin/load.cjs), createRequire answers
 * with that one: both find the same packages from inside fu's package.
 * node:os, for the home folder when $HOME is not set, is required on first
 * use (~0.25 ms).
 */
const bundleRequire = {
  name: 'bundle-require',
  setup(b) {
    b.onResolve({ filter: /^node:(module|os)$/ }, (args) => (fromFu(args) ? { path: args.path, namespace: 'fu-bundle-require' } : undefined));
    b.onLoad({ filter: /^node:module$/, namespace: 'fu-bundle-require' }, () => ({ contents: 'export const createRequire = () => require;', loader: 'js' }));
    b.onLoad({ filter: /^node:os$/, namespace: 'fu-bundle-require' }, () => ({
      contents: "export default new Proxy({}, { get: (_, key) => require('node:os')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * fu's modules import Node's fs, path and os as default imports. Bundled as CommonJS, each
 * such import became esbuild's ES-module view of the module, a copy of each of its
 * properties as a getter: node:fs has 104, 0.13-0.18 ms a copy, and every command made
 * several at start-up. Here the default import is the module itself, as in Node
 * (node:os, above, on first use). (A named import of these modules would fail the
 * build: fu has none.)
 */
const builtinDefaults = {
  name: 'builtin-defaults',
  setup(b) {
    b.onResolve({ filter: /^node:(fs|path)$/ }, (args) => (fromFu(args) ? { path: args.path, namespace: 'fu-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'fu-builtin' }, (args) => ({ contents: `export default require('${args.path}');`, loader: 'js' }));
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

/**
 * The commands not run every day (every command but the daily ones, DAILY in
 * scripts/warm-cache.js) are bundled apart, in dist/bundle/fu.rare.cjs: the
 * bundle requires it when one of them runs, so the daily commands neither
 * read nor cache their code. Each module is in one file only: the rare file
 * takes the modules it shares with the bundle (the errors, the store,
 * commander...) from the bundle, which hands their exports over when it
 * requires it. A second copy of a module would make a second class of
 * FuError, which `instanceof FuError` in the bundle would not recognise.
 *
 * Three builds: the bundle without the rare commands, to know its modules;
 * the rare file, any import of those modules made a lookup in what the bundle
 * hands over; then the bundle that hands over the ones the rare file uses.
 * (esbuild's own code splitting writes ES modules, which Node 20 cannot load
 * with a code cache.)
 */
const rareFile = `./${path.basename(layout.rareBundle)}`;
const commandsIndex = path.join(path.dirname(layout.compiledMain), 'commands', 'index.js');

const common = {
  absWorkingDir: layout.root,
  bundle: true,
  platform: 'node',
  // CommonJS: V8's code cache is available to scripts (node:vm), not to ES modules, in Node 20.
  format: 'cjs',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled; its addon is loaded by path (connect() in
  // store/db.ts), so the bindings package that would look for it is never called.
  // The import/export and calendar libraries: only their commands load them (CommonJS builds too).
  external: ['bindings', 'csv-parse', 'csv-stringify', 'ical-generator', 'ical.js', '@date-fns/tz'],
  // createRequire(import.meta.url) (for Node's built-in modules) gets the bundle's own URL, made when first asked:
  // pathToFileURL costs ~0.3 ms in a fresh process, and a command piped never asks.
  define: { 'import.meta.url': '__fuBundle.url' },
  // import() becomes require(): a function read from V8's code cache loses the vm
  // script's dynamic import callback in Node 20; the files beside it are CommonJS.
  supported: { 'dynamic-import': false },
  banner: { js: "var __fuBundle = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  legalComments: 'none',
  // Composed with tsc's maps: FU_DEBUG=1 stacks name src/ files and lines (bin/load.cjs). The sources
  // themselves are not in the package, so the map holds only their names.
  sourcemap: 'linked',
  sourcesContent: false,
  charset: 'ascii', // bin/load.cjs reads it as latin1
  logLevel: 'warning',
};

/** The rare commands' modules, imported by the list of commands, become a call into the rare file. */
function rareCommands(shared) {
  return {
    name: 'rare-commands',
    setup(b) {
      b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
        const name = args.path.slice(2, -3);
        return args.importer === commandsIndex && !DAILY.includes(name) ? { path: name, namespace: 'fu-rare' } : undefined;
      });
      // What those modules import: the rare file, and the bundle's modules it uses.
      b.onResolve({ filter: /.*/, namespace: 'fu-rare' }, (args) =>
        args.path === rareFile ? { path: rareFile, external: true } : { path: 'shared', namespace: 'fu-shared' },
      );
      b.onLoad({ filter: /.*/, namespace: 'fu-rare' }, (args) => ({
        contents: [
          `import * as rare from ${JSON.stringify(rareFile)};`,
          "import { shared } from 'fu-shared';",
          `export const { register } = rare.command(shared(), ${JSON.stringify(args.path)});`,
        ].join('\n'),
        loader: 'js',
      }));
      // Each module the rare file uses, as the rare file will ask for it: a CommonJS module's exports, else an
      // object of its exports. Made on call: namespace objects (import * as) would be built by every run.
      b.onLoad({ filter: /.*/, namespace: 'fu-shared' }, () => {
        const imports = [...shared].map(([file, names], i) =>
          names === 'cjs'
            ? `import m${i} from ${JSON.stringify(`./${file}`)};`
            : `import { ${names.map((name) => `${name} as m${i}$${name}`).join(', ')} } from ${JSON.stringify(`./${file}`)};`,
        );
        const objects = [...shared].map(([file, names], i) =>
          names === 'cjs' ? `${JSON.stringify(file)}: m${i}` : `${JSON.stringify(file)}: { ${names.map((name) => `${name}: m${i}$${name}`).join(', ')} }`,
        );
        return { contents: [...imports, `export const shared = () => ({ ${objects.join(', ')} });`].join('\n'), loader: 'js', resolveDir: layout.root };
      });
    },
  };
}

const plugins = [lazyChildProcess, lazyChalk, noColorDetection, besideBundle, bundleRequire, builtinDefaults];
const bundleOptions = (shared) => ({ ...common, entryPoints: [layout.compiledMain], outfile: layout.bundle, plugins: [rareCommands(shared), ...plugins] });

/** The files of the bundle (absolute paths), with their format ('cjs' or 'esm'). */
const { metafile } = await build({ ...bundleOptions(new Map()), write: false, metafile: true });
const inBundle = new Map(Object.entries(metafile.inputs).map(([file, input]) => [path.resolve(layout.root, file), input.format]));

/** The files of the bundle that the rare file imports (paths from the package root): 'cjs', or the names an ES module exports. */
const shared = new Map();
const fromBundle = {
  name: 'from-bundle',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData?.fromBundle) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { fromBundle: true } });
      if (found.errors.length > 0 || found.external || found.namespace !== 'file' || !inBundle.has(found.path)) return undefined;
      const file = path.relative(layout.root, found.path);
      shared.set(file, inBundle.get(found.path));
      // Named without its extension: an .mjs file would make esbuild read the CommonJS below as an ES module.
      return { path: file.replace(/\.[cm]?js$/, ''), namespace: 'fu-from-bundle', pluginData: { file } };
    });
    b.onResolve({ filter: /^fu:link$/ }, () => ({ path: 'link', namespace: 'fu-link' }));
    b.onLoad({ filter: /.*/, namespace: 'fu-link' }, () => ({
      contents: 'export let bundle;\nexport function link(shared) { bundle = shared; }',
      loader: 'js',
    }));
    // What the bundle handed over for this file: module.exports, so that the importer sees exactly the module's exports.
    b.onLoad({ filter: /.*/, namespace: 'fu-from-bundle' }, (args) => ({
      contents: `module.exports = require('fu:link').bundle[${JSON.stringify(args.pluginData.file)}];`,
      loader: 'js',
    }));
  },
};

const { COMMANDS } = await import(pathToFileURL(commandsIndex).href);
const rare = COMMANDS.map(([name]) => name).filter((name) => !DAILY.includes(name));
await build({
  ...common,
  stdin: {
    // Each command's module is initialised only when asked for (require() of an ES module is lazy in a
    // bundle), after link() has the bundle's modules in hand.
    contents: [
      "import { link } from 'fu:link';",
      `const commands = { ${rare.map((name) => `${JSON.stringify(name)}: () => require(${JSON.stringify(path.join(path.dirname(commandsIndex), `${name}.js`))})`).join(', ')} };`,
      '/** The module of the rare command `name`, its modules shared with the bundle taken from `shared`. */',
      'export function command(shared, name) {',
      '  link(shared);',
      '  return commands[name]();',
      '}',
    ].join('\n'),
    resolveDir: layout.root,
    sourcefile: 'fu.rare.js',
    loader: 'js',
  },
  outfile: layout.rareBundle,
  plugins: [fromBundle, ...plugins],
});

// The names each ES module exports, read by importing it here: esbuild tells a module's format, not its exports.
for (const [file, format] of shared) {
  if (format !== 'cjs') shared.set(file, Object.keys(await import(pathToFileURL(path.join(layout.root, file)).href)));
}
await build(bundleOptions(shared));

/**
 * The code caches hold what V8 compiled while commands ran once, on a scratch
 * database filled by `fu demo`, piped and on a (pretended) terminal, each in a
 * process of its own (scripts/warm-cache.js): V8 would reuse, in one process,
 * what an earlier warm-up compiled. fu.cache holds every daily command, for
 * the commands that have no cache of their own; each daily command has one
 * warmed by it alone (fu.today.cache...), which bin/load.cjs picks. V8 reads
 * all of a cache on every run: `fu today` with the full cache (491 kB) took
 * 40.1 ms of CPU, with its own (275 kB) 37.7; `fu log` 45.1 and 42.7
 * (medians of 20 alternated runs at 1k contacts).
 */
function warmCaches() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fu-build-'));
  const env = { ...process.env, FU_DB: path.join(dir, 'fu.db'), FU_NOW: '2026-11-23T09:00:00Z', NO_COLOR: '' };
  const node = (args) => {
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed while warming the code caches: ${r.stderr}`);
  };
  try {
    // fu runs its compiled code here (the bundle is newer than its cache until the full cache is written).
    node([path.join(layout.root, 'bin', 'fu.cjs'), 'demo']);
    // The full cache last: until it is written, the bundle is not current, and no warm-up reads a cache.
    for (const group of [...DAILY, 'all']) {
      node([path.join(layout.root, 'scripts', 'warm-cache.js'), group, group === 'all' ? layout.bundleCache : layout.commandCache(group)]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
warmCaches();
