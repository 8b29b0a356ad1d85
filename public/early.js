// Inlined into the head of index.html by Trunk. A classic script: it runs while the page
// is parsed, long before the wasm has arrived. It asks for config.json and, when this tab
// already keeps a token ("Keep me signed in for this tab") and the URL names a
// repository, for that repository's share list. The console takes these answers from
// window.__swrShareEarly (src/api/early.rs) only for exactly the request it would send
// itself; otherwise it asks again. It also builds one date formatter: the first one in a
// page loads the locale's data (≈ 30 ms), better spent now than between the list and the
// first row.
(() => {
  const early = (window.__swrShareEarly = {});
  const config = fetch('config.json').then((r) => (r.ok ? r.text() : null)).catch(() => null);
  early.config = config;
  // Right after this script has sent its request: the page is idle until the wasm arrives,
  // and later the same 30–90 ms would delay the first row.
  setTimeout(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }).format(0));

  const q = new URLSearchParams(location.search);
  // Embedded (the host gives the token) or another view: nothing to ask for early.
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
    answer.catch(() => {}); // a failure is the console's to report, when it takes the answer
    return { url, token, at: Date.now(), answer };
  }).catch(() => null);
})();
