#!/usr/bin/env node
// The compiled program lives in dist/ (built by `npm ci` through the prepare script):
// load.cjs runs the bundle with the V8 code cache the build recorded, or the plain
// compiled code when the bundle is missing or older than it. fu never writes beside
// itself at run time.
'use strict';
require('./load.cjs').runFu(process.argv);
