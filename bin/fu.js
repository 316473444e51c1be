#!/usr/bin/env node
// The compiled program lives in dist/ (built by `npm ci` through the prepare script):
// dist/bundle/fu.cjs is the whole CLI in one file, loaded with the V8 code cache that
// the build recorded (see load.js). fu never writes beside itself at run time.
import { loadFu } from './load.js';

await loadFu().exports.main(process.argv);
