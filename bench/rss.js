// Preloaded (NODE_OPTIONS=--import) by bench/bench.js when /usr/bin/time is not
// there: writes this process's peak resident set size (KiB) when it exits.
import fs from 'node:fs';

const file = process.env.FU_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
