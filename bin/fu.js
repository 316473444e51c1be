#!/usr/bin/env node
// The compiled program lives in dist/ (built by `npm ci` through the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv);
