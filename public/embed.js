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
    // The <link> tags read as text, not parsed into a document: DOMParser is an HTML sink a
    // host page that enforces Trusted Types refuses.
    const links = (html.match(/<link\b[^>]*>/g) ?? []).map((tag) => Object.fromEntries(
      [...tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])));
    const href = (what, test) => {
      const link = links.find(test);
      if (!link) throw new Error(`swr-share: no ${what} in index.html`);
      return new URL(link.href, base).href;
    };
    // The app's own module (the other module preloads are what it imports).
    const js = href('module', (l) => l.rel === 'modulepreload' && /(^|\/)swr-share-[0-9a-f]+\.js$/.test(l.href));
    const wasm = href('wasm', (l) => l.rel === 'preload' && l.as === 'fetch' && l.href.endsWith('.wasm'));
    for (const sheet of links.filter((l) => l.rel === 'stylesheet' && l.href.includes('app-'))) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(sheet.href, base).href;
      document.head.appendChild(link);
    }
    const bindings = await import(js);
    await bindings.default({ module_or_path: wasm });
    return { mount: (element, options = {}) => bindings.mount(element, options) };
  })();
  return loading;
}
