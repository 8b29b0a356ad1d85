// swr-share embedding loader, under a stable name so host pages need not know the hashed
// file names of a build. Usage (same origin as the console, or with CORS allowed):
//
//   import { load } from '/tools/swr-share/embed.js';
//   const app = await load();
//   const handle = app.mount(element, { swr: '/swr/eu-de', iam: '/iam/eu-de', region: 'eu-de',
//                                       token: () => portal.token() });
//   handle.unmount();
//
// It reads the console's index.html for the current module, wasm and stylesheet, loads
// them once, and adds the stylesheet (scoped under .swr-share) to the host page.
const base = new URL('.', import.meta.url);
let loading;

export function load() {
  loading ??= (async () => {
    const html = await (await fetch(new URL('index.html', base))).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const href = (selector) => {
      const el = doc.querySelector(selector);
      if (!el) throw new Error(`swr-share: ${selector} not found in index.html`);
      return new URL(el.getAttribute('href'), base).href;
    };
    const js = href('link[rel="modulepreload"]');
    const wasm = href('link[rel="preload"][as="fetch"][href$=".wasm"]');
    for (const sheet of doc.querySelectorAll('link[rel="stylesheet"][href*="app-"]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(sheet.getAttribute('href'), base).href;
      document.head.appendChild(link);
    }
    const bindings = await import(js);
    await bindings.default({ module_or_path: wasm });
    return { mount: (element, options = {}) => bindings.mount(element, options) };
  })();
  return loading;
}
