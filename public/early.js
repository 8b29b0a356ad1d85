// Inlined into index.html (it is part of the first load: keep it small). Runs while the
// page is parsed: asks for config.json and, with a kept token and a repository in the URL,
// for the share list, which src/api/early.rs hands to the console; warms the locale data.
(() => {
  const early = (window.__swrShareEarly = {});
  const config = fetch('config.json').then((r) => (r.ok ? r.text() : null)).catch(() => null);
  early.config = config;
  // The page is idle until the wasm arrives; later these 30–90 ms would delay the first row.
  setTimeout(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }).format(0));

  const q = new URLSearchParams(location.search);
  // Embedded (the host gives the token) or another view: no list to ask for.
  if (q.get('embed') || q.get('view')) return;
  let token = '';
  try {
    token = String(JSON.parse(sessionStorage.getItem('swr-share.session') || '{}').token || '').trim();
  } catch {
    return;
  }
  const namespace = (q.get('namespace') || '').trim();
  const repository = (q.get('repository') || '').trim();
  if (!token || !namespace || !repository) return;
  // As src/api/requests.rs encodes a path segment; SWR spells `/` in a name as `$`.
  const keep = /[A-Za-z0-9\-._~$]/;
  const segment = (s) => Array.from(new TextEncoder().encode(s), (b) => {
    const c = String.fromCharCode(b);
    return keep.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  early.list = config.then((text) => {
    const base = String(JSON.parse(text).regions[0].swr || '').trim().replace(/\/+$/, '');
    const url = `${base}/v2/manage/namespaces/${segment(namespace)}/repositories/${segment(repository.replaceAll('/', '$'))}/access-domains`;
    const answer = fetch(url, { headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token } });
    answer.catch(() => {}); // the console reports a failure when it takes the answer
    return { url, token, at: Date.now(), answer };
  }).catch(() => null);
})();
