/**
 * Run by vitest before each test file, in the worker that runs it (vitest.config.ts: setupFiles). A worker runs many
 * files one after the other and keeps the modules they import (isolate: false), so a hook that test/helpers.ts
 * registered when first imported would serve the first of them only.
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
