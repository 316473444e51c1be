#!/usr/bin/env node
/**
 * `npm run gen -- --contacts N [--touches-per-contact K] [--db PATH] [--seed S] [--force]`
 *
 * The generator (bench/generator.ts) is not part of fu's package: it is built
 * here, with the src/ modules it writes through, into one file under
 * bench/build/ (esbuild, a fraction of a second), then run.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));

/** Builds the generator; its path. */
export async function buildGenerator() {
  const outfile = path.join(BENCH, 'build', 'generator.mjs');
  await build({
    entryPoints: [path.join(BENCH, 'generator.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // bin/layout.cjs, bundled in, uses require and __dirname, which an ES module does not have.
    banner: {
      js: [
        "import { createRequire as __fuCreateRequire } from 'node:module';",
        "import { dirname as __fuDirname } from 'node:path';",
        "import { fileURLToPath as __fuFileURLToPath } from 'node:url';",
        'const require = __fuCreateRequire(import.meta.url);',
        'const __dirname = __fuDirname(__fuFileURLToPath(import.meta.url));',
      ].join('\n'),
    },
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { cli } = await import(pathToFileURL(await buildGenerator()).href);
    process.exitCode = await cli(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`gen: ${err?.message ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
