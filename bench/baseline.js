// The benchmark's baseline: what any Node program that reads a SQLite file pays
// before doing anything useful. Start Node, open the database with
// better-sqlite3, run one trivial query, exit. `node bench/baseline.js DB`
import Database from 'better-sqlite3';

const db = new Database(process.argv[2]);
db.prepare('SELECT id FROM contacts WHERE id = 1').get();
db.close();
