// Loads fu. Normally the CLI bundle (dist/bundle/fu.cjs, made by `npm run build`)
// with V8's code cache (dist/bundle/fu.cache): the compiled code of fu is read
// from the cache instead of being parsed and compiled again on every run, which
// is most of what fu adds to Node's own start-up. A cache made by another Node
// version is rejected by V8 (the code is then compiled as usual, a few ms
// slower) until the next `npm run build` records it again.
//
// The bundle is used only when it, its cache and the rare commands' file
// beside it (dist/bundle/fu.rare.cjs, which the bundle requires when one of
// them runs) are there and at least as new as the code tsc compiled (tsc
// rewrites every file it emits), else fu runs the compiled code itself
// (dist/cli/main.js): slower to start, never stale. Four stats decide it.
//
// The daily commands (today, log...) each have a cache of their own, warmed by
// that command alone (dist/bundle/fu.today.cache): V8 deserialises all of a
// cache on every run, and the full one (fu.cache, for every other command)
// holds the compiled code of all the daily commands. A command's own cache is
// used when it is there and at least as new as the bundle (one more stat).
//
// CommonJS, like bin/fu.cjs: an ES module entry would start Node's ES module
// loader (and importing node:fs as a module loads its streams), a few ms on
// every run.
'use strict';
const fs = require('node:fs');
// createRequire from Node's Module class: require('node:module') would load Node's ES module loader too (~0.35 ms).
// The tests' runner gives this file a module object of its own, without it.
const { createRequire } = module.constructor.createRequire ? module.constructor : require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const layout = require('./layout.cjs');

const mtimeOf = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/** Whether the bundle, its cache and the rare commands' file exist and were made from the compiled code as it is now. */
function bundleIsCurrent() {
  const [compiled, bundle, cache, rare] = [layout.compiledMain, layout.bundle, layout.bundleCache, layout.rareBundle].map(mtimeOf);
  if (bundle === undefined || cache === undefined || rare === undefined) return false;
  return (compiled === undefined || (bundle >= compiled && rare >= compiled)) && cache >= bundle;
}

/** The code cache for the command line `argv`: the command's own when it has a current one, else the full one. */
function cacheFor(argv) {
  const command = argv[2];
  if (command === undefined || !/^[a-z]+$/.test(command)) return layout.bundleCache;
  const own = layout.commandCache(command);
  const [bundle, cache] = [layout.bundle, own].map(mtimeOf);
  return cache !== undefined && bundle !== undefined && cache >= bundle ? own : layout.bundleCache;
}

/** The bundle's exports ({ main }), and saveCache() to write what V8 has compiled so far (to `bundleCache`). */
function loadFu({ useCache = true, bundleCache = layout.bundleCache } = {}) {
  const { bundle } = layout;
  // esbuild writes the bundle in ASCII (other characters escaped): latin1 reads it without decoding UTF-8.
  const source = fs.readFileSync(bundle, 'latin1');
  const cachedData = useCache ? fs.readFileSync(bundleCache) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return {
    exports: module.exports,
    /** Whether the cache was not used or was made by another V8. */
    stale: cachedData === undefined || script.cachedDataRejected === true,
    saveCache() {
      const tmp = `${bundleCache}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, bundleCache);
      } catch {
        fs.rmSync(tmp, { force: true });
      }
    },
  };
}

/** Runs fu on `argv`: the bundle when it is current, else the compiled code. */
function runFu(argv) {
  // Stacks name src/ files and lines (the build's source maps), only when asked: reading maps costs start-up.
  const debug = process.env.FU_DEBUG === '1';
  if (debug) process.setSourceMapsEnabled(true);
  if (bundleIsCurrent()) {
    // Node applies source maps to modules it loads itself, not to a vm.Script: with FU_DEBUG=1 the bundle
    // is required as the CommonJS module it is, without the code cache.
    (debug ? require(layout.bundle) : loadFu({ bundleCache: cacheFor(argv) }).exports).main(argv);
  } else if (fs.existsSync(layout.compiledMain)) {
    import(require('node:url').pathToFileURL(layout.compiledMain).href).then((compiled) => compiled.main(argv));
  } else {
    process.stderr.write(`fu: fu is not built: ${layout.compiledMain} is missing.\nBuild it: cd ${layout.root} && npm run build\n`);
    process.exitCode = 1;
  }
}

module.exports = { cacheFor, loadFu, runFu };
