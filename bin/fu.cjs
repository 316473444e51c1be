#!/usr/bin/env node
// The compiled program lives in dist/ (built by `npm ci` through the prepare script):
// dist/bundle/fu.cjs is the whole CLI in one file, loaded with the V8 code cache that
// the build recorded (see load.cjs). fu never writes beside itself at run time.
'use strict';
require('./load.cjs').loadFu().exports.main(process.argv);
