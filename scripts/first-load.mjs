// The first load's bytes: what the console's page fetches before its first row (every wasm,
// JS, CSS and HTML file of dist/ but the on-demand chunks of src/ui/chunks.rs and embed.js,
// plus config.json), each compressed with brotli at quality 11 as the build ships it.
// Deterministic for a given build, so CI guards it (scripts/test.sh):
//
//   node scripts/first-load.mjs dist [--max-kb 200]
//
// prints each file and the total, and fails when the total is above the limit.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The chunks fetched when their part is first used, not on load. */
export const onDemand = (f) => /(^|\/)(split_|chunk_)[^/]*\.wasm$/.test(f);

const brotli = (file) => zlib.brotliCompressSync(fs.readFileSync(file), {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;

/** Bytes per file of `dir` (relative names; snippets/ included), brotli q11. */
export function sizes(dir, files) {
  return Object.fromEntries(files.map((f) => [f, brotli(path.join(dir, f))]));
}

export function builtFiles(dist) {
  return fs.readdirSync(dist, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(wasm|js|css|html)$/.test(f) && f !== 'embed.js');
}

export function firstLoadFiles(dist) {
  return [...builtFiles(dist).filter((f) => !onDemand(f)), 'config.json'];
}

export function onDemandFiles(dist) {
  return builtFiles(dist).filter(onDemand);
}

const total = (s) => Object.values(s).reduce((a, b) => a + b, 0);
export const firstLoadBytes = (dist) => total(sizes(dist, firstLoadFiles(dist)));
export const onDemandBytes = (dist) => total(sizes(dist, onDemandFiles(dist)));

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] || 'dist';
  const i = process.argv.indexOf('--max-kb');
  const maxKb = i > 0 ? Number(process.argv[i + 1]) : Infinity;
  const each = sizes(dist, firstLoadFiles(dist));
  for (const [f, b] of Object.entries(each)) console.log(`  ${String(b).padStart(7)} B  ${f}`);
  const kb = total(each) / 1000;
  console.log(`first load: ${kb.toFixed(1)} KB brotli${Number.isFinite(maxKb) ? ` (guard: at most ${maxKb} KB)` : ''}`);
  if (kb > maxKb) {
    console.error(`first-load: ${kb.toFixed(1)} KB is above the ${maxKb} KB guard (BENCHMARKS.md); what grew is listed above`);
    process.exit(1);
  }
}
