// Portal side of the iframe mode: frame the console with ?embed=iframe and answer its
// "ready" and "token-needed" messages with the portal's token. The console's config.json
// must list this page's origin in embed_origins, and its server must allow framing
// (frame-ancestors in deploy/nginx/swr-share-site.conf).
const frame = document.querySelector('iframe');
const log = document.getElementById('portal-log');
let consoleOrigin = null;

function sendToken() {
  if (!consoleOrigin) return;
  const token = document.getElementById('portal-token').value;
  frame.contentWindow.postMessage({ type: 'swr-share:token', token }, consoleOrigin);
}

window.addEventListener('message', (ev) => {
  if (ev.origin !== consoleOrigin || ev.source !== frame.contentWindow) return;
  if (ev.data?.type === 'swr-share:ready' || ev.data?.type === 'swr-share:token-needed') {
    log.textContent = `Console asked for a token (${ev.data.type}).`;
    sendToken();
  }
});

document.getElementById('open').addEventListener('click', () => {
  const url = new URL(document.getElementById('console-url').value);
  url.searchParams.set('embed', 'iframe');
  consoleOrigin = url.origin;
  frame.src = url.href;
  frame.hidden = false;
});
document.getElementById('send').addEventListener('click', sendToken);
