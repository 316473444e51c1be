#!/usr/bin/env node
// `node bench/first-output.cjs TEXT COMMAND [ARGS...]`, run by bench/bench.js:
// runs COMMAND in a pseudo-terminal (80x40) with this process's environment
// and prints the milliseconds from its start until TEXT first appears on the
// terminal (then it is interrupted with Ctrl-C and waited for), or, when TEXT
// is empty, until it exits. Measured here, from the spawn, so that starting
// this helper and the pseudo-terminal library is not counted.
'use strict';
const pty = require('@lydell/node-pty');

const [text, command, ...args] = process.argv.slice(2);
const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
const term = pty.spawn(command, args, { cols: 80, rows: 40, env: { TERM: 'xterm-256color', ...process.env } });
let output = '';
let ms = null;
const timer = setTimeout(() => {
  process.stderr.write(`no "${text}" after 30 s; output so far:\n${output}\n`);
  term.kill('SIGKILL');
  process.exit(1);
}, 30_000);
term.onData((data) => {
  if (ms !== null) return;
  output += data;
  if (text && output.includes(text)) {
    ms = elapsed();
    term.write('\u0003');
  }
});
term.onExit(({ exitCode }) => {
  clearTimeout(timer);
  if (!text) ms = exitCode === 0 ? elapsed() : null;
  if (ms === null) {
    process.stderr.write(`exited ${exitCode}${text ? ` before "${text}" appeared` : ''}:\n${output}\n`);
    process.exit(1);
  }
  process.stdout.write(`${ms}\n`);
});
