// Host-page side of the mount API. Assumes the console is served at ../tools/swr-share/
// on this origin (see deploy/); adjust the import for yours.
import { load } from '../tools/swr-share/embed.js';

let handle = null;
window.tokenCalls = 0;

document.getElementById('mount').addEventListener('click', async () => {
  if (handle) return;
  const app = await load();
  handle = app.mount(document.getElementById('shares'), {
    swr: '/swr/eu-de',
    iam: '/iam/eu-de',
    region: 'eu-de',
    // A real portal would fetch a fresh token from its back end here.
    token: () => { window.tokenCalls += 1; return document.getElementById('portal-token').value; },
    namespace: 'acme-prod',
    repository: 'payments-api',
  });
});

document.getElementById('unmount').addEventListener('click', () => {
  handle?.unmount();
  handle = null;
});
