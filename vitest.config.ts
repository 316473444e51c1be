import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite's resolver does not match chrono-node's wildcard export for its English entry; Node's does.
  resolve: { alias: { 'chrono-node/en': fileURLToPath(import.meta.resolve('chrono-node/en')) } },
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that spawn bin/fu.cjs need a bundle built from the current src/: rebuilt here when older.
    globalSetup: ['test/fresh-build.ts'],
    // Each file's temporary folders are removed after it (see the file).
    setupFiles: ['test/setup.ts'],
    // Child processes, not threads: better-sqlite3's addon, tests that change process.env.TZ
    // (Date's zone is process-wide) and a file's long synchronous stretch (a 12,000-contact
    // rewrite in-process) stay inside their own worker, which keeps answering vitest's runner.
    pool: 'forks',
    // Two workers on a 2-core machine (vitest's default would be one): most of the slow files
    // (crash, concurrency, the pty) wait on the processes they spawn, and the CPU-bound
    // in-process files use that time. More would only queue behind the same two cores.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker runs file after file with the modules already imported, instead of a new process importing them again
    // for each of the 112 files: 13 to 20 s less. The files leave no state behind: those that set process.env.TZ put
    // it back, none mocks a module (test/suite.test.ts checks), and src/ keeps only caches.
    isolate: false,
    // Guards against a hang, not budgets: the crash and concurrency tests spawn dozens of
    // processes, and a 2-core machine shared with other work may be several times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
