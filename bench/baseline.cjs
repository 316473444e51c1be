// The benchmark's baseline: the least any Node program that reads a SQLite
// file pays before doing anything useful, loaded the way fu loads it.
// CommonJS (no ES module loader), better-sqlite3 required, its addon named by
// path (no lookup by the bindings package), the database opened, one
// trivial query, exit. `node bench/baseline.cjs DB`
'use strict';
const path = require('node:path');
const Database = require('better-sqlite3');

const addon = path.join(__dirname, '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const db = new Database(process.argv[2], { nativeBinding: addon });
db.prepare('SELECT id FROM contacts WHERE id = 1').get();
db.close();
