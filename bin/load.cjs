// Loads the CLI bundle (dist/bundle/fu.cjs, made by `npm run build`) with V8's
// code cache (dist/bundle/fu.cache): the compiled code of fu is read from the
// cache instead of being parsed and compiled again on every run, which is
// most of what fu adds to Node's own start-up. A cache made by another Node
// version is rejected by V8 (the code is then compiled as usual, a few ms
// slower) until the next `npm run build` records it again. CommonJS, like
// bin/fu.cjs: an ES module entry would start Node's ES module loader (and
// importing node:fs as a module loads its streams), a few ms on every run.
'use strict';
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'fu.cjs');
const CACHE = path.join(__dirname, '..', 'dist', 'bundle', 'fu.cache');

/** The bundle's exports ({ main }), and saveCache() to write what V8 has compiled so far. */
function loadFu({ useCache = true } = {}) {
  // esbuild writes the bundle in ASCII (other characters escaped): latin1 reads it without decoding UTF-8.
  const source = fs.readFileSync(BUNDLE, 'latin1');
  let cachedData;
  if (useCache) {
    try {
      cachedData = fs.readFileSync(CACHE);
    } catch {
      // no cache yet: compile as usual
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  return {
    exports: module.exports,
    /** Whether the cache was missing or made by another V8. */
    stale: cachedData === undefined || script.cachedDataRejected === true,
    saveCache() {
      const tmp = `${CACHE}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, CACHE);
      } catch {
        fs.rmSync(tmp, { force: true });
      }
    },
  };
}

module.exports = { loadFu };
