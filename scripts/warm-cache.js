#!/usr/bin/env node
/**
 * `node scripts/warm-cache.js GROUP FILE`, run by scripts/bundle.js with FU_DB
 * naming a database filled by `fu demo`: runs the bundle's commands of GROUP
 * once (a daily command's name, or `all` for every daily command) and writes
 * the code V8 compiled for them to FILE.
 *
 * The daily commands include what a seller types after a call (dates in words
 * fu reads itself, a draft, a check): without them those compiled on every
 * run. The other commands (demo, config, backup, --help...) compile when they
 * run: a bigger cache would cost every run more to read than they would save.
 */
import Database from 'better-sqlite3';
import { pathToFileURL } from 'node:url';
import { loadFu } from '../bin/load.cjs';

/** The commands with a code cache of their own. */
export const DAILY = ['today', 'stale', 'show', 'log', 'next', 'add', 'done', 'draft', 'check', 'stats', 'prep'];

/** Each daily command's runs: its command lines, and whether each runs on a (pretended) terminal too. */
function runsOf({ chase, promise }) {
  const both = (args) => [
    [args, false],
    [args, true],
  ];
  return {
    today: [...both(['today']), [['today', '--json'], false]],
    // A page and the whole list (--limit 0) read stale contacts their own ways.
    stale: [...both(['stale']), [['stale', '--json'], false], [['stale', '--limit', '0'], false]],
    show: [...both(['show', '1']), [['show', '1', '--json'], false]],
    log: [
      ...(chase ? [[['log', String(chase), '--via', 'email', '--outcome', 'sent'], false]] : []),
      [['log', '2', '--outcome', 'connected', '--next', 'demo', '--at', '2026-12-01 10:00'], false],
      // Dates in words that fu reads itself (chrono.cjs is not in this cache: it is a file of its own).
      [['log', '4', '--outcome', 'connected', '--next', 'demo', '--at', 'tue 3pm', '--promise', 'send pricing', '--by', 'tomorrow 5pm'], false],
    ],
    next: [
      [['next', '5', 'review', '--at', 'in 2 weeks 10am'], false],
      [['next', '3', 'review', '--at', '2026-12-02 10:00'], false],
    ],
    add: [[['add', 'Warm Up', '--company', 'Cache Co', '--email', 'warm@up.example'], false]],
    done: promise ? [[['done', String(promise)], false]] : [],
    draft: [[['draft', '6'], false]],
    stats: [...both(['stats']), [['stats', '--json'], false]],
    prep: [...both(['prep', '1']), [['prep', '1', '--json'], false]],
    check: [[['check', 'Hi Dana,\n\nJust checking in. Could we talk on Tue at 15:00?\n\nSam'], false]],
  };
}

async function warm(group, file) {
  if (group !== 'all' && !DAILY.includes(group)) throw new Error(`no such group of commands to warm: ${group}`);
  const db = new Database(process.env.FU_DB, { readonly: true });
  const chase = db.prepare('SELECT id FROM contacts WHERE chase_due_on IS NOT NULL ORDER BY chase_due_on LIMIT 1').pluck().get();
  const promise = db.prepare("SELECT id FROM commitments WHERE state = 'open' AND kind = 'promise' LIMIT 1").pluck().get();
  db.close();
  const runs = runsOf({ chase, promise });
  const fu = loadFu({ useCache: false, bundleCache: file });
  for (const [args, terminal] of group === 'all' ? DAILY.flatMap((name) => runs[name]) : runs[group]) {
    // A silent IO, on a (pretended) terminal or not: main() takes it instead of the process's.
    const io = { out() {}, err() {}, stdoutIsTTY: terminal, columns: 80, color: terminal, stdin: async () => '' };
    await fu.exports.main(['node', 'fu', ...args], io);
  }
  fu.saveCache();
  // A command refused while warming (exit 3...) compiled what it ran all the same.
  process.exitCode = 0;
}

// Run as a script; scripts/bundle.js imports DAILY.
if (import.meta.url === pathToFileURL(process.argv[1]).href) await warm(process.argv[2], process.argv[3]);
