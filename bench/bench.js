#!/usr/bin/env node
/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--runs 10] [--warmup 2] [--no-taskwarrior] [--strict]`
 *
 * Times fu as a user meets it: whole processes (`node bin/fu.cjs ...`), each
 * run a fresh Node, against generated databases of 1k, 10k and 100k contacts
 * (10 touches each, see bench/generator.ts), made once under bench/data/ and
 * reused while the generator and its settings are the same.
 *
 * For every size: a baseline process (CommonJS Node + better-sqlite3, its
 * addon by path as fu loads it, opening the same database + one trivial
 * query, bench/baseline.cjs), `fu today` (no terminal: tab-separated, the
 * default --limit 25 per section), `fu today --json`, `fu stale` (the same
 * default), `fu show` of the contact with the most touches, `fu stats` (the
 * last twelve weeks), `fu log` of a chase that is due, `fu add`, the terminal
 * table (`fu today --limit 25` in a pseudo-terminal, with the baseline in one
 * too), what a seller types after a call (`fu log` with a next step and a
 * promise dated in words, and the same with ISO dates; `fu next` "in 2 weeks
 * 10am"; `fu draft`; `fu check` of a 150-word message), `fu stale` and `fu
 * today` with every row (--limit 0) beside a floor that reads and prints the
 * same rows (bench/floor-rows.cjs), the time from `fu log` with no arguments
 * on a terminal to its first prompt (bench/first-output.cjs), and
 * Taskwarrior's `task next` over as many pending tasks as there are
 * contacts, when `task` is installed.
 *
 * The commands of a size run in turn, round after round (after warm-up
 * rounds), so that a slow moment of the machine hits them all alike. Writes
 * (log, next, add) go to a scratch copy whose changed rows are put back after
 * each run, so every run sees the same database. Peak memory is the maximum
 * resident set size from /usr/bin/time (GNU time), or, without it, from
 * Node's own accounting at exit (bench/rss.js). Results: a table on stdout and
 * JSON in bench/results/ (not committed), both with the machine, its load and
 * the settings.
 *
 * The budget (docs/performance.md): at 100k contacts every fu command's
 * median within 1.5x of the baseline's (the first prompt: of the baseline in
 * the same pseudo-terminal; the full stale list and agenda: of their floor)
 * and peak RSS under 100 MiB; `fu today` at 1k within 1.3x; at every size,
 * `fu log` with dates in words within 1.1x of the same with ISO dates.
 * Once per run, `fu import` of a 100,000-row CSV into an empty database: under 30 s.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { buildGenerator } from './gen.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, 'bench', 'data');
const RESULTS = path.join(ROOT, 'bench', 'results');
const BIN = path.join(ROOT, 'bin', 'fu.cjs');
const BASELINE = path.join(ROOT, 'bench', 'baseline.cjs');
const FLOOR = path.join(ROOT, 'bench', 'floor-rows.cjs');
const FIRST_OUTPUT = path.join(ROOT, 'bench', 'first-output.cjs');
const RSS_PRELOAD = path.join(ROOT, 'bench', 'rss.js');
const NODE = process.execPath;

/** The clock and zone of every run: 09:00 on a Monday in Paris. */
const NOW = '2026-11-23T08:00:00Z';
const TZ = 'Europe/Paris';
const TODAY = '2026-11-23';
const TOUCHES_PER_CONTACT = 10;
const SEED = 'bench';

const BUDGET = { ratio100k: 1.5, rssMiB: 100, todayRatio1k: 1.3, naturalToIso: 1.1, floorRatio100k: 1.5 };

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'no-taskwarrior': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write('Usage: npm run bench [-- --sizes 1000,10000,100000] [--runs 10] [--warmup 2] [--no-taskwarrior] [--strict]\n');
  process.exit(0);
}
const SIZES = opts.sizes.split(',').map(Number);
const RUNS = Number(opts.runs);
const WARMUP = Number(opts.warmup);

const log = (text) => process.stderr.write(`${text}\n`);

// ---- tools on this machine -------------------------------------------------------

const GNU_TIME = (() => {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/.test(r.stderr) ? '/usr/bin/time' : null;
})();
const SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0 ? 'script' : null;
const TASK = !opts['no-taskwarrior'] && spawnSync('task', ['--version'], { encoding: 'utf8' }).status === 0 ? 'task' : null;

for (const file of [BIN, path.join(ROOT, 'dist', 'bundle', 'fu.cjs')]) {
  if (!fs.existsSync(file)) {
    log(`bench: ${path.relative(ROOT, file)} is missing: run npm run build first.`);
    process.exit(2);
  }
}
// What puts back the rows of a write uses fu's own code, from the build just checked.
const { snapshotFor, undo } = await import('./rows-back.js');
fs.mkdirSync(DATA, { recursive: true });
fs.mkdirSync(RESULTS, { recursive: true });

/** A clean environment: no colour settings, prompts or databases of the person running it. */
function baseEnv(extra = {}) {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), LANG: 'C.UTF-8', TZ, FU_NOW: NOW, ...extra };
}

const quote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

// ---- databases -----------------------------------------------------------------------

/**
 * The generator as built, with the rules and store it writes through (the derived columns come from
 * them), and the schema: a database made by another version of any is made again.
 */
const GEN = await buildGenerator();
const genHash = (() => {
  const hash = createHash('sha1').update(fs.readFileSync(GEN));
  const migrations = path.join(ROOT, 'migrations');
  for (const f of fs.readdirSync(migrations).sort()) hash.update(f).update(fs.readFileSync(path.join(migrations, f)));
  return hash.digest('hex').slice(0, 12);
})();

function database(contacts) {
  const file = path.join(DATA, `fu-${contacts}.db`);
  const metaFile = `${file}.json`;
  const meta = { contacts, touchesPerContact: TOUCHES_PER_CONTACT, seed: SEED, now: NOW, tz: TZ, gen: genHash };
  const old = fs.existsSync(metaFile) && fs.existsSync(file) ? JSON.parse(fs.readFileSync(metaFile, 'utf8')) : null;
  if (old && JSON.stringify(old.settings) === JSON.stringify(meta)) return { file, summary: old.summary };
  log(`bench: generating ${contacts} contacts...`);
  const started = Date.now();
  const r = spawnSync(
    NODE,
    [
      path.join(ROOT, 'bench', 'gen.js'),
      '--contacts',
      String(contacts),
      '--touches-per-contact',
      String(TOUCHES_PER_CONTACT),
      '--seed',
      SEED,
      '--db',
      file,
      '--force',
    ],
    {
      env: baseEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error(`generating ${file} failed`);
  log(`bench: ${r.stdout.trim()}`);
  const summary = { line: r.stdout.trim(), seconds: (Date.now() - started) / 1000 };
  fs.writeFileSync(metaFile, JSON.stringify({ settings: meta, summary }, null, 2));
  return { file, summary };
}

/** The contact with the most touches, and a contact whose chase is due today. */
function subjects(file) {
  const db = new Database(file, { readonly: true });
  try {
    const busy = db.prepare('SELECT contact_id AS id, count(*) AS n FROM touches GROUP BY contact_id ORDER BY n DESC, contact_id LIMIT 1').get();
    const chase =
      db.prepare("SELECT id FROM contacts WHERE status = 'active' AND next_step_id IS NULL AND chase_due_on = ? ORDER BY id LIMIT 1").get(TODAY) ??
      db
        .prepare("SELECT id FROM contacts WHERE status = 'active' AND next_step_id IS NULL AND chase_due_on <= ? ORDER BY chase_due_on DESC, id LIMIT 1")
        .get(TODAY);
    const counts = db
      .prepare(
        'SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM touches) AS touches, (SELECT count(*) FROM commitments) AS commitments',
      )
      .get();
    return { busy, chaseId: chase?.id ?? null, counts };
  } finally {
    db.close();
  }
}

/** A scratch copy for the commands that write; `undo` puts back what a run changed. */
function scratch(file, contacts) {
  const copy = path.join(DATA, `scratch-${contacts}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  fs.copyFileSync(file, copy);
  // Flushed now, so no run pays for writing back a fresh 300 MB copy when fu syncs the file.
  const fd = fs.openSync(copy, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return copy;
}

// ---- Taskwarrior, the peer ------------------------------------------------------------

function taskwarrior(pending) {
  const dir = path.join(DATA, `tw-${pending}`);
  const rc = path.join(dir, 'taskrc');
  const stamp = path.join(dir, 'ready.json');
  const settings = { pending, now: NOW, version: 1 };
  if (fs.existsSync(stamp) && JSON.stringify(JSON.parse(fs.readFileSync(stamp, 'utf8'))) === JSON.stringify(settings)) return rc;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.writeFileSync(rc, `data.location=${path.join(dir, 'data')}\nconfirmation=off\nverbose=nothing\ngc=off\nhooks=off\nnews.version=2.6.2\n`);
  // Like the fu databases: follow-ups due over the coming months, about 1% due on any day, some overdue.
  log(`bench: importing ${pending} pending tasks into Taskwarrior...`);
  const base = Date.parse(NOW);
  const tasks = [];
  for (let i = 0; i < pending; i++) {
    const offsetDays = ((i * 7919) % 110) - 10;
    const due = new Date(base + offsetDays * 86_400_000).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    tasks.push({
      uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      status: 'pending',
      description: `Follow up with contact ${i + 1}`,
      entry: '20260101T090000Z',
      ...(i % 4 !== 3 ? { due } : {}),
      project: i % 2 ? 'sales' : 'nurture',
      ...(i % 5 === 0 ? { tags: ['warm'] } : {}),
    });
  }
  const file = path.join(dir, 'tasks.json');
  fs.writeFileSync(file, JSON.stringify(tasks));
  const r = spawnSync('task', [`rc:${rc}`, 'import', file], { encoding: 'utf8', env: { ...baseEnv(), TASKRC: rc }, maxBuffer: 1 << 30 });
  fs.rmSync(file);
  if (r.status !== 0) throw new Error(`task import failed: ${r.stderr}`);
  fs.writeFileSync(stamp, JSON.stringify(settings));
  return rc;
}

// ---- what sellers type, and the floors of the row-heavy reads ---------------------------

/**
 * A 150-word follow-up with one ask and none of the phrases fu check flags:
 * fu check reads all of it and finds nothing (exit 0).
 */
const MESSAGE_150 = [
  'Subject: pilot plan for the Lyon warehouse',
  '',
  'Hi Dana,',
  '',
  'Thank you for walking me through the returns process on Thursday. Three points stayed with me: your team re-keys every label by hand, the',
  'night shift has no one who can fix a failed scan, and the audit in March will ask for a full trace of each parcel. I wrote up how two',
  'customers of a similar size solved the same problems, with the numbers they measured after eight weeks, and attached the short version',
  'for your finance lead. The pilot we discussed would cover one dock, two scanners and the night shift only, so the risk stays small and',
  'the result is easy to compare with the other docks. I can have the devices configured within five days of a signed order.',
  'I will also bring the audit trace report. Could we book thirty minutes next week to agree',
  'the pilot scope together?',
  '',
  'Best regards,',
  'Alex',
].join('\n');

/**
 * The commands a seller types after a call, with dates in words and the same
 * with ISO dates (natural must stay within BUDGET.naturalToIso of ISO), a
 * reschedule, a draft and a check. Writes go to the scratch copy and are put
 * back after each run.
 */
function sellerCommands({ copy, file, subjectId, busy, fu }) {
  const writes = (label, argv, extra = {}) => {
    let snap;
    return {
      label,
      kind: 'fu',
      node: true,
      argv,
      env: { FU_DB: copy },
      before: () => (snap = snapshotFor(copy, subjectId)),
      after: () => undo(copy, snap),
      ...extra,
    };
  };
  const logCall = (at, by) => fu('log', String(subjectId), '--outcome', 'connected', '--next', 'demo', '--at', at, '--promise', 'send pricing', '--by', by);
  // Monday 23 Nov 09:00 in Paris: "tue 3pm" and "tomorrow 5pm" are the ISO dates of the twin.
  const iso = writes('fu log (call, ISO dates)', logCall('2026-11-24 15:00', '2026-11-24 17:00'));
  return [
    iso,
    writes('fu log (call, "tue 3pm", "tomorrow 5pm")', logCall('tue 3pm', 'tomorrow 5pm'), { ref: iso.label, refBudget: BUDGET.naturalToIso }),
    writes('fu next "in 2 weeks 10am"', fu('next', String(subjectId), 'review', '--at', 'in 2 weeks 10am')),
    { label: `fu draft ${busy.id} (${busy.n} touches)`, kind: 'fu', node: true, argv: fu('draft', String(busy.id)), env: { FU_DB: file } },
    { label: 'fu check (150 words)', kind: 'fu', node: true, argv: fu('check', MESSAGE_150), env: { FU_DB: file } },
  ];
}

/** Records every statement run on `db` from now on, as { sql, params }: a statement's all(), get() or iterate(). */
function recordReads(db) {
  const reads = [];
  const prepare = db.prepare.bind(db);
  db.prepare = (sql) => {
    const statement = prepare(sql);
    const recorded = new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        if (key === 'all' || key === 'get' || key === 'iterate') {
          return (params, ...rest) => {
            reads.push({ sql, params: params ?? {} });
            return value.call(target, params, ...rest);
          };
        }
        // raw(), pluck() and the like return the statement: keep recording it.
        return (...args) => {
          const result = value.apply(target, args);
          return result === target ? recorded : result;
        };
      },
    });
    return recorded;
  };
  return reads;
}

/**
 * `fu stale` and `fu today` with every row (--limit 0), each beside its floor:
 * bench/floor-rows.cjs running fu's own queries for this clock, zone and
 * configuration, and printing every row they return.
 */
async function floorCommands({ file, size, fu }) {
  const { SQL, agendaRows } = await import(pathToFileURL(path.join(ROOT, 'dist', 'store', 'queries.js')).href);
  const { Store } = await import(pathToFileURL(path.join(ROOT, 'dist', 'store', 'store.js')).href);
  const { stalePage } = await import(pathToFileURL(path.join(ROOT, 'dist', 'app', 'stale.js')).href);
  const { agendaContactIds, agendaDay, buildAgenda } = await import(pathToFileURL(path.join(ROOT, 'dist', 'domain', 'agenda.js')).href);
  const { configFrom } = await import(pathToFileURL(path.join(ROOT, 'dist', 'domain', 'config.js')).href);
  const { zoneOf } = await import(pathToFileURL(path.join(ROOT, 'dist', 'domain', 'zone.js')).href);
  const { PAGE_CACHE_KIB } = await import(pathToFileURL(path.join(ROOT, 'dist', 'store', 'db.js')).href);
  const db = new Database(file, { readonly: true });
  const config = configFrom(new Map(db.prepare('SELECT key, value FROM config').raw(true).all()));
  const zone = zoneOf(TZ);
  const day = agendaDay(TODAY, zone);
  // fu today reads the names of the contacts its rows are about: with --limit 0, of every row.
  const { commitments, contacts } = agendaRows({ db }, day);
  const named = agendaContactIds(buildAgenda({ date: TODAY, now: new Date(NOW).toISOString(), zone, config, commitments, contacts, nextDate: null, limit: 0 }));
  // fu stale's queries depend on what the earlier ones returned (the rows shown, with --limit 0 all of them): record
  // each statement fu's own read runs, with its parameters.
  const staleReads = recordReads(db);
  stalePage({ store: new Store(db), now: new Date(NOW).toISOString(), zone, config }, 0);
  db.close();
  const plans = {
    stale: staleReads,
    today: [
      { sql: SQL.agendaCommitments, params: day },
      { sql: SQL.chasesDue, params: { date: TODAY } },
      { sql: SQL.nurtureDue, params: { date: TODAY } },
      { sql: SQL.nextDue, params: day },
      { sql: SQL.namesOf, params: { ids: JSON.stringify(named) } },
    ],
  };
  const commands = [];
  for (const [name, plan] of Object.entries(plans)) {
    const planFile = path.join(DATA, `floor-${name}-${size}.json`);
    // The floor reads with fu's page cache: what it saves is not per-row work.
    fs.writeFileSync(planFile, JSON.stringify({ cacheKiB: PAGE_CACHE_KIB, reads: plan }));
    const floor = { label: `floor: ${name} rows`, kind: 'floor', node: true, argv: [NODE, FLOOR, file, planFile] };
    commands.push(floor, {
      label: `fu ${name} --limit 0`,
      kind: 'fu',
      node: true,
      argv: fu(name, '--limit', '0'),
      env: { FU_DB: file },
      ref: floor.label,
      instead: true,
    });
  }
  return commands;
}

/**
 * From `fu log` on a terminal with no arguments to its first prompt, in a
 * pseudo-terminal, beside the baseline run to its end the same way
 * (bench/first-output.cjs times both from the spawn).
 */
function firstPromptCommands({ file, fu }) {
  const base = { label: 'baseline (node-pty)', kind: 'baseline-pty', timer: 'first-output', until: '', argv: [NODE, BASELINE, file] };
  return [
    base,
    {
      label: 'fu log: first prompt (node-pty)',
      kind: 'fu-pty',
      timer: 'first-output',
      until: 'Contact (id, email',
      argv: fu('log'),
      env: { FU_DB: file },
      ref: base.label,
      instead: true,
    },
  ];
}

// ---- running and measuring -------------------------------------------------------------

const rssFile = path.join(os.tmpdir(), `fu-bench-rss-${process.pid}`);

/** One timed process: wall milliseconds, peak RSS (KiB, or null), stdout bytes. */
function runOnce(cmd) {
  if (cmd.timer === 'first-output') return timeFirstOutput(cmd);
  let argv = cmd.argv;
  const env = { ...baseEnv(cmd.env) };
  if (cmd.pty) argv = [SCRIPT, '-qec', argv.map(quote).join(' '), '/dev/null'];
  if (GNU_TIME) argv = [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv];
  else if (cmd.node || cmd.pty) {
    env.NODE_OPTIONS = `--import=${pathToFileURL(RSS_PRELOAD).href}`;
    env.FU_BENCH_RSS_FILE = rssFile;
  }
  fs.rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd.label} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  let rss = null;
  if (fs.existsSync(rssFile)) {
    const kib = fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number).filter(Number.isFinite);
    if (kib.length) rss = Math.max(...kib);
  }
  return { ms, rss, bytes: r.stdout.length };
}

/** A pseudo-terminal run timed by bench/first-output.cjs (the helper's own start-up is not counted); no RSS. */
function timeFirstOutput(cmd) {
  const r = spawnSync(NODE, [FIRST_OUTPUT, cmd.until, ...cmd.argv], { env: baseEnv(cmd.env), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd.label}: ${r.stderr.slice(0, 500)}`);
  return { ms: Number(r.stdout), rss: null, bytes: 0 };
}

const quantile = (sorted, q) => {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
};

function measure(commands) {
  const samples = commands.map(() => []);
  const order = commands.map((_, i) => i);
  for (let round = 0; round < WARMUP + RUNS; round++) {
    // Forward, then backward: no command always runs right after the same one (the ISO and
    // natural-date twins would otherwise always meet the machine in the same state).
    (round % 2 === 0 ? order : [...order].reverse()).forEach((i) => {
      const cmd = commands[i];
      cmd.before?.();
      try {
        const s = runOnce(cmd);
        if (round >= WARMUP) samples[i].push(s);
      } finally {
        cmd.after?.();
      }
    });
  }
  return commands.map((cmd, i) => {
    const ms = samples[i].map((s) => s.ms).sort((a, b) => a - b);
    const rss = samples[i].map((s) => s.rss).filter((x) => x !== null);
    return {
      command: cmd.label,
      kind: cmd.kind,
      ref: cmd.ref ?? null,
      runs: ms.length,
      medianMs: quantile(ms, 0.5),
      p25Ms: quantile(ms, 0.25),
      p75Ms: quantile(ms, 0.75),
      minMs: ms[0],
      maxMs: ms[ms.length - 1],
      peakRssMiB: rss.length ? Math.max(...rss) / 1024 : null,
      stdoutBytes: samples[i][0]?.bytes ?? 0,
    };
  });
}

// ---- the benchmark --------------------------------------------------------------------

const started = Date.now();
const results = [];
const notes = [];
if (!GNU_TIME) notes.push('peak RSS from Node at exit (/usr/bin/time not found); Taskwarrior RSS unknown');
if (!SCRIPT) notes.push('skipped: pseudo-terminal runs (script from util-linux not installed)');
if (!TASK) notes.push(opts['no-taskwarrior'] ? 'skipped: taskwarrior (--no-taskwarrior)' : 'skipped: taskwarrior not installed');

for (const size of SIZES) {
  const { file, summary } = database(size);
  const { busy, chaseId, counts } = subjects(file);
  const copy = scratch(file, size);
  const fu = (...args) => [NODE, BIN, ...args];
  const env = { FU_DB: file };
  const commands = [
    { label: 'baseline', kind: 'baseline', node: true, argv: [NODE, BASELINE, file] },
    { label: 'fu today', kind: 'fu', node: true, argv: fu('today'), env },
    { label: 'fu today --json', kind: 'fu', node: true, argv: fu('today', '--json'), env },
    { label: 'fu stale', kind: 'fu', node: true, argv: fu('stale'), env },
    { label: `fu show ${busy.id} (${busy.n} touches)`, kind: 'fu', node: true, argv: fu('show', String(busy.id)), env },
    { label: 'fu stats', kind: 'fu', node: true, argv: fu('stats'), env },
  ];
  if (chaseId !== null) {
    let snap;
    commands.push({
      label: `fu log ${chaseId} (a chase due)`,
      kind: 'fu',
      node: true,
      argv: fu('log', String(chaseId), '--via', 'email', '--outcome', 'sent', '--note', 'Benchmark chase'),
      env: { FU_DB: copy },
      before: () => (snap = snapshotFor(copy, chaseId)),
      after: () => undo(copy, snap),
    });
  } else notes.push(`${size}: skipped fu log (no chase due in the generated data)`);
  {
    let snap;
    commands.push({
      label: 'fu add',
      kind: 'fu',
      node: true,
      argv: fu('add', 'Bench Person', '--company', 'Bench Co', '--email', 'bench.person@bench.example'),
      env: { FU_DB: copy },
      before: () => (snap = snapshotFor(copy, null)),
      after: () => undo(copy, snap),
    });
  }
  if (SCRIPT) {
    commands.push({ label: 'baseline (pty)', kind: 'baseline-pty', pty: true, argv: [NODE, BASELINE, file] });
    commands.push({ label: 'fu today --limit 25 (pty)', kind: 'fu-pty', pty: true, argv: fu('today', '--limit', '25'), env });
  }
  if (chaseId !== null) commands.push(...sellerCommands({ copy, file, subjectId: chaseId, busy, fu }));
  else notes.push(`${size}: skipped the seller's commands (no chase due in the generated data)`);
  commands.push(...(await floorCommands({ file, size, fu })), ...firstPromptCommands({ file, fu }));
  if (TASK) {
    const rc = taskwarrior(size);
    commands.push({ label: `task next (${size} pending)`, kind: 'peer', argv: ['task', `rc:${rc}`, 'next'], env: { TASKRC: rc } });
  }
  log(`bench: ${size} contacts: ${commands.length} commands x ${WARMUP}+${RUNS} rounds...`);
  const measured = measure(commands);
  const base = measured.find((m) => m.kind === 'baseline');
  const basePty = measured.find((m) => m.kind === 'baseline-pty');
  const byLabel = new Map(measured.map((m) => [m.command, m]));
  measured.forEach((m, i) => {
    const cmd = commands[i];
    const refRow = m.ref === null ? null : byLabel.get(m.ref);
    // A row timed its own way (a pseudo-terminal helper, a floor) is compared with its reference instead of the baseline.
    const baseRow = cmd.instead && cmd.timer ? refRow : m.kind === 'fu-pty' ? basePty : base;
    m.size = size;
    m.ratio = m.kind === 'baseline' || m.kind === 'baseline-pty' ? 1 : m.medianMs / baseRow.medianMs;
    m.refRatio = refRow ? m.medianMs / refRow.medianMs : null;
    const budgets = [];
    if (m.kind.startsWith('fu') && size >= 100_000) {
      budgets.push({ ratio: BUDGET.ratio100k, against: cmd.instead ? 'ref' : 'base', rssMiB: m.peakRssMiB === null ? null : BUDGET.rssMiB });
    }
    if (m.command === 'fu today' && size <= 1000) budgets.push({ ratio: BUDGET.todayRatio1k, against: 'base', rssMiB: null });
    if (cmd.refBudget) budgets.push({ ratio: cmd.refBudget, against: 'ref', rssMiB: null });
    m.budgets = budgets;
    m.withinBudget = budgets.length
      ? budgets.every((b) => (b.against === 'ref' ? m.refRatio : m.ratio) <= b.ratio && (b.rssMiB === null || m.peakRssMiB < b.rssMiB))
      : null;
  });
  results.push({ size, counts, generation: summary, commands: measured });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
}

// ---- fu import: 100,000 rows into an empty database, once (a one-off job, not a daily command) ----

const IMPORT_ROWS = 100_000;
const IMPORT_BUDGET_MS = 30_000;
const importRun = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fu-bench-import-'));
  try {
    const lines = ['First Name,Last Name,Email,Phone Number,Company Name,Lifecycle Stage'];
    for (let i = 0; i < IMPORT_ROWS; i++)
      lines.push(`First${i},Last${i},person${i}@example${i % 97}.org,+1 555 ${String(i).padStart(6, '0')},Company ${i % 5000},Lead`);
    const csv = path.join(dir, 'contacts.csv');
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);
    log(`bench: fu import of ${IMPORT_ROWS} rows...`);
    const m = runOnce({ label: 'fu import', node: true, argv: [NODE, BIN, 'import', csv], env: { FU_DB: path.join(dir, 'fu.db') } });
    return {
      command: `fu import (${IMPORT_ROWS} CSV rows, empty database)`,
      ms: m.ms,
      peakRssMiB: m.rss === null ? null : m.rss / 1024,
      budgetMs: IMPORT_BUDGET_MS,
      withinBudget: m.ms < IMPORT_BUDGET_MS,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();

// ---- report ----------------------------------------------------------------------------

const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const fmt = (x, d = 1) => (x === null || x === undefined ? '-' : x.toFixed(d));
const lines = [];
lines.push(
  `fu benchmark: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${RUNS} runs after ${WARMUP} warm-up rounds`,
);
lines.push(
  `FU_NOW=${NOW} TZ=${TZ}; ${TOUCHES_PER_CONTACT} touches per contact on average; load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
lines.push('x base = median / baseline median (pty rows: / their baseline in a pseudo-terminal); x ref = median / the median of the row named under the table');
lines.push('');
const header = `${pad('command', 40)} ${pad('contacts', 8, true)} ${pad('median ms', 10, true)} ${pad('p25-p75 ms', 13, true)} ${pad('x base', 7, true)} ${pad('x ref', 6, true)} ${pad('RSS MiB', 8, true)}  budget`;
lines.push(header);
lines.push('-'.repeat(header.length + 6));
const refs = new Map();
for (const r of results) {
  for (const m of r.commands) {
    const budget = m.budgets.length
      ? `${m.withinBudget ? 'ok' : 'OVER'} (${m.budgets.map((b) => `<= ${b.ratio}x ${b.against}${b.rssMiB ? `, < ${b.rssMiB} MiB` : ''}`).join('; ')})`
      : '';
    if (m.ref) refs.set(m.command, m.ref);
    lines.push(
      `${pad(m.command, 40)} ${pad(r.size, 8, true)} ${pad(fmt(m.medianMs), 10, true)} ${pad(`${fmt(m.p25Ms)}-${fmt(m.p75Ms)}`, 13, true)} ${pad(fmt(m.ratio, 2), 7, true)} ${pad(fmt(m.refRatio, 2), 6, true)} ${pad(fmt(m.peakRssMiB), 8, true)}  ${budget}`,
    );
  }
  lines.push('');
}
for (const [command, ref] of refs) lines.push(`x ref of ${command}: against ${ref}`);
lines.push('');
// How each command's time grows with the database, from the smallest size to the largest.
if (results.length > 1) {
  const first = results[0];
  const last = results[results.length - 1];
  lines.push(`growth from ${first.size} to ${last.size} contacts (median ms):`);
  for (const m of first.commands) {
    const key = m.command.replace(/ \d+ \(.*\)$/, '').replace(/\(\d+ pending\)/, '');
    const other = last.commands.find((x) => x.command.replace(/ \d+ \(.*\)$/, '').replace(/\(\d+ pending\)/, '') === key);
    if (!other) continue;
    const mid = results.slice(1, -1).map((r) => r.commands.find((x) => x.command.replace(/ \d+ \(.*\)$/, '').replace(/\(\d+ pending\)/, '') === key));
    lines.push(`  ${pad(key.trim(), 34)} ${[m, ...mid, other].map((x) => pad(fmt(x?.medianMs), 8, true)).join(' ')}   x${fmt(other.medianMs / m.medianMs, 2)}`);
  }
  lines.push('');
}
lines.push(
  `${importRun.command}: ${fmt(importRun.ms / 1000, 1)} s, ${fmt(importRun.peakRssMiB)} MiB (budget < ${importRun.budgetMs / 1000} s: ${importRun.withinBudget ? 'ok' : 'OVER'})`,
);
lines.push('');
const checked = results.flatMap((r) => r.commands).filter((m) => m.withinBudget !== null);
const over = checked.filter((m) => !m.withinBudget);
lines.push(
  over.length
    ? `budget: ${over.length} of ${checked.length} figures over: ${over.map((m) => `${m.command} at ${m.size}`).join('; ')}`
    : `budget: all ${checked.length} figures within`,
);
for (const n of notes) lines.push(n);
lines.push(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.stdout.write(`${lines.join('\n')}\n`);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const json = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? null,
    memGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg(),
  },
  settings: {
    now: NOW,
    tz: TZ,
    touchesPerContact: TOUCHES_PER_CONTACT,
    seed: SEED,
    runs: RUNS,
    warmup: WARMUP,
    rss: GNU_TIME ? '/usr/bin/time %M' : 'node process.resourceUsage().maxRSS',
  },
  budget: BUDGET,
  results,
  import: importRun,
  notes,
};
fs.writeFileSync(path.join(RESULTS, `bench-${stamp}.json`), `${JSON.stringify(json, null, 2)}\n`);
fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
log(`bench: results in ${path.relative(ROOT, path.join(RESULTS, `bench-${stamp}.json`))}`);
fs.rmSync(rssFile, { force: true });
if (opts.strict && over.length) process.exitCode = 1;
