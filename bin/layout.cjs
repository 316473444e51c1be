// Where everything fu reads from its own package lives: the one place that knows
// the package's layout. The root is the nearest folder above this file that holds
// package.json, so the answer is the same whether this file runs from bin/, from
// the compiled code's import or inlined in dist/bundle/fu.cjs (the bundle's
// __dirname): a few stats, once per run. CommonJS, so that bin/ reads it before
// any compiled code is loaded.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function packageRoot(from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`fu's package.json not found above ${from}`);
  }
}

const root = packageRoot(__dirname);

module.exports = {
  root,
  packageJson: path.join(root, 'package.json'),
  migrations: path.join(root, 'migrations'),
  templates: path.join(root, 'templates'),
  /** The program compiled by tsc, one ES module per source file. */
  compiledMain: path.join(root, 'dist', 'cli', 'main.js'),
  /** The same program in one CommonJS file (scripts/bundle.js), and V8's code cache of it. */
  bundle: path.join(root, 'dist', 'bundle', 'fu.cjs'),
  bundleCache: path.join(root, 'dist', 'bundle', 'fu.cache'),
  /** The commands not run every day (demo, import, backup...), bundled apart: the bundle requires it when one of them runs. */
  rareBundle: path.join(root, 'dist', 'bundle', 'fu.rare.cjs'),
  /** The code cache warmed by one daily command alone (fu.today.cache), smaller than bundleCache: see bin/load.cjs. */
  commandCache: (command) => path.join(root, 'dist', 'bundle', `fu.${command}.cache`),
};
