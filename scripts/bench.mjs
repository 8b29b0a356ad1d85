// Measures the release bundle (raw, gzip -9, brotli q11 per file of the first load) and
// the time from navigation to a rendered share table, and records both in BENCHMARKS.md.
// Run through scripts/bench.sh, which builds first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startAll } from '../end2end/support/env.mjs';
import { builtFiles, onDemand } from './first-load.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
// As CI's guard counts them (scripts/first-load.mjs): embed.js is only for host pages, and
// the chunks of src/ui/chunks.rs are fetched when their part is first used.
const files = builtFiles(dist);
const measure = (f) => {
  const buf = fs.readFileSync(path.join(dist, f));
  return {
    file: f.replace(/-[0-9a-f]{12,16}(?=[._])/, '-<hash>'),
    kind: path.extname(f).slice(1),
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = files.filter((f) => !onDemand(f)).map(measure).sort((a, b) => b.raw - a.raw);
const chunks = files.filter(onDemand).map(measure).sort((a, b) => b.raw - a.raw);
const total = (k, list = rows) => list.reduce((s, r) => s + r[k], 0);

const env = await startAll();
const token = await env.emulator.token();
const times = [];
for (let i = 0; i < 7; i++) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // A second load of the page (its files cached, as a returning user's), then the token
  // typed: the time is the page's own clock at the first row.
  await page.goto(`${env.appUrl}/?namespace=acme-prod&repository=payments-api`);
  await page.reload();
  await page.getByLabel('IAM token', { exact: true }).fill(token);
  await page.getByLabel('IAM token', { exact: true }).press('Enter');
  await page.locator('tbody tr').first().waitFor();
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
await env.stop();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];

const fmt = (n) => n.toLocaleString('en-US');
const table = [
  '| file | raw (B) | gzip -9 (B) | brotli q11 (B) |',
  '|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.file} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`),
  `| **first load (all of the above)** | **${fmt(total('raw'))}** | **${fmt(total('gzip'))}** | **${fmt(total('brotli'))}** |`,
  ...chunks.map((r) => `| on demand: ${r.file} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`),
  `| **on demand (all chunks, each fetched when its part is first used)** | **${fmt(total('raw', chunks))}** | **${fmt(total('gzip', chunks))}** | **${fmt(total('brotli', chunks))}** |`,
].join('\n');
const when = new Date().toISOString().slice(0, 10);
const section = `<!-- bench:start -->
Measured ${when} by \`scripts/bench.sh\` (release build: opt-level z, LTO, wasm-opt -Oz --converge from binaryen 132, JS minified by esbuild;
headless Chromium ${env.browser.version()} on the 2-core project machine).

${table}

Navigation start → first share row rendered (release build, loopback, token typed by the script,
${times.length} runs): median **${Math.round(median)} ms** (min ${Math.round(times[0])}, max ${Math.round(times[times.length - 1])}).
<!-- bench:end -->`;
const file = 'BENCHMARKS.md';
const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
fs.writeFileSync(file, old.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section));
console.log(table);
console.log(`median time to table: ${Math.round(median)} ms`);
