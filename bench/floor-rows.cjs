// A floor for fu's row-heavy reads: the least a program can do that reads the
// same rows fu reads and prints them. Loaded like the baseline
// (bench/baseline.cjs), it runs fu's own queries (written by bench/bench.js
// into PLAN: { cacheKiB, reads: [{ sql, params }] }) with fu's page cache, and
// prints every row they return, tab-separated, with no rules and no formatting.
// The ratio of fu to this floor is what fu adds per row.
// `node bench/floor-rows.cjs DB PLAN`
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Database = require('better-sqlite3');

const addon = path.join(__dirname, '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const { cacheKiB, reads } = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const db = new Database(process.argv[2], { readonly: true, nativeBinding: addon });
db.pragma(`cache_size = -${cacheKiB}`);
const lines = [];
for (const { sql, params } of reads) {
  for (const row of db.prepare(sql).raw(true).all(params)) lines.push(row.join('\t'));
}
db.close();
process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
