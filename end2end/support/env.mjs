// The end-to-end environment: a fresh SWR emulator and the built app behind a same-origin
// proxy, each on a free loopback port, plus headless Chromium (Debian's, never a download).
// Everything started here is stopped by stop().
import { spawn } from 'node:child_process';
import { before, after, beforeEach } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticProxy } from './static-proxy.mjs';
import { startNginx, SUB_PATH } from './nginx.mjs';

/**
 * `nginx` (default): Debian's nginx with deploy/nginx/, the production path; `node`: the run
 * command's server (scripts/serve.mjs), whose own tests are serve.test.mjs and
 * run-command.test.mjs.
 */
export const SERVER = process.env.SWR_SHARE_SERVER || 'nginx';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS = path.join(ROOT, 'end2end', 'test-results');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function startEmulator(extraArgs = []) {
  const bin = process.env.SWR_EMULATOR_BIN || path.join(ROOT, 'target', 'debug', 'swr-emulator');
  if (!fs.existsSync(bin)) throw new Error(`no emulator at ${bin}: run cargo build -p swr-emulator`);
  const proc = spawn(bin, ['--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; process.stderr.write(d); });
  const lines = readline.createInterface({ input: proc.stdout });
  const info = {};
  // Its first lines within 10 s, or a loud failure with what it said.
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  for await (const line of lines) {
    const url = line.match(/listening on (http:\/\/\S+)/);
    if (url) info.url = url[1];
    const token = line.match(/demo token \(valid 24 h\): (\S+)/);
    if (token) { info.token = token[1]; break; }
  }
  clearTimeout(timer);
  if (!info.url || !info.token) throw new Error(`the emulator did not start (${bin} ${extraArgs.join(' ')}):\n${stderr}`);
  const admin = async (method, p, body) => {
    const r = await fetch(`${info.url}/_emulator${p}`, {
      method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
    });
    if (r.status >= 400) throw new Error(`admin ${method} ${p}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? null : r.json();
  };
  return {
    ...info, proc, admin,
    /** A fresh token for a demo user. */
    token: async (user = 'alice', expires_in_seconds) => (await admin('POST', '/tokens', { user, expires_in_seconds })).token,
    reset: () => admin('POST', '/reset'),
    fault: (f) => admin('POST', '/faults', f),
    stop: () => new Promise((resolve) => { proc.once('exit', resolve); proc.kill('SIGTERM'); }),
  };
}

/**
 * Emulator + app + browser: `startAll()` in before(), `stop()` in after(). Under nginx the
 * app is also served at SUB_PATH (`subPathUrl`), and `frameAncestors` may frame it.
 */
export async function startAll({ frameAncestors = '', server = SERVER } = {}) {
  const emulator = await startEmulator();
  const dist = process.env.SWR_SHARE_DIST || path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no build in ${dist}: run trunk build --release`);
  let appUrl;
  let stopServer;
  if (server === 'nginx') {
    const nginx = await startNginx({ root: ROOT, dist, emulatorUrl: emulator.url, frameAncestors });
    appUrl = nginx.url;
    stopServer = nginx.stop;
  } else {
    const server = await startStaticProxy(dist, emulator.url, 0);
    appUrl = `http://127.0.0.1:${server.address().port}`;
    stopServer = () => new Promise((r) => server.close(r));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    emulator, appUrl, browser, server,
    subPathUrl: server === 'nginx' ? `${appUrl}${SUB_PATH}` : null,
    stop: async () => {
      await browser.close();
      await stopServer();
      await emulator.stop();
    },
  };
}

/**
 * The environment of one test file: `startAll(options)` before its tests, the emulator's
 * demo data again before each, everything stopped after. Its fields are there once the
 * file's `before` has run.
 */
export function useEnv(options) {
  const env = {};
  before(async () => { Object.assign(env, await startAll(options)); });
  after(async () => { await env.stop?.(); });
  beforeEach(async () => { await env.emulator.reset(); });
  return env;
}

/**
 * Runs one scenario in a fresh browser context with tracing; on failure keeps a screenshot
 * and a trace under end2end/test-results/ and prints where. A page error or a CSP violation
 * (Trusted Types included) fails it.
 */
export async function scenario(env, name, fn, { bypassCSP = false, expectViolations = 0 } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
  await context.tracing.start({ screenshots: true, snapshots: true });
  // Every CSP and Trusted Types violation of the scenario's pages fails it.
  const violations = [];
  await context.exposeBinding('__reportViolation', (_, v) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await fn(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    if (!bypassCSP && violations.length !== expectViolations) {
      throw new Error(`${violations.length} CSP violations (${expectViolations} expected): ${violations.join('; ')}`);
    }
    await context.tracing.stop();
  } catch (e) {
    fs.mkdirSync(RESULTS, { recursive: true });
    const base = path.join(RESULTS, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
    await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
    await context.tracing.stop({ path: `${base}-trace.zip` }).catch(() => {});
    console.error(`e2e failure artefacts: ${base}.png, ${base}-trace.zip`);
    throw e;
  } finally {
    await context.close();
  }
}
