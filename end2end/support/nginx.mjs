// Runs Debian's nginx with the configuration the project ships (deploy/nginx/), serving
// the release build at the root and under /tools/swr-share/, and proxying the region
// "eu-de" to the test's emulator. Only the site file (allow-lists) is the test's own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports.mjs';

export const SUB_PATH = '/tools/swr-share/';


function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/** Starts nginx; `frameAncestors` is added after 'self' (for the iframe example). */
export async function startNginx({ root, dist, emulatorUrl, frameAncestors = '' }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swr-share-nginx-'));
  const www = path.join(dir, 'www');
  const config = (base) => JSON.stringify({
    regions: [{ id: 'eu-de', label: 'Emulator behind nginx', swr: '/swr/eu-de', iam: '/iam/eu-de', registry: 'swr.eu-de.emulator.local' }],
    embed_origins: frameAncestors ? frameAncestors.split(' ') : [],
  });
  for (const target of [www, path.join(www, SUB_PATH)]) {
    copyDir(dist, target);
    fs.writeFileSync(path.join(target, 'config.json'), config(target));
  }
  // The host-page examples, served beside the console as a portal on this origin would.
  copyDir(path.join(root, 'examples'), path.join(www, 'examples'));
  const deploy = path.join(root, 'deploy', 'nginx');
  for (const f of fs.readdirSync(deploy)) fs.copyFileSync(path.join(deploy, f), path.join(dir, f));
  const emu = new URL(emulatorUrl);
  fs.writeFileSync(path.join(dir, 'swr-share-site.conf'), `
map $swr_region $swr_upstream { default ""; eu-de http://${emu.host}; }
map $iam_region $iam_upstream { default ""; eu-de http://${emu.host}; }
map $host $swr_share_frame_ancestors { default "'self' ${frameAncestors}"; }
`);
  const port = await freePort();
  // The brotli module (Debian's libnginx-mod-http-brotli-static, from setup.sh), by its
  // full path: -p below moves nginx's own relative module paths into the temp directory.
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/client;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/swr-share-site.conf;
  include ${dir}/swr-share-maps.conf;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    include ${dir}/swr-share-server.conf;
    include ${dir}/swr-share-brotli.conf;
  }
}
`);
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', `daemon off;${process.getuid?.() === 0 ? ' user root;' : ''}`];
  const check = spawn('/usr/sbin/nginx', [...args, '-t'], { stdio: 'pipe' });
  const checkOut = await new Promise((resolve) => { let o = ''; check.stderr.on('data', (d) => { o += d; }); check.on('exit', (code) => resolve({ code, o })); });
  if (checkOut.code !== 0) throw new Error(`nginx -t failed:\n${checkOut.o}`);
  const proc = spawn('/usr/sbin/nginx', args, { stdio: 'inherit' });
  let exited = null;
  proc.once('exit', (code) => { exited = code; });
  // Up within 10 s, or a loud failure with nginx's own log.
  const deadline = Date.now() + 10_000;
  for (;;) {
    try { await fetch(`http://127.0.0.1:${port}/config.json`); break; } catch { /* not yet */ }
    if (exited !== null || Date.now() > deadline) {
      const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '(no error.log)';
      proc.kill('SIGKILL');
      throw new Error(`nginx did not start (${exited !== null ? `exited with ${exited}` : 'no answer in 10 s'}):\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => { proc.once('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); }); proc.kill('SIGQUIT'); }),
  };
}
