/**
 * The layers (docs/ARCHITECTURE.md), checked by `npm run lint`:
 * cli -> app -> domain; app -> the store port it defines, which src/store implements;
 * the domain is pure, the store is SQL only.
 * Every import counts, `import type` included, except where a rule says otherwise.
 */

/** Modules that touch the disk, the process or the terminal: never in the pure domain. */
const IO_MODULES = [
  '^(node:)?(fs|fs/promises|child_process|process|os|net|tty|readline|worker_threads|cluster|http|https)$',
  '(^|/)node_modules/(commander|chalk|better-sqlite3|@inquirer/[^/]+)/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-inside',
      comment: 'src/domain is pure rules over plain data: it imports neither the CLI, the application layer nor the store.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(cli|app|store)/' },
    },
    {
      name: 'domain-no-io',
      comment: 'src/domain does no I/O and reads no process state: now and the zone are passed in.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: IO_MODULES },
    },
    {
      name: 'store-below-app',
      comment: 'src/store reads and writes rows; it never calls up into the application layer or the CLI.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(cli|app)/' },
    },
    {
      name: 'store-domain-types-only',
      comment: "src/store may use domain types, not domain behaviour: deciding is the domain's, applying is the application layer's.",
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/domain/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'app-below-cli',
      comment: "src/app returns plain results; wording and rendering them is the CLI's.",
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'app-through-port',
      comment:
        'src/app reaches the database through the port it defines (src/app/ports.ts), never the SQLite store itself: a second backend implements the same port.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'cli-store-from-root',
      comment: 'Only the composition root (the module that opens the database and builds the deps) knows the store; commands go through src/app.',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: '^src/cli/program\\.ts$' },
      to: { path: '^src/store/' },
    },
    {
      name: 'src-not-tools',
      comment: 'What ships never imports the tests, the bench or the data generator.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules of src/ that import each other in a circle load in an order that depends on who imports first.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    // A package is seen as imported, never cruised into.
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
